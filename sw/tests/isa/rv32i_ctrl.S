/* Branches taken and not taken in both directions, jal/jalr link values, jalr clearing bit 0,
 * jumps to 32-bit instructions at halfword addresses, fence and fence.i. */
#define TEST_NAME "rv32i_ctrl"
#include "isa_test.h"
/* op a, b must go (taken=1) or not (taken=0), both forward and backward */
#define TEST_BR(n, op, a, b, taken)                 \
    li gp, n; li x11, a; li x12, b; li x13, 0;      \
    op x11, x12, 1f; addi x13, x13, 1;              \
1:  li x7, 1 - taken; bne x13, x7, fail;            \
    li x13, 0; j 3f;                                 \
2:  addi x13, x13, 2; j 4f;                          \
3:  op x11, x12, 2b; addi x13, x13, 1;              \
4:  li x7, 1 + taken; bne x13, x7, fail;
    TEST_BEGIN
    TEST_BR(1, beq, 5, 5, 1)
    TEST_BR(2, beq, 5, 6, 0)
    TEST_BR(3, bne, 5, 6, 1)
    TEST_BR(4, bne, -1, -1, 0)
    TEST_BR(5, blt, -1, 1, 1)
    TEST_BR(6, blt, 1, -1, 0)
    TEST_BR(7, blt, 3, 3, 0)
    TEST_BR(8, bge, 1, -1, 1)
    TEST_BR(9, bge, 3, 3, 1)
    TEST_BR(10, bge, -2, -1, 0)
    TEST_BR(11, bltu, 1, -1, 1)
    TEST_BR(12, bltu, -1, 1, 0)
    TEST_BR(13, bltu, 0, 0, 0)
    TEST_BR(14, bgeu, -1, 1, 1)
    TEST_BR(15, bgeu, 0, 0, 1)
    TEST_BR(16, bgeu, 0, 1, 0)
    TEST_BR(17, beq, 0x80000000, 0x80000000, 1)
    TEST_BR(18, blt, 0x80000000, 0x7fffffff, 1)
    TEST_BR(19, bltu, 0x7fffffff, 0x80000000, 1)
    /* jal: link = address of the next instruction */
    li gp, 20
    jal x13, 1f
2:  j fail
1:  la x7, 2b
    bne x13, x7, fail
    /* jal with x0 link (plain jump) leaves x0 alone */
    li gp, 21
    jal x0, 1f
    j fail
1:  bnez x0, fail
    /* jalr: target = (rs1 + imm) & ~1, link = next instruction */
    li gp, 22
    la x11, 1f
    jalr x13, 0(x11)
2:  j fail
1:  la x7, 2b
    bne x13, x7, fail
    li gp, 23
    la x11, 1f - 3           /* odd sum: bit 0 is cleared */
    jalr x13, 4(x11)
    j fail
1:  nop
    li gp, 24
    la x11, 1f + 16
    jalr x11, -16(x11)       /* rd == rs1: target computed from the old value */
2:  j fail
1:  la x7, 2b
    bne x11, x7, fail
    /* a 32-bit instruction at a halfword-aligned address, reached by a jump */
    li gp, 25
    li x13, 0
    j 1f
    .balign 4
    c.nop
    .option push
    .option norvc
1:  addi x13, x13, 7         /* pc[1] = 1, 32-bit encoding */
    .option pop
    li x7, 7
    bne x13, x7, fail
    li gp, 26
    la x11, 2f
    jalr x0, 0(x11)
    .balign 4
    c.nop
2:  .option push
    .option norvc
    addi x13, x13, 1
    .option pop
    li x7, 8
    bne x13, x7, fail
    /* fence / fence.i are accepted and ordering-neutral here */
    li gp, 27
    fence
    fence rw, rw
    fence.i
    /* a backward loop counts down */
    li gp, 28
    li x11, 10
    li x13, 0
1:  addi x13, x13, 3
    addi x11, x11, -1
    bnez x11, 1b
    li x7, 30
    bne x13, x7, fail
    TEST_END
