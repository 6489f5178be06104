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
# A throwaway CA and a server certificate for localhost, so the stock SDK chain runs over https:
# Node trusts the CA only through NODE_EXTRA_CA_CERTS, which it reads at start.
find_program(OPENSSL openssl REQUIRED)
set(tls ${WORK_DIR}/tls)
file(REMOVE_RECURSE ${tls})
file(MAKE_DIRECTORY ${tls})
file(WRITE ${tls}/san.ext "subjectAltName=DNS:localhost,IP:127.0.0.1\n")
foreach(step
    "req;-x509;-newkey;ec;-pkeyopt;ec_paramgen_curve:P-256;-nodes;-days;1;-subj;/CN=oofgate test CA;-keyout;ca.key;-out;ca.pem"
    "req;-newkey;ec;-pkeyopt;ec_paramgen_curve:P-256;-nodes;-subj;/CN=localhost;-keyout;server.key;-out;server.csr"
    "x509;-req;-in;server.csr;-CA;ca.pem;-CAkey;ca.key;-CAcreateserial;-days;1;-extfile;san.ext;-out;server.pem")
  execute_process(COMMAND ${OPENSSL} ${step} WORKING_DIRECTORY ${tls} RESULT_VARIABLE openssl_result
                  OUTPUT_QUIET ERROR_QUIET)
  if(NOT openssl_result EQUAL 0)
    message(FATAL_ERROR "openssl ${step} failed (${openssl_result})")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E env NODE_EXTRA_CA_CERTS=${tls}/ca.pem
                        ${NODE} ${SCRIPT} --binary ${BINARY} --tls-dir ${tls}
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE node_result)
if(NOT node_result EQUAL 0)
  message(FATAL_ERROR "${SCRIPT} failed (${node_result})")
endif()
