# Code version for output provenance: `git describe` at every build (cmake/WriteVersionHeader.cmake),
# else the project version. Written once now so the header exists, then refreshed by the
# taalwerk_version target before the core library is compiled.
set(_version_arguments
    -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DBINARY_DIR=${PROJECT_BINARY_DIR} -DPROJECT_VERSION=${PROJECT_VERSION})
execute_process(COMMAND ${CMAKE_COMMAND} ${_version_arguments} -P "${PROJECT_SOURCE_DIR}/cmake/WriteVersionHeader.cmake")
add_custom_target(taalwerk_version
  COMMAND ${CMAKE_COMMAND} ${_version_arguments} -P "${PROJECT_SOURCE_DIR}/cmake/WriteVersionHeader.cmake"
  BYPRODUCTS "${PROJECT_BINARY_DIR}/generated/taalwerk/version.hpp"
  COMMENT "taalwerk version from git describe"
  VERBATIM)
