/* Synchronous exceptions: cause, mepc and mtval of each, and return with mret. */
#define TEST_NAME "traps"
#include "isa_test.h"
/* checks that the trap at label `at` was taken with mepc = at (and mtval = tval if given) */
#define CHECK_EPC(n, at)  CHECK_TRAP_TAKEN(n); la x7, at; bne s8, x7, fail
#define CHECK_TVAL(n, v)  li gp, n; li x7, v; bne s9, x7, fail
    TEST_BEGIN
    /* illegal: an all-zero halfword (reserved compressed encoding) */
    EXPECT_TRAP(2, 1f)
2:  .half 0x0000
1:  CHECK_EPC(1, 2b)
    /* illegal: an unimplemented CSR */
    EXPECT_TRAP(2, 1f)
2:  csrr x13, 0x7ff
1:  CHECK_EPC(2, 2b)
    /* illegal: writing a read-only CSR */
    EXPECT_TRAP(2, 1f)
2:  csrw mvendorid, x13
1:  CHECK_EPC(3, 2b)
    /* ecall */
    EXPECT_TRAP(11, 1f)
2:  ecall
1:  CHECK_EPC(4, 2b)
    /* ebreak (32-bit) and c.ebreak */
    EXPECT_TRAP(3, 1f)
    .option push
    .option norvc
2:  ebreak
    .option pop
1:  CHECK_EPC(5, 2b)
    EXPECT_TRAP(3, 1f)
2:  c.ebreak
1:  CHECK_EPC(6, 2b)
#if defined(TARGET_BOARD)
    /* misaligned load / store with mmisc_ctl.MISALIGN = 0: they trap, mtval = the address.
     * QEMU performs them in place, so it cannot check these. */
    li gp, 30
    csrr x7, 0x7d0
    andi x7, x7, 0x40
    beqz x7, fail           /* MISALIGN is on out of reset (the vendor library needs it) */
    li x7, 0x40
    csrc 0x7d0, x7
    la x10, buf
    EXPECT_TRAP(4, 1f)
2:  lw x13, 2(x10)
1:  CHECK_EPC(7, 2b)
    addi x7, x10, 2
    li gp, 8
    bne s9, x7, fail
    EXPECT_TRAP(4, 1f)
2:  lh x13, 1(x10)
1:  CHECK_EPC(9, 2b)
    EXPECT_TRAP(6, 1f)
2:  sw x13, 1(x10)
1:  CHECK_EPC(10, 2b)
    addi x7, x10, 1
    li gp, 11
    bne s9, x7, fail
    EXPECT_TRAP(6, 1f)
2:  sh x13, 3(x10)
1:  CHECK_EPC(12, 2b)
    addi x11, x10, 2
    EXPECT_TRAP(6, 1f)
2:  amoadd.w x13, x13, (x11)
1:  CHECK_EPC(20, 2b)
    li x7, 0x40             /* MISALIGN on again: accesses are performed, AMOs still trap */
    csrs 0x7d0, x7
    addi x11, x10, 2
    EXPECT_TRAP(6, 1f)
2:  amoadd.w x13, x13, (x11)
1:  CHECK_EPC(21, 2b)
#endif
    /* misaligned accesses performed in place (the board with MISALIGN = 1, and QEMU) */
    la x10, buf
    li x7, 0x44332211
    sw x7, 0(x10)
    li x7, 0x88776655
    sw x7, 4(x10)
    li gp, 22
    lw x13, 1(x10)
    li x7, 0x55443322
    bne x13, x7, fail
    li gp, 23
    lh x13, 3(x10)
    li x7, 0x5544
    bne x13, x7, fail
    li gp, 24
    lhu x13, 5(x10)
    li x7, 0x7766
    bne x13, x7, fail
    li gp, 25
    li x7, 0xa1b2c3d4
    sw x7, 3(x10)
    lw x13, 0(x10)
    li x7, 0xd4332211
    bne x13, x7, fail
    lw x13, 4(x10)
    li x7, 0x88a1b2c3
    bne x13, x7, fail
    li gp, 26
    li x7, 0xbeef
    sh x7, 1(x10)
    lw x13, 0(x10)
    li x7, 0xd4beef11
    bne x13, x7, fail
    li gp, 27
    flw f1, 2(x10)
    fsw f1, 9(x10)
    lw x13, 9(x10)
    lw x7, 2(x10)
    bne x13, x7, fail
    /* load / store access faults on unmapped space */
    li x10, ISA_UNMAPPED
    EXPECT_TRAP(5, 1f)
2:  lw x13, 0(x10)
1:  CHECK_EPC(13, 2b)
    CHECK_TVAL(14, ISA_UNMAPPED)
    EXPECT_TRAP(7, 1f)
2:  sw x13, 4(x10)
1:  CHECK_EPC(15, 2b)
    CHECK_TVAL(16, ISA_UNMAPPED + 4)
    /* instruction access fault: jump into unmapped space */
    EXPECT_TRAP(1, 1f)
    jalr x0, 0(x10)
1:  CHECK_TRAP_TAKEN(17)
    li gp, 18
    bne s8, x10, fail
    /* the trap saved MIE in MPIE and cleared MIE; mret restored it */
    csrsi mstatus, 8
    EXPECT_TRAP(11, 1f)
    ecall
1:  csrr x13, mstatus
    andi x13, x13, 8
    CHECK(19, x13, 8)
    csrci mstatus, 8
    TEST_END
    .section .bss
    .balign 16
buf: .space 16
