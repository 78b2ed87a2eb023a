/* Reset entry of bench_cpu on qemu-system-riscv32 -M virt -bios none: QEMU's reset vector jumps
 * to the start of RAM (0x8000_0000), where qemu.ld puts this. The ELF loader has already placed
 * .data where it runs, so there is nothing to copy, only .bss and .tbss to clear. No trap handling:
 * a fault in a speed benchmark is a bug to see in QEMU's own -d int, not to recover from. */
    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la a0, __bss_start
    la a2, __bss_end
1:  bgeu a0, a2, 2f
    sw zero, 0(a0)
    addi a0, a0, 4
    j 1b
2:  la a0, __tbss_start
    la a2, __tbss_end
3:  bgeu a0, a2, 4f
    sw zero, 0(a0)
    addi a0, a0, 4
    j 3b
4:  la tp, __tls_base               /* picolibc keeps errno thread-local */
    li t0, 0x2000                   /* mstatus.FS = Initial: rv32imafc code may touch the FPU */
    csrs mstatus, t0
    csrw fcsr, zero
    li a0, 0
    li a1, 0
    call main
    call exit
5:  wfi
    j 5b
