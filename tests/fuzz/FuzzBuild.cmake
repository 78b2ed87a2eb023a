# Included by the top-level CMakeLists when WTM_FUZZ=ON: the libFuzzer build (build-fuzz/).
# Everything is compiled with coverage instrumentation for libFuzzer plus ASan and UBSan (UBSan
# aborts, so that a finding is a crash libFuzzer keeps). Only the libraries of the loaders are
# declared, EXCLUDE_FROM_ALL, so that `cmake --build build-fuzz` builds the harnesses and what they
# link, nothing else: no Verilated core, no firmware, no GoogleTest suites.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "WTM_FUZZ=ON needs clang (libFuzzer): CC=clang CXX=clang++ cmake -B build-fuzz -DWTM_FUZZ=ON")
endif()
set(WTM_FUZZ_SANITIZERS "address,undefined" CACHE STRING "Sanitizers of the fuzz build (with fuzzer-no-link)")
add_compile_options(-g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,${WTM_FUZZ_SANITIZERS}
                    -fno-sanitize-recover=all
                    -fsanitize-coverage-ignorelist=${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/coverage-ignorelist.txt)
add_link_options(-fsanitize=${WTM_FUZZ_SANITIZERS})
# The GEMM's -march=native is of no use here, and keeps the build dir portable.
set(WTM_NPU_NATIVE_ARCH OFF CACHE BOOL "" FORCE)

add_subdirectory(models/common EXCLUDE_FROM_ALL)
add_subdirectory(models/npu EXCLUDE_FROM_ALL)
add_subdirectory(models/audio EXCLUDE_FROM_ALL)
add_subdirectory(models/periph/audio EXCLUDE_FROM_ALL)  # --mic options of the command line
add_subdirectory(tests/fuzz)
