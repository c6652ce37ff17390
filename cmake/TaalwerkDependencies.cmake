# Finds every dependency; never downloads. All are Debian packages (see scripts/install.sh).
find_package(TBB REQUIRED)
find_package(Boost 1.74 REQUIRED CONFIG)
find_package(HDF5 REQUIRED COMPONENTS C HL)
find_package(tomlplusplus REQUIRED)
find_package(ZLIB REQUIRED)  # CRC-32 of the output file seal (sim/output/file_seal.cpp)
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
find_package(Threads REQUIRED)

# HDF5's CMake module provides variables, not imported targets, on some versions: wrap them once.
if(NOT TARGET taalwerk::hdf5)
  add_library(taalwerk::hdf5 INTERFACE IMPORTED)
  set_target_properties(taalwerk::hdf5 PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${HDF5_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "${HDF5_HL_LIBRARIES};${HDF5_C_LIBRARIES}"
    INTERFACE_COMPILE_DEFINITIONS "${HDF5_DEFINITIONS}")
endif()
if(NOT TARGET taalwerk::random123)
  add_library(taalwerk::random123 INTERFACE IMPORTED)
  set_target_properties(taalwerk::random123 PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${RANDOM123_INCLUDE_DIR}")
endif()
