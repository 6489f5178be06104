# Reads the territory="001" (default) mapping of every Windows zone id to its IANA zone and
# every other territory's IANA ids, and writes them as C++ initializer rows.
file(STRINGS ${INPUT} lines REGEX "<mapZone ")
set(out "// Generated from tzdata/windowsZones.xml by generate_windows_zones.cmake. Do not edit.\n")
foreach(line IN LISTS lines)
  if(line MATCHES "other=\"([^\"]+)\" territory=\"([^\"]+)\" type=\"([^\"]+)\"")
    set(windows_id "${CMAKE_MATCH_1}")
    set(territory "${CMAKE_MATCH_2}")
    set(iana_ids "${CMAKE_MATCH_3}")
    string(APPEND out "{\"${windows_id}\", \"${territory}\", \"${iana_ids}\"},\n")
  endif()
endforeach()
file(WRITE ${OUTPUT}.tmp "${out}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
