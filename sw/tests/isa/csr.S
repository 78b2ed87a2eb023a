/* CSR instructions and the machine-mode CSRs the firmware relies on. */
#define TEST_NAME "csr"
#include "isa_test.h"
    TEST_BEGIN
    /* csrrw / csrrs / csrrc and the immediate forms on mscratch */
    li x11, 0x12345678
    csrrw x12, mscratch, x11
    csrrw x13, mscratch, x0
    CHECK(1, x13, 0x12345678)
    li x11, 0x0f0
    csrw mscratch, x11
    li x11, 0x00f
    csrrs x13, mscratch, x11
    CHECK(2, x13, 0x0f0)
    csrr x13, mscratch
    CHECK(3, x13, 0x0ff)
    li x11, 0x0f0
    csrrc x13, mscratch, x11
    CHECK(4, x13, 0x0ff)
    csrr x13, mscratch
    CHECK(5, x13, 0x00f)
    csrrwi x13, mscratch, 31
    CHECK(6, x13, 0x00f)
    csrrsi x13, mscratch, 0x0
    CHECK(7, x13, 31)
    csrrci x13, mscratch, 0x10
    CHECK(8, x13, 31)
    csrrsi x13, mscratch, 0x20 & 0x1f
    csrr x13, mscratch
    CHECK(9, x13, 15)
    /* csrrs with rs1 = x0 reads a read-only CSR without trapping */
    csrr x13, mhartid
    CHECK(10, x13, 0)
    csrr x13, misa
    srli x14, x13, 30
    CHECK(11, x14, 1)                  /* MXL = 32 bit */
    li x7, (1 << 0) | (1 << 2) | (1 << 5) | (1 << 8) | (1 << 12)
    and x14, x13, x7
    li gp, 12
    bne x14, x7, fail                  /* A, C, F, I, M */
    /* mstatus.MIE set / clear */
    csrsi mstatus, 8
    csrr x13, mstatus
    andi x13, x13, 8
    CHECK(13, x13, 8)
    csrci mstatus, 8
    csrr x13, mstatus
    andi x13, x13, 8
    CHECK(14, x13, 0)
    /* minstret counts retired instructions exactly */
    csrr x11, minstret
    nop
    nop
    nop
    nop
    nop
    csrr x12, minstret
    sub x13, x12, x11
    CHECK(15, x13, 6)
    /* mcycle advances */
    csrr x11, mcycle
    nop
    csrr x12, mcycle
    li gp, 16
    bgeu x11, x12, fail
    /* mtvec keeps its base; mepc drops bit 0 */
    csrr x20, mtvec
    la x11, isa_trap
    li gp, 17
    bne x20, x11, fail
#if defined(TARGET_BOARD)
    /* mepc[0] is always zero (QEMU 7.2 keeps the written bit, so only the board checks it) */
    li x11, 0x103
    csrw mepc, x11
    csrr x13, mepc
    CHECK(18, x13, 0x102)
#endif
    /* fcsr = {frm, fflags} */
    li x11, 0xff
    csrw fcsr, x11
    csrr x13, fcsr
    CHECK(19, x13, 0xff)
    frflags x13
    CHECK(20, x13, 0x1f)
    frrm x13
    CHECK(21, x13, 7)
    fsrmi x13, 2
    CHECK(22, x13, 7)
    fsflagsi x13, 1
    CHECK(23, x13, 0x1f)
    csrr x13, fcsr
    CHECK(24, x13, 0x41)
    csrw fcsr, x0
    TEST_END
