# Runs at install time (install(SCRIPT)), so the paths follow the prefix actually installed to:
# `cmake --install build --prefix DIR` and the .deb (prefix /usr, with DESTDIR) alike. Writes the
# systemd unit with the installed binary's path, and the sample config to /etc/oofgate for a /usr
# install (Debian's place for it), else to PREFIX/etc/oofgate.
# file(INSTALL) adds $DESTDIR itself. Expects OOFGATE_PACKAGING_SOURCE_DIR and OOFGATE_PACKAGING_BINARY_DIR.
set(prefix "${CMAKE_INSTALL_PREFIX}")
if(prefix STREQUAL "/usr")
  set(OOFGATE_FULL_CONFDIR "/etc/oofgate")
else()
  set(OOFGATE_FULL_CONFDIR "${prefix}/etc/oofgate")
endif()
set(OOFGATE_FULL_BINDIR "${prefix}/bin")
set(OOFGATE_FULL_DOCDIR "${prefix}/share/doc/oofgate")
configure_file("${OOFGATE_PACKAGING_SOURCE_DIR}/oofgate.service.in" "${OOFGATE_PACKAGING_BINARY_DIR}/oofgate.service"
               @ONLY)
file(INSTALL "${OOFGATE_PACKAGING_BINARY_DIR}/oofgate.service" DESTINATION "${prefix}/lib/systemd/system")
file(INSTALL "${OOFGATE_PACKAGING_SOURCE_DIR}/oofgate.toml" DESTINATION "${OOFGATE_FULL_CONFDIR}")
