/* F extension: arithmetic in every rounding mode with its flags, NaN rules, min/max, sign
 * injection, fused multiply-add family, conversions with saturation, moves, compares, fclass,
 * flw/fsw. Expected values computed exactly (rational arithmetic) and checked against QEMU. */
#define TEST_NAME "rv32f"
#include "isa_test.h"
#define FLAGS_OK(n, expflags)  frflags x13; CHECK(n, x13, expflags)
#define FTEST_RR(n, op, rm, exp, expflags, a, b)                          \
    csrw fflags, x0; li x11, a; fmv.w.x f1, x11; li x12, b; fmv.w.x f2, x12; \
    op f3, f1, f2, rm; fmv.x.w x13, f3; CHECK(n, x13, exp); FLAGS_OK(n, expflags)
#define FTEST_RR_NORM(n, op, exp, expflags, a, b)                         \
    csrw fflags, x0; li x11, a; fmv.w.x f1, x11; li x12, b; fmv.w.x f2, x12; \
    op f3, f1, f2; fmv.x.w x13, f3; CHECK(n, x13, exp); FLAGS_OK(n, expflags)
#define FTEST_R(n, op, rm, exp, expflags, a)                              \
    csrw fflags, x0; li x11, a; fmv.w.x f1, x11; op f3, f1, rm;           \
    fmv.x.w x13, f3; CHECK(n, x13, exp); FLAGS_OK(n, expflags)
#define FTEST_R4(n, op, rm, exp, expflags, a, b, c)                       \
    csrw fflags, x0; li x11, a; fmv.w.x f1, x11; li x11, b; fmv.w.x f2, x11; \
    li x11, c; fmv.w.x f4, x11; op f3, f1, f2, f4, rm; fmv.x.w x13, f3;    \
    CHECK(n, x13, exp); FLAGS_OK(n, expflags)
#define FTEST_TOINT(n, op, rm, exp, expflags, a)                          \
    csrw fflags, x0; li x11, a; fmv.w.x f1, x11; op x13, f1, rm;          \
    CHECK(n, x13, exp); FLAGS_OK(n, expflags)
#define FTEST_FROMINT(n, op, rm, exp, expflags, a)                        \
    csrw fflags, x0; li x11, a; op f3, x11, rm; fmv.x.w x13, f3;          \
    CHECK(n, x13, exp); FLAGS_OK(n, expflags)
#define FTEST_CMP(n, op, exp, expflags, a, b)                             \
    csrw fflags, x0; li x11, a; fmv.w.x f1, x11; li x12, b; fmv.w.x f2, x12; \
    op x13, f1, f2; CHECK(n, x13, exp); FLAGS_OK(n, expflags)
