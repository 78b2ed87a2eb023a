/* clang-format off */
/* (assembler macros for .S files, which clang-format would re-space as C) */
/* Self-checking ISA tests: shared start-up, reporting and check macros.
 * A test file defines TEST_NAME, includes this header, and between TEST_BEGIN and TEST_END
 * runs checks; each check loads its operands, executes the instruction under test and branches
 * to `fail` with the check number in gp when the result differs from the expected value.
 * The same source builds for the board (TARGET_BOARD) and for qemu-system-riscv32 -M virt
 * (TARGET_QEMU), which serves as an independent check of the expected values.
 * Output: "PASS <name>" or "FAIL <name> test <n>" (or "... unexpected trap ..."). */
#if defined(TARGET_BOARD)
#include "wtm2101_map.h"
#define ISA_UART_BASE UART0_BASE
#define ISA_UART_LSR UART_LSR
#define ISA_UNMAPPED 0x70000000
#elif defined(TARGET_QEMU)
#define ISA_UART_BASE 0x10000000
#define ISA_UART_LSR 5
#define ISA_UNMAPPED 0x00000f00  /* unassigned on the virt machine: access fault */
#else
#error "define TARGET_BOARD or TARGET_QEMU"
#endif

/* Registers used by the framework: gp = check number, s10/s11 = expected trap cause /
 * resume address, s8/s9 = mepc/mtval of the last expected trap, x7 = expected value. */

#define TEST_BEGIN                                   \
    .section .text.start, "ax";                      \
    .globl _start;                                   \
_start:                                              \
    .option push; .option norvc;                     \
    j isa_start;                                     \
    .option pop;                                     \
    .balign 4;                                       \
isa_trap:                                            \
    csrr t0, mcause;                                 \
    bne t0, s10, isa_unexpected_trap;                \
    csrr s8, mepc;                                   \
    csrr s9, mtval;                                  \
    li s10, -1;                                      \
    csrw mepc, s11;                                  \
    mret;                                            \
isa_start:                                           \
    la sp, isa_stack_top;                            \
    la t0, isa_trap;                                 \
    csrw mtvec, t0;                                  \
    li t0, 0x2000;                                   \
    csrs mstatus, t0;                                \
    li s10, -1;                                      \
    li gp, 0;

#define TEST_END                                     \
    la a0, isa_pass_msg;                             \
    call isa_puts;                                   \
    j isa_finish;                                    \
fail:                                                \
    la a0, isa_fail_msg;                             \
    call isa_puts;                                   \
    mv a0, gp;                                       \
    call isa_putdec;                                 \
    li a0, 10;                                       \
    call isa_putc;                                   \
    j isa_finish;                                    \
isa_unexpected_trap:                                 \
    la a0, isa_trap_msg;                             \
    call isa_puts;                                   \
    csrr a0, mcause;                                 \
    call isa_putdec;                                 \
    li a0, 10;                                       \
    call isa_putc;                                   \
isa_finish:                                          \
    ISA_EXIT;                                        \
isa_putc:                                            \
    li t1, ISA_UART_BASE;                            \
1:  lbu t2, ISA_UART_LSR(t1);                        \
    andi t2, t2, 0x20;                               \
    beqz t2, 1b;                                     \
    sb a0, 0(t1);                                    \
    ret;                                             \
isa_puts:                                            \
    mv t3, ra;                                       \
    mv t4, a0;                                       \
2:  lbu a0, 0(t4);                                   \
    beqz a0, 3f;                                     \
    call isa_putc;                                   \
    addi t4, t4, 1;                                  \
    j 2b;                                            \
3:  mv ra, t3;                                       \
    ret;                                             \
isa_putdec:                                          \
    mv s7, ra;                                       \
    la t4, isa_digits_end;                           \
    mv t5, a0;                                       \
4:  li t6, 10;                                       \
    remu a0, t5, t6;                                 \
    divu t5, t5, t6;                                 \
    addi a0, a0, 48;                                 \
    addi t4, t4, -1;                                 \
    sb a0, 0(t4);                                    \
    bnez t5, 4b;                                     \
    mv a0, t4;                                       \
    call isa_puts;                                   \
    mv ra, s7;                                       \
    ret;                                             \
    .section .rodata;                                \
isa_pass_msg: .asciz "PASS " TEST_NAME "\n";         \
isa_fail_msg: .asciz "FAIL " TEST_NAME " test ";     \
isa_trap_msg: .asciz "FAIL " TEST_NAME " unexpected trap, mcause ";   \
    .section .bss;                                   \
    .balign 16;                                      \
isa_digits: .space 12;                               \
isa_digits_end: .space 4;                            \
    .balign 16;                                      \
    .space 1024;                                     \
isa_stack_top:

#if defined(TARGET_QEMU)
#define ISA_EXIT li t0, 0x100000; li t1, 0x5555; sw t1, 0(t0); 5: j 5b
#else
#define ISA_EXIT 5: wfi; j 5b
#endif

/* ---- checks ---------------------------------------------------------------------------- */
#define CHECK(n, reg, expected)  li gp, n; li x7, expected; bne reg, x7, fail
/* rd = op rs1, rs2 with rs1=x11, rs2=x12, rd=x13; also rd aliasing rs1 and rs2 */
#define TEST_RR(n, op, exp, a, b)                    \
    li x11, a; li x12, b; op x13, x11, x12; CHECK(n, x13, exp); \
    li x11, a; li x12, b; op x11, x11, x12; CHECK(n, x11, exp); \
    li x11, a; li x12, b; op x12, x11, x12; CHECK(n, x12, exp);
#define TEST_RI(n, op, exp, a, imm)                  \
    li x11, a; op x13, x11, imm; CHECK(n, x13, exp); \
    li x11, a; op x11, x11, imm; CHECK(n, x11, exp);
/* the result written to x0 must be discarded */
#define TEST_ZERO_DEST(n, op, a, b)                  \
    li x11, a; li x12, b; op x0, x11, x12; CHECK(n, x0, 0);
/* expect a trap with `cause` from the instruction(s) at label `at`, resuming at `resume` */
#define EXPECT_TRAP(cause, resume)  li s10, cause; la s11, resume
#define CHECK_TRAP_TAKEN(n)  li gp, n; li x7, -1; bne s10, x7, fail
