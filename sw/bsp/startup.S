/* Reset entry and trap entry of the project's firmware.
 * Word 0 of the image is `j _start` (the core resets to 0x0 as the chip does in SRAM boot);
 * words 1..50 form the ECLIC vector table (mtvt = vector_base), as in the vendor layout. */
    .section .vectors, "ax"
    .globl vector_base
    .option push
    .option norvc
vector_base:
    j _start
    .rept 50
    .word bsp_default_irq_handler
    .endr
    .option pop

    .section .text.start, "ax"
    .globl _start
_start:
    csrci mstatus, 8                /* interrupts off until the firmware enables them */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la t0, bsp_trap_entry
    csrw mtvec, t0
    /* copy .data and .tdata from their load images in ILM */
    la a0, __data_start
    la a1, __data_load
    la a2, __data_end
1:  bgeu a0, a2, 2f
    lw t0, 0(a1)
    sw t0, 0(a0)
    addi a0, a0, 4
    addi a1, a1, 4
    j 1b
2:  la a0, __tdata_start
    la a1, __tdata_load
    la a2, __tdata_end
3:  bgeu a0, a2, 4f
    lw t0, 0(a1)
    sw t0, 0(a0)
    addi a0, a0, 4
    addi a1, a1, 4
    j 3b
4:  /* zero .bss and .tbss */
    la a0, __bss_start
    la a2, __bss_end
5:  bgeu a0, a2, 6f
    sw zero, 0(a0)
    addi a0, a0, 4
    j 5b
6:  la a0, __tbss_start
    la a2, __tbss_end
7:  bgeu a0, a2, 8f
    sw zero, 0(a0)
    addi a0, a0, 4
    j 7b
8:  la tp, __tls_base
    li t0, 0x2000                   /* mstatus.FS = Initial: the FPU is on */
    csrs mstatus, t0
    csrw fcsr, zero
    csrci 0x320, 5                  /* mcountinhibit: let mcycle/minstret run */
    call bsp_init
    li a0, 0
    li a1, 0
    call main
    call exit
9:  wfi
    j 9b

/* Direct-mode trap entry: save the caller-saved state, call the C handler, which may return a
 * new mepc (for handlers that skip the faulting instruction), restore and mret. */
    .align 6
    .globl bsp_trap_entry
bsp_trap_entry:
    addi sp, sp, -80
    sw ra, 0(sp)
    sw t0, 4(sp)
    sw t1, 8(sp)
    sw t2, 12(sp)
    sw a0, 16(sp)
    sw a1, 20(sp)
    sw a2, 24(sp)
    sw a3, 28(sp)
    sw a4, 32(sp)
    sw a5, 36(sp)
    sw a6, 40(sp)
    sw a7, 44(sp)
    sw t3, 48(sp)
    sw t4, 52(sp)
    sw t5, 56(sp)
    sw t6, 60(sp)
    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    mv a3, sp
    call bsp_trap_handler
    csrw mepc, a0
    lw ra, 0(sp)
    lw t0, 4(sp)
    lw t1, 8(sp)
    lw t2, 12(sp)
    lw a0, 16(sp)
    lw a1, 20(sp)
    lw a2, 24(sp)
    lw a3, 28(sp)
    lw a4, 32(sp)
    lw a5, 36(sp)
    lw a6, 40(sp)
    lw a7, 44(sp)
    lw t3, 48(sp)
    lw t4, 52(sp)
    lw t5, 56(sp)
    lw t6, 60(sp)
    addi sp, sp, 80
    mret

    .weak bsp_default_irq_handler
bsp_default_irq_handler:
    j bsp_default_irq_handler