#define FTEST_CLASS(n, exp, a)  li x11, a; fmv.w.x f1, x11; fclass.s x13, f1; CHECK(n, x13, exp)
    TEST_BEGIN
    FTEST_RR(1, fadd.s, rne, 0x40700000, 0, 0x3fc00000, 0x40100000)
    FTEST_RR(2, fsub.s, rne, 0xbf400000, 0, 0x3fc00000, 0x40100000)
    FTEST_RR(3, fmul.s, rne, 0xc0580000, 0, 0x3fc00000, 0xc0100000)
    FTEST_RR(4, fdiv.s, rne, 0xc0c00000, 0, 0x40400000, 0xbf000000)
    FTEST_RR(5, fdiv.s, rne, 0x3eaaaaab, 1, 0x3f800000, 0x40400000)
    FTEST_RR(6, fdiv.s, rtz, 0x3eaaaaaa, 1, 0x3f800000, 0x40400000)
    FTEST_RR(7, fdiv.s, rdn, 0x3eaaaaaa, 1, 0x3f800000, 0x40400000)
    FTEST_RR(8, fdiv.s, rup, 0x3eaaaaab, 1, 0x3f800000, 0x40400000)
    FTEST_RR(9, fdiv.s, rmm, 0x3eaaaaab, 1, 0x3f800000, 0x40400000)
    FTEST_RR(10, fdiv.s, rdn, 0xbeaaaaab, 1, 0xbf800000, 0x40400000)
    FTEST_RR(11, fdiv.s, rup, 0xbeaaaaaa, 1, 0xbf800000, 0x40400000)
    FTEST_RR(12, fadd.s, rne, 0x3f800000, 1, 0x3f800000, 0x33800000)
    FTEST_RR(13, fadd.s, rmm, 0x3f800001, 1, 0x3f800000, 0x33800000)
    FTEST_RR(14, fsub.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000)
    FTEST_RR(15, fsub.s, rdn, 0x80000000, 0, 0x3f800000, 0x3f800000)
    FTEST_RR(16, fmul.s, rne, 0x7f800000, 5, 0x7f7fffff, 0x40000000)
    FTEST_RR(17, fmul.s, rtz, 0x7f7fffff, 5, 0x7f7fffff, 0x40000000)
    FTEST_RR(18, fmul.s, rne, 0x00400000, 0, 0x00800000, 0x3f000000)
    FTEST_RR(19, fmul.s, rne, 0x00400000, 3, 0x00800001, 0x3f000000)
    FTEST_RR(20, fmul.s, rne, 0x00000000, 3, 0x00000001, 0x3f000000)
    FTEST_RR(21, fmul.s, rup, 0x00000001, 3, 0x00000001, 0x3f000000)
    FTEST_RR(22, fdiv.s, rne, 0x7f800000, 8, 0x3f800000, 0x00000000)
    FTEST_RR(23, fdiv.s, rne, 0xff800000, 8, 0x3f800000, 0x80000000)
    FTEST_RR(24, fdiv.s, rne, 0x7fc00000, 16, 0x00000000, 0x00000000)
    FTEST_RR(25, fadd.s, rne, 0x7fc00000, 16, 0x7f800000, 0xff800000)
    FTEST_RR(26, fmul.s, rne, 0x7fc00000, 16, 0x7f800000, 0x00000000)
    FTEST_RR(27, fadd.s, rne, 0x7fc00000, 0, 0x7fc12345, 0x3f800000)
    FTEST_RR(28, fadd.s, rne, 0x7fc00000, 16, 0x7f812345, 0x3f800000)
    FTEST_R(29, fsqrt.s, rne, 0x3fc00000, 0, 0x40100000)
    FTEST_R(30, fsqrt.s, rne, 0x3fb504f3, 1, 0x40000000)
    FTEST_R(31, fsqrt.s, rtz, 0x3fb504f3, 1, 0x40000000)
    FTEST_R(32, fsqrt.s, rup, 0x3fb504f4, 1, 0x40000000)
    FTEST_R(33, fsqrt.s, rne, 0x7fc00000, 16, 0xbf800000)
    FTEST_R(34, fsqrt.s, rne, 0x80000000, 0, 0x80000000)
    FTEST_RR_NORM(35, fmin.s, 0x3f800000, 0, 0x3f800000, 0x40000000)
    FTEST_RR_NORM(36, fmax.s, 0x40000000, 0, 0x3f800000, 0x40000000)
    FTEST_RR_NORM(37, fmin.s, 0x80000000, 0, 0x80000000, 0x00000000)
    FTEST_RR_NORM(38, fmax.s, 0x00000000, 0, 0x80000000, 0x00000000)
    FTEST_RR_NORM(39, fmin.s, 0x40000000, 0, 0x7fc00000, 0x40000000)
    FTEST_RR_NORM(40, fmax.s, 0x40000000, 16, 0x7f800001, 0x40000000)
    FTEST_RR_NORM(41, fmin.s, 0x7fc00000, 0, 0x7fc00000, 0x7fc00000)
    FTEST_RR_NORM(42, fsgnj.s, 0xbf800000, 0, 0x3f800000, 0xc0000000)
    FTEST_RR_NORM(43, fsgnjn.s, 0x3f800000, 0, 0x3f800000, 0xc0000000)
    FTEST_RR_NORM(44, fsgnjx.s, 0x3f800000, 0, 0xbf800000, 0xc0000000)
    FTEST_RR_NORM(45, fsgnj.s, 0xffc12345, 0, 0x7fc12345, 0x80000000)
    /* fused multiply-add family: one rounding, signs of product and addend */
    FTEST_R4(101, fmadd.s, rne, 0x40e00000, 0, 0x40000000, 0x40400000, 0x3f800000)   /* 2*3+1 = 7 */
    FTEST_R4(102, fmsub.s, rne, 0x40a00000, 0, 0x40000000, 0x40400000, 0x3f800000)   /* 2*3-1 = 5 */
    FTEST_R4(103, fnmsub.s, rne, 0xc0a00000, 0, 0x40000000, 0x40400000, 0x3f800000)  /* -(2*3)+1 = -5 */
    FTEST_R4(104, fnmadd.s, rne, 0xc0e00000, 0, 0x40000000, 0x40400000, 0x3f800000)  /* -(2*3)-1 = -7 */
    /* (1+2^-12)^2 - 1 = 2^-11 + 2^-24 exactly: a separate multiply would round the 2^-24 away */
    FTEST_R4(105, fmsub.s, rne, 0x3a000400, 0, 0x3f800800, 0x3f800800, 0x3f800000)
    FTEST_R4(106, fmadd.s, rne, 0x7fc00000, 16, 0x7f800000, 0x00000000, 0x7fc00000)   /* inf*0 + qNaN: invalid */
    FTEST_R4(107, fmadd.s, rne, 0x7fc00000, 16, 0x7f800000, 0x3f800000, 0xff800000)   /* inf - inf */
    FTEST_R4(108, fmadd.s, rdn, 0x80000000, 0, 0x3f800000, 0x00000000, 0x80000000)    /* +0 + -0 in RDN */
    /* conversions to integers: rounding, saturation, invalid */
    FTEST_TOINT(111, fcvt.w.s, rtz, 1, 1, 0x3fc00000)            /* 1.5 */
    FTEST_TOINT(112, fcvt.w.s, rne, 2, 1, 0x3fc00000)
    FTEST_TOINT(113, fcvt.w.s, rne, 2, 1, 0x40200000)            /* 2.5 -> even */
    FTEST_TOINT(114, fcvt.w.s, rmm, 3, 1, 0x40200000)
    FTEST_TOINT(115, fcvt.w.s, rdn, 0xfffffffe, 1, 0xbfc00000)   /* -1.5 */
    FTEST_TOINT(116, fcvt.w.s, rup, 0xffffffff, 1, 0xbfc00000)
    FTEST_TOINT(117, fcvt.w.s, rne, 0x7fffffff, 16, 0x4f000000)  /* 2^31 */
    FTEST_TOINT(118, fcvt.w.s, rne, 0x80000000, 0, 0xcf000000)   /* -2^31 fits */
    FTEST_TOINT(119, fcvt.w.s, rne, 0x7fffffff, 16, 0x7fc00000)  /* NaN */
    FTEST_TOINT(120, fcvt.w.s, rne, 0x80000000, 16, 0xff800000)  /* -inf */
    FTEST_TOINT(121, fcvt.wu.s, rne, 0xffffffff, 16, 0x4f800000) /* 2^32 */
    FTEST_TOINT(122, fcvt.wu.s, rne, 0, 16, 0xbf800000)          /* -1 */
    FTEST_TOINT(123, fcvt.wu.s, rtz, 0, 1, 0xbe800000)           /* -0.25 truncates: inexact only */
    FTEST_TOINT(124, fcvt.wu.s, rne, 0x80000000, 0, 0x4f000000)
    FTEST_TOINT(125, fcvt.wu.s, rne, 0xffffffff, 16, 0x7fc00000)
    /* conversions from integers */
    FTEST_FROMINT(131, fcvt.s.w, rne, 0xbf800000, 0, 0xffffffff)
    FTEST_FROMINT(132, fcvt.s.w, rne, 0xcf000000, 0, 0x80000000)
    FTEST_FROMINT(133, fcvt.s.w, rne, 0x4b800000, 1, 0x01000001)   /* 2^24+1 */
    FTEST_FROMINT(134, fcvt.s.w, rtz, 0x4effffff, 1, 0x7fffffff)
    FTEST_FROMINT(135, fcvt.s.w, rne, 0x4f000000, 1, 0x7fffffff)
    FTEST_FROMINT(136, fcvt.s.wu, rne, 0x4f800000, 1, 0xffffffff)
    FTEST_FROMINT(137, fcvt.s.wu, rtz, 0x4f7fffff, 1, 0xffffffff)
    FTEST_FROMINT(138, fcvt.s.wu, rne, 0x00000000, 0, 0)
    /* compares: feq is quiet, flt/fle signal on any NaN */
    FTEST_CMP(141, feq.s, 1, 0, 0x80000000, 0x00000000)
    FTEST_CMP(142, flt.s, 0, 0, 0x80000000, 0x00000000)
    FTEST_CMP(143, fle.s, 1, 0, 0x80000000, 0x00000000)
    FTEST_CMP(144, flt.s, 1, 0, 0xbf800000, 0x3f800000)
    FTEST_CMP(145, feq.s, 0, 0, 0x7fc00000, 0x7fc00000)
    FTEST_CMP(146, feq.s, 0, 16, 0x7f800001, 0x3f800000)
    FTEST_CMP(147, flt.s, 0, 16, 0x7fc00000, 0x3f800000)
    FTEST_CMP(148, fle.s, 0, 16, 0x3f800000, 0x7fc00000)
    /* fclass, one per class */
    FTEST_CLASS(151, 0x001, 0xff800000)
    FTEST_CLASS(152, 0x002, 0xbf800000)
    FTEST_CLASS(153, 0x004, 0x80000001)
    FTEST_CLASS(154, 0x008, 0x80000000)
    FTEST_CLASS(155, 0x010, 0x00000000)
    FTEST_CLASS(156, 0x020, 0x00000001)
    FTEST_CLASS(157, 0x040, 0x3f800000)
    FTEST_CLASS(158, 0x080, 0x7f800000)
    FTEST_CLASS(159, 0x100, 0x7f800001)
    FTEST_CLASS(160, 0x200, 0x7fc00000)
    /* moves keep every bit, NaN payloads included */
    li x11, 0x7f812345
    fmv.w.x f5, x11
    fmv.x.w x13, f5
    CHECK(161, x13, 0x7f812345)
    /* flw / fsw */
    la x10, fbuf
    li x11, 0xc0490fdb
    sw x11, 4(x10)
    flw f6, 4(x10)
    fsw f6, 8(x10)
    lw x13, 8(x10)
    CHECK(162, x13, 0xc0490fdb)
    /* the dynamic rounding mode comes from frm */
    fsrmi 1                          /* RTZ */
    li x11, 0x3f800000
    fmv.w.x f1, x11
    li x11, 0x40400000
    fmv.w.x f2, x11
    fdiv.s f3, f1, f2                /* dyn */
    fmv.x.w x13, f3
    CHECK(163, x13, 0x3eaaaaaa)
    fsrmi 3                          /* RUP */
    fdiv.s f3, f1, f2, dyn
    fmv.x.w x13, f3
    CHECK(164, x13, 0x3eaaaaab)
    /* flags accumulate */
    csrw fflags, x0
    fdiv.s f3, f1, f2
    li x11, 0
    fmv.w.x f4, x11
    fdiv.s f3, f1, f4
    FLAGS_OK(165, 9)
    /* an invalid dynamic rounding mode (frm = 5) makes the instruction illegal */
    fsrmi 5
    EXPECT_TRAP(2, 1f)
    fadd.s f3, f1, f2, dyn
1:  CHECK_TRAP_TAKEN(166)
    fsrmi 0
    TEST_END
    .section .bss
    .balign 16
fbuf: .space 16
