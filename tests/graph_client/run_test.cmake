# Runs graph_client_test.mjs against the built binary, from a copy in the build tree:
#   cmake -DSOURCE_DIR=... -DWORK_DIR=... -DBINARY=... -DNODE=... -DNPM=... -P run_test.cmake
# The SDK is installed there with `npm ci` from the committed package-lock.json (exact versions,
# integrity-checked), only when the lock file changed since the last install; build trees never
# share a node_modules folder, so parallel builds cannot trample each other.
file(MAKE_DIRECTORY ${WORK_DIR})
file(GLOB scripts RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/*.mjs)
foreach(name package.json package-lock.json ${scripts})
  file(COPY_FILE ${SOURCE_DIR}/${name} ${WORK_DIR}/${name} ONLY_IF_DIFFERENT)
endforeach()
if(NOT DEFINED SCRIPT)
  set(SCRIPT graph_client_test.mjs)  # -DSCRIPT=...: another test of this folder
endif()
set(stamp ${WORK_DIR}/node_modules/.oofgate-installed-lock)
set(installed "")
if(EXISTS ${stamp})
  file(READ ${stamp} installed)
endif()
file(READ ${WORK_DIR}/package-lock.json wanted)
if(NOT installed STREQUAL wanted)
  execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
                  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE npm_result)
  if(NOT npm_result EQUAL 0)
    message(FATAL_ERROR "npm ci failed (${npm_result}); the test needs the npm registry or a populated npm cache")
  endif()
  file(COPY_FILE ${WORK_DIR}/package-lock.json ${stamp})
endif()
execute_process(COMMAND ${NODE} ${SCRIPT} --binary ${BINARY}
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE node_result)
if(NOT node_result EQUAL 0)
  message(FATAL_ERROR "${SCRIPT} failed (${node_result})")
endif()
