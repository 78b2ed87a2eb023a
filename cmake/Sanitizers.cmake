# WTM_SANITIZE=ON: every host target (models, the Verilated core and Verilator's runtime, tools,
# tests, benches) is compiled and linked with AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer. Included by the top-level CMakeLists.txt before any target is
# defined, so that add_compile_options() reaches the targets verilate() fills too. The firmware
# (cmake/Firmware.cmake, an ExternalProject with its own toolchain) is not affected.
# tools/sanitize.sh configures build-asan with it, builds and runs ctest with the runtime options
# and tools/sanitizer/lsan.supp (docs/robustness.md, "Sanitizers").
option(WTM_SANITIZE "Build the host code with -fsanitize=address,undefined (tools/sanitize.sh)" OFF)
if(WTM_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "WTM_SANITIZE needs GCC or Clang")
  endif()
  # -g1: line tables for the reports' stacks at little build cost. -O1 (after the build type's
  # -O3, so it wins): the usual level for ASan, builds in about half the time of -O3 (Eigen and
  # Verilator's generated code) and runs fast enough for the whole suite.
  set(WTM_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -g1 -O1)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC's -Wmaybe-uninitialized gives false positives in instrumented code (Eigen's AVX paths).
    list(APPEND WTM_SANITIZE_FLAGS -Wno-maybe-uninitialized)
  endif()
  add_compile_options(${WTM_SANITIZE_FLAGS})
  add_link_options(-fsanitize=address,undefined)
  # No profile-guided build of the core (cmake/VerilatedUnit.cmake): its training run would run
  # instrumented code for a speed-up a sanitized build has no use for. A normal variable, which
  # the option() there leaves alone (CMP0077), so that WTM_SANITIZE=OFF brings PGO back.
  set(WTM_RTL_PGO OFF)
  message(STATUS "WTM_SANITIZE: host code built with ${WTM_SANITIZE_FLAGS}; WTM_RTL_PGO off")
endif()
