# Cross toolchain for the firmware in sw/: Debian's riscv64-unknown-elf-gcc with picolibc.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)
set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_ASM_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_CXX_COMPILER riscv64-unknown-elf-g++)
set(CMAKE_OBJCOPY riscv64-unknown-elf-objcopy CACHE FILEPATH "")
set(CMAKE_OBJDUMP riscv64-unknown-elf-objdump CACHE FILEPATH "")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# rv32imafc/ilp32f, as the vendor builds for the chip. GCC 12 has no rv32imc multilib, and a
# _zicsr suffix at link time makes it miss the rv32 multilibs and link the rv64 default: so the
# compiler and assembler get the suffixed ISA string (CSR instructions), the link the plain one.
set(WTM_FW_ISA "rv32imafc" CACHE STRING "Firmware base ISA (selects the multilib)")
set(WTM_FW_ABI "ilp32f" CACHE STRING "Firmware ABI")
set(CMAKE_C_FLAGS_INIT "-march=${WTM_FW_ISA}_zicsr_zifencei -mabi=${WTM_FW_ABI} --specs=picolibc.specs -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "-march=${WTM_FW_ISA}_zicsr_zifencei -mabi=${WTM_FW_ABI} --specs=picolibc.specs")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-march=${WTM_FW_ISA} -mabi=${WTM_FW_ABI} -nostartfiles -Wl,--gc-sections")
