/* A extension: lr.w/sc.w success and failure, every AMO with its aq/rl forms. */
#define TEST_NAME "rv32a"
#include "isa_test.h"
/* [mem] = init; op rd, src, (mem); expect rd = old, [mem] = new */
#define TEST_AMO(n, op, init, src, new)              \
    la x10, word; li x11, init; sw x11, 0(x10);       \
    li x12, src; op x13, x12, (x10);                  \
    CHECK(n, x13, init); lw x13, 0(x10); CHECK(n, x13, new);
    TEST_BEGIN
    TEST_AMO(1, amoswap.w, 0x11111111, 0x22222222, 0x22222222)
    TEST_AMO(2, amoadd.w, 0x7fffffff, 1, 0x80000000)
    TEST_AMO(3, amoxor.w, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
    TEST_AMO(4, amoand.w, 0xff00ff00, 0x0ff00ff0, 0x0f000f00)
    TEST_AMO(5, amoor.w, 0xff00ff00, 0x0ff00ff0, 0xfff0fff0)
    TEST_AMO(6, amomin.w, 0xffffffff, 1, 0xffffffff)
    TEST_AMO(7, amomin.w, 5, 0x80000000, 0x80000000)
    TEST_AMO(8, amomax.w, 0xffffffff, 1, 1)
    TEST_AMO(9, amomax.w, 0x7fffffff, 0x80000000, 0x7fffffff)
    TEST_AMO(10, amominu.w, 0xffffffff, 1, 1)
    TEST_AMO(11, amominu.w, 3, 0x80000000, 3)
    TEST_AMO(12, amomaxu.w, 0xffffffff, 1, 0xffffffff)
    TEST_AMO(13, amomaxu.w, 3, 0x80000000, 0x80000000)
    TEST_AMO(14, amoadd.w.aq, 40, 2, 42)
    TEST_AMO(15, amoadd.w.rl, 40, -2, 38)
    TEST_AMO(16, amoswap.w.aqrl, 1, 2, 2)
    TEST_AMO(17, amoor.w.aq, 1, 2, 3)
    TEST_AMO(18, amoxor.w.rl, 3, 1, 2)
    TEST_AMO(19, amoand.w.aqrl, 6, 3, 2)
    TEST_AMO(20, amomin.w.aq, 6, 3, 3)
    TEST_AMO(21, amomax.w.rl, 6, 3, 6)
    TEST_AMO(22, amominu.w.aqrl, 6, 3, 3)
    TEST_AMO(23, amomaxu.w.aq, 6, 3, 6)
    /* rd = x0 still updates memory */
    la x10, word
    li x11, 5
    sw x11, 0(x10)
    li x12, 10
    amoadd.w x0, x12, (x10)
    lw x13, 0(x10)
    CHECK(24, x13, 15)
    /* lr/sc pair succeeds: sc writes 0 and stores */
    la x10, word
    li x11, 100
    sw x11, 0(x10)
    lr.w x13, (x10)
    CHECK(25, x13, 100)
    li x12, 200
    sc.w x13, x12, (x10)
    CHECK(26, x13, 0)
    lw x13, 0(x10)
    CHECK(27, x13, 200)
    /* sc without a reservation (the last sc consumed it) fails: non-zero, no store */
    li x12, 300
    sc.w x13, x12, (x10)
    li gp, 28
    beqz x13, fail
    lw x13, 0(x10)
    CHECK(29, x13, 200)
    /* lr.aq / sc.rl forms */
    lr.w.aq x13, (x10)
    sc.w.rl x14, x12, (x10)
    CHECK(30, x14, 0)
    lw x13, 0(x10)
    CHECK(31, x13, 300)
    lr.w.aqrl x13, (x10)
    sc.w.aqrl x14, x0, (x10)
    CHECK(32, x14, 0)
    lw x13, 0(x10)
    CHECK(33, x13, 0)
    TEST_END
    .section .bss
    .balign 16
word: .space 16
