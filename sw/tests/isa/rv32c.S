/* Every RV32C instruction in its compressed encoding (c.ebreak is in traps.S). */
#define TEST_NAME "rv32c"
#include "isa_test.h"
    TEST_BEGIN
    la sp, cbuf              /* sp-relative instructions work on cbuf */
    /* c.addi4spn */
    c.addi4spn x8, sp, 16
    addi x7, sp, 16
    li gp, 1
    bne x8, x7, fail
    c.addi4spn x15, sp, 1020
    addi x7, sp, 1020
    li gp, 2
    bne x15, x7, fail
    /* c.li, c.addi, c.nop */
    c.li x9, -32
    CHECK(3, x9, 0xffffffe0)
    c.li x9, 31
    c.addi x9, -1
    CHECK(4, x9, 30)
    c.addi x9, 31
    CHECK(5, x9, 61)
    c.nop
    CHECK(6, x9, 61)
    /* c.lui, c.addi16sp */
    c.lui x10, 1
    CHECK(7, x10, 0x00001000)
    c.lui x10, 0xfffe0       /* nzimm[17] = 1: sign-extended */
    CHECK(8, x10, 0xfffe0000)
    c.lui x10, 31
    CHECK(9, x10, 0x0001f000)
    mv x11, sp
    c.addi16sp sp, 496
    addi x7, x11, 496
    li gp, 10
    bne sp, x7, fail
    c.addi16sp sp, -512
    addi x7, x11, -16
    li gp, 11
    bne sp, x7, fail
    la sp, cbuf
    /* c.lw / c.sw on x8..x15 */
    la x8, cbuf
    li x9, 0x89abcdef
    c.sw x9, 0(x8)
    c.sw x9, 124(x8)
    c.lw x10, 124(x8)
    CHECK(12, x10, 0x89abcdef)
    lw x10, 0(x8)
    CHECK(13, x10, 0x89abcdef)
    /* c.lwsp / c.swsp */
    li x20, 0x01020304
    c.swsp x20, 252(sp)
    c.lwsp x21, 252(sp)
    CHECK(14, x21, 0x01020304)
    c.swsp x20, 0(sp)
    c.lwsp x22, 0(sp)
    CHECK(15, x22, 0x01020304)
    /* shifts and c.andi on x8..x15 */
    li x12, 0x80000010
    c.srli x12, 4
    CHECK(16, x12, 0x08000001)
    li x12, 0x80000010
    c.srai x12, 4
    CHECK(17, x12, 0xf8000001)
    li x12, 0x80000010
    c.srai x12, 31
    CHECK(18, x12, 0xffffffff)
    li x13, 0xffffffff
    c.andi x13, -16
    CHECK(19, x13, 0xfffffff0)
    c.andi x13, 5
    CHECK(20, x13, 0)
    li x25, 0x00000003
    c.slli x25, 31
    CHECK(21, x25, 0x80000000)
    li x25, 0x12345678
    c.slli x25, 4
    CHECK(22, x25, 0x23456780)
    /* register-register forms */
    li x8, 10
    li x9, 3
    c.sub x8, x9
    CHECK(23, x8, 7)
    li x8, 0xff00ff00
    li x9, 0x0ff00ff0
    c.xor x8, x9
    CHECK(24, x8, 0xf0f0f0f0)
    li x8, 0xff00ff00
    c.or x8, x9
    CHECK(25, x8, 0xfff0fff0)
    li x8, 0xff00ff00
    c.and x8, x9
    CHECK(26, x8, 0x0f000f00)
    li x20, 40
    li x21, 2
    c.add x20, x21
    CHECK(27, x20, 42)
    c.mv x22, x20
    CHECK(28, x22, 42)
    /* c.beqz / c.bnez, both outcomes */
    li x8, 0
    li x13, 0
    c.beqz x8, 1f
    li x13, 1
1:  CHECK(29, x13, 0)
    c.bnez x8, 1f
    li x13, 2
1:  CHECK(30, x13, 2)
    li x9, 5
    c.bnez x9, 1f
    li x13, 3
1:  CHECK(31, x13, 2)
    c.beqz x9, 1f
    li x13, 4
1:  CHECK(32, x13, 4)
    /* backward c.bnez loop */
    li x9, 4
    li x13, 0
2:  addi x13, x13, 1
    addi x9, x9, -1
    c.bnez x9, 2b
    CHECK(33, x13, 4)
    /* c.j, c.jal (link = pc + 2), c.jr, c.jalr */
    li x13, 0
    c.j 1f
    li x13, 1
1:  CHECK(34, x13, 0)
    c.jal 1f
2:  j fail
1:  la x7, 2b
    li gp, 35
    bne ra, x7, fail
    la x14, 1f
    c.jr x14
    j fail
1:  la x14, 1f
    c.jalr x14
2:  j fail
1:  la x7, 2b
    li gp, 36
    bne ra, x7, fail
    /* compressed float loads and stores */
    la x8, cbuf
    li x9, 0x40490fdb
    fmv.w.x f9, x9
    c.fsw f9, 8(x8)
    c.flw f10, 8(x8)
    fmv.x.w x13, f10
    CHECK(37, x13, 0x40490fdb)
    c.fswsp f9, 64(sp)
    c.flwsp f11, 64(sp)
    fmv.x.w x13, f11
    CHECK(38, x13, 0x40490fdb)
    la sp, isa_stack_top
    TEST_END
    .section .bss
    .balign 16
cbuf: .space 1024
