/* Loads and stores: every width, sign/zero extension, offsets, x0 as destination. */
#define TEST_NAME "rv32i_mem"
#include "isa_test.h"
#define LD(n, op, off, exp)  op x13, off(x10); CHECK(n, x13, exp)
    TEST_BEGIN
    la x10, buf
    li x11, 0x8081f2f3
    sw x11, 0(x10)
    li x11, 0x7f016af0
    sw x11, 4(x10)
    LD(1, lw, 0, 0x8081f2f3)
    LD(2, lw, 4, 0x7f016af0)
    LD(3, lb, 0, 0xfffffff3)
    LD(4, lb, 3, 0xffffff80)
    LD(5, lb, 7, 0x0000007f)
    LD(6, lbu, 0, 0x000000f3)
    LD(7, lbu, 3, 0x00000080)
    LD(8, lh, 0, 0xfffff2f3)
    LD(9, lh, 2, 0xffff8081)
    LD(10, lh, 6, 0x00007f01)
    LD(11, lhu, 0, 0x0000f2f3)
    LD(12, lhu, 2, 0x00008081)
    /* negative offsets */
    addi x10, x10, 8
    LD(13, lw, -8, 0x8081f2f3)
    LD(14, lbu, -1, 0x0000007f)
    addi x10, x10, -8
    /* stores of each width leave the other bytes alone */
    li x11, 0xaabbccdd
    sb x11, 1(x10)
    LD(15, lw, 0, 0x8081ddf3)
    sh x11, 2(x10)
    LD(16, lw, 0, 0xccddddf3)
    sb x11, 4(x10)
    sh x11, 6(x10)
    LD(17, lw, 4, 0xccdd6add)
    li x11, -1
    sw x11, 8(x10)
    sb x0, 9(x10)
    LD(18, lw, 8, 0xffff00ff)
    sh x0, 10(x10)
    LD(19, lw, 8, 0x000000ff)
    /* a load into x0 is discarded */
    lw x0, 0(x10)
    CHECK(20, x0, 0)
    /* load-use: the value is available to the next instruction */
    lw x12, 4(x10)
    addi x13, x12, 1
    CHECK(21, x13, 0xccdd6ade)
    /* store then load of the same address */
    li x11, 0x13572468
    sw x11, 12(x10)
    lw x13, 12(x10)
    CHECK(22, x13, 0x13572468)
    /* offsets up to +/-2047 */
    la x10, buf + 2048
    li x11, 0x600df00d
    sw x11, 2044(x10)
    sw x11, -2048(x10)
    lw x13, 2044(x10)
    CHECK(23, x13, 0x600df00d)
    la x12, buf
    lw x13, 0(x12)
    CHECK(24, x13, 0x600df00d)
    TEST_END
    .section .bss
    .balign 16
buf: .space 4608
