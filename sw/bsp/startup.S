/* Reset entry and trap entry of the project's firmware.
 * Word 0 of the image is `j _start` (the core resets to 0x0 as the chip does in SRAM boot);
 * words 1..50 form the ECLIC vector table (mtvt = vector_base), as in the vendor layout.
 * Entry N holds irqN_handler: a weak stub that goes to bsp_default_irq_handler unless the
 * firmware defines its own (a weak *definition*, so the table relocates against the name). */
    .section .vectors, "ax"
    .globl vector_base
    .option push
    .option norvc
vector_base:
    j _start
    .altmacro
    .macro vector_entry n
    .word irq\n\()_handler
    .endm
    .set n, 1
    .rept 50
    vector_entry %n
    .set n, n + 1
    .endr
    .option pop

    .section .text.irq_stubs, "ax"
    .macro irq_stub n
    .weak irq\n\()_handler
    .type irq\n\()_handler, @function
irq\n\()_handler:
    j bsp_default_irq_handler
    .endm
    .set n, 1
    .rept 50
    irq_stub %n
    .set n, n + 1
    .endr
    .noaltmacro

    .section .text.start, "ax"
    .globl _start
_start:
    csrci mstatus, 8                /* interrupts off until the firmware enables them */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    /* ECLIC mode as on the chip: exceptions at mtvec (64-byte aligned, MODE = 3), non-vectored
     * interrupts through the common entry in mtvt2, vectored ones through the table in mtvt. */
    la t0, vector_base
    csrw 0x307, t0                  /* mtvt */
    la t0, bsp_irq_entry
    ori t0, t0, 1
    csrw 0x7EC, t0                  /* mtvt2, enabled */
    la t0, bsp_trap_entry
    ori t0, t0, 3
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

/* Non-vectored interrupt entry, the same protocol as the vendor glue: save the caller-saved
 * registers and mcause/mepc/msubm (push CSRs) in a 20-word frame, let jalmnxti call every
 * pending handler (with interrupts enabled, so higher levels nest; handlers return to the
 * jalmnxti, which chains the next one), then restore and mret. FP registers are not saved. */
    .align 2
    .globl bsp_irq_entry
bsp_irq_entry:
    addi sp, sp, -80
    sw ra, 0(sp)
    sw tp, 4(sp)
    sw t0, 8(sp)
    sw t1, 12(sp)
    sw t2, 16(sp)
    sw a0, 20(sp)
    sw a1, 24(sp)
    sw a2, 28(sp)
    sw a3, 32(sp)
    sw a4, 36(sp)
    sw a5, 40(sp)
    csrrwi x0, 0x7EE, 11            /* pushmcause -> [sp + 44] */
    csrrwi x0, 0x7EF, 12            /* pushmepc   -> [sp + 48] */
    csrrwi x0, 0x7EB, 13            /* pushmsubm  -> [sp + 52] */
    sw a6, 56(sp)
    sw a7, 60(sp)
    sw t3, 64(sp)
    sw t4, 68(sp)
    sw t5, 72(sp)
    sw t6, 76(sp)
    csrrw ra, 0x7ED, ra             /* jalmnxti */
    csrci mstatus, 8
    lw t0, 52(sp)
    csrw 0x7C4, t0                  /* msubm */
    lw t0, 48(sp)
    csrw mepc, t0
    lw t0, 44(sp)
    csrw mcause, t0
    lw ra, 0(sp)
    lw tp, 4(sp)
    lw t0, 8(sp)
    lw t1, 12(sp)
    lw t2, 16(sp)
    lw a0, 20(sp)
    lw a1, 24(sp)
    lw a2, 28(sp)
    lw a3, 32(sp)
    lw a4, 36(sp)
    lw a5, 40(sp)
    lw a6, 56(sp)
    lw a7, 60(sp)
    lw t3, 64(sp)
    lw t4, 68(sp)
    lw t5, 72(sp)
    lw t6, 76(sp)
    addi sp, sp, 80
    mret
