#error "core/ must not depend on wire or network libraries (Beast, Asio, pugixml, RapidJSON): see STYLE.md"
