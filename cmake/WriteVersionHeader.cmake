# Script mode (cmake -P): writes generated/taalwerk/version.hpp from `git describe`, touching the
# file only when the text changes, so a build records the commit it was built from (not the one
# it was configured at) without recompiling anything when nothing changed.
# Inputs: SOURCE_DIR, BINARY_DIR, PROJECT_VERSION.
set(TAALWERK_GIT_DESCRIBE "v${PROJECT_VERSION}-nogit")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(
    COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --tags
    WORKING_DIRECTORY "${SOURCE_DIR}"
    OUTPUT_VARIABLE _describe OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _describe_result ERROR_QUIET)
  if(_describe_result EQUAL 0 AND _describe)
    set(TAALWERK_GIT_DESCRIBE "${_describe}")
  endif()
endif()
configure_file("${SOURCE_DIR}/sim/version.hpp.in" "${BINARY_DIR}/generated/taalwerk/version.hpp" @ONLY)
