# Builds the project's own firmware (sw/) with the RISC-V cross toolchain as a separate CMake
# project, after the BSP header has been generated from the platform tables.
include(ExternalProject)
find_program(WTM_RISCV_GCC riscv64-unknown-elf-gcc)
if(NOT WTM_RISCV_GCC)
  message(FATAL_ERROR "riscv64-unknown-elf-gcc not found: install gcc-riscv64-unknown-elf and "
                      "picolibc-riscv64-unknown-elf, or configure with -DWTM_BUILD_FIRMWARE=OFF")
endif()
set(WTM_FIRMWARE_DIR ${PROJECT_BINARY_DIR}/sw CACHE INTERNAL "Where the firmware ELFs are built")
ExternalProject_Add(firmware
  SOURCE_DIR ${PROJECT_SOURCE_DIR}/sw
  BINARY_DIR ${WTM_FIRMWARE_DIR}
  CMAKE_GENERATOR Ninja
  CMAKE_ARGS -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/riscv-toolchain.cmake
             -DWTM_BSP_HEADER_DIR=${WTM_BSP_HEADER_DIR}
             -DCMAKE_BUILD_TYPE=Release
  BUILD_ALWAYS ON
  INSTALL_COMMAND ""
  DEPENDS bsp_header
  USES_TERMINAL_BUILD ON)
