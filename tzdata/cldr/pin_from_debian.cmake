# Refreshes the pinned CLDR locale data in this folder from an installed CLDR tree (Debian's
# unicode-cldr-core puts it under /usr/share/unicode/cldr). Run by hand when moving to a new CLDR:
#   cmake -DCLDR=/usr/share/unicode/cldr -P tzdata/cldr/pin_from_debian.cmake
# then record the version in tzdata/README.md. The build never reads outside tzdata/.
if(NOT CLDR)
  set(CLDR /usr/share/unicode/cldr)
endif()
set(here ${CMAKE_CURRENT_LIST_DIR})

# main_locales.txt: the name of every locale CLDR has data for (common/main/*.xml), sorted.
file(GLOB main_files RELATIVE ${CLDR}/common/main ${CLDR}/common/main/*.xml)
list(SORT main_files)
list(TRANSFORM main_files REPLACE "\\.xml$" "")
list(JOIN main_files "\n" main_text)
file(WRITE ${here}/main_locales.txt "${main_text}\n")

# en_display_names.xml: the English localeDisplayNames of common/main/en.xml (pattern, languages,
# scripts, territories), copied verbatim with the file's copyright header.
file(READ ${CLDR}/common/main/en.xml en_xml)
string(FIND "${en_xml}" "<ldml>" ldml_at)
string(SUBSTRING "${en_xml}" 0 ${ldml_at} header)
set(out "${header}<ldml>\n\t<localeDisplayNames>\n")
foreach(section localeDisplayPattern languages scripts territories)
  string(FIND "${en_xml}" "\t\t<${section}>" begin)
  string(FIND "${en_xml}" "</${section}>" end)
  if(begin EQUAL -1 OR end EQUAL -1)
    message(FATAL_ERROR "en.xml has no <${section}> section")
  endif()
  string(LENGTH "</${section}>" closing)
  math(EXPR length "${end} + ${closing} - ${begin}")
  string(SUBSTRING "${en_xml}" ${begin} ${length} text)
  string(APPEND out "${text}\n")
endforeach()
string(APPEND out "\t</localeDisplayNames>\n</ldml>\n")
file(WRITE ${here}/en_display_names.xml "${out}")
