# Code version for output provenance: `git describe` at configure time, else the project version.
set(TAALWERK_GIT_DESCRIBE "v${PROJECT_VERSION}-nogit")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(
    COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --tags
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    OUTPUT_VARIABLE _describe OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _describe_result ERROR_QUIET)
  if(_describe_result EQUAL 0 AND _describe)
    set(TAALWERK_GIT_DESCRIBE "${_describe}")
  endif()
endif()
configure_file("${PROJECT_SOURCE_DIR}/sim/version.hpp.in" "${PROJECT_BINARY_DIR}/generated/taalwerk/version.hpp" @ONLY)
