/* Written by tools/isa-tests/gen_dsp_tests.py: the packed-SIMD (DSP) instructions under opcode
 * 0x7F, each result and OV flag (ucode bit 0) against a reference of the NMSIS semantics.
 * Board only: QEMU has no P extension. */
#define TEST_NAME "dsp"
#include "isa_test.h"
/* DSP_RR(n, funct7, rs2 field, a, b, expected, ov): rs1 = x11 = a, x12 = b, rd = x13.
 * The word is spelled out: GNU as treats major opcode 0x7F as a longer-than-32-bit format. */
#define DSP_WORD(f7, rs2f, rs1, funct3, rd) .word (((f7) << 25) | ((rs2f) << 20) | ((rs1) << 15) | ((funct3) << 12) | ((rd) << 7) | 0x7F)
#define DSP_RR(n, f7, rs2f, a, b, exp, ovexp) \
    li x11, a; li x12, b; csrwi 0x801, 0; DSP_WORD(f7, rs2f, 11, 0, 13); CHECK(n, x13, exp); \
    csrr x14, 0x801; andi x14, x14, 1; CHECK(n, x14, ovexp);
    TEST_BEGIN
    /* ADD16 */
    DSP_RR(1, 0x20, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* ADD16 */
    DSP_RR(2, 0x20, 12, 0x7f7f7f7f, 0x01ff807f, 0x817efffe, 0)
    /* ADD16 */
    DSP_RR(3, 0x20, 12, 0x80808080, 0x80017ffe, 0x0081007e, 0)
    /* ADD16 */
    DSP_RR(4, 0x20, 12, 0xffffffff, 0x8f4d3e27, 0x8f4c3e26, 0)
    /* ADD16 */
    DSP_RR(5, 0x20, 12, 0x01ff807f, 0x7f7f7f7f, 0x817efffe, 0)
    /* ADD16 */
    DSP_RR(6, 0x20, 12, 0x12345678, 0x01ff807f, 0x1433d6f7, 0)
    /* ADD16 */
    DSP_RR(7, 0x20, 12, 0x7fff8000, 0x80017ffe, 0x0000fffe, 0)
    /* ADD16 */
    DSP_RR(8, 0x20, 12, 0x80017ffe, 0x8f4d3e27, 0x0f4ebe25, 0)
    /* ADD16 */
    DSP_RR(9, 0x20, 12, 0x73cf256d, 0x7f7f7f7f, 0xf34ea4ec, 0)
    /* ADD16 */
    DSP_RR(10, 0x20, 12, 0xdda1494c, 0x01ff807f, 0xdfa0c9cb, 0)
    /* ADD16 */
    DSP_RR(11, 0x20, 12, 0x8f4d3e27, 0x80017ffe, 0x0f4ebe25, 0)
    /* ADD16 */
    DSP_RR(12, 0x20, 12, 0xdb5b5fab, 0x8f4d3e27, 0x6aa89dd2, 0)
    /* SUB16 */
    DSP_RR(13, 0x21, 12, 0x00000000, 0x7f7f7f7f, 0x80818081, 0)
    /* SUB16 */
    DSP_RR(14, 0x21, 12, 0x7f7f7f7f, 0x01ff807f, 0x7d80ff00, 0)
    /* SUB16 */
    DSP_RR(15, 0x21, 12, 0x80808080, 0x80017ffe, 0x007f0082, 0)
    /* SUB16 */
    DSP_RR(16, 0x21, 12, 0xffffffff, 0x8f4d3e27, 0x70b2c1d8, 0)
    /* SUB16 */
    DSP_RR(17, 0x21, 12, 0x01ff807f, 0x7f7f7f7f, 0x82800100, 0)
    /* SUB16 */
    DSP_RR(18, 0x21, 12, 0x12345678, 0x01ff807f, 0x1035d5f9, 0)
    /* SUB16 */
    DSP_RR(19, 0x21, 12, 0x7fff8000, 0x80017ffe, 0xfffe0002, 0)
    /* SUB16 */
    DSP_RR(20, 0x21, 12, 0x80017ffe, 0x8f4d3e27, 0xf0b441d7, 0)
    /* SUB16 */
    DSP_RR(21, 0x21, 12, 0x73cf256d, 0x7f7f7f7f, 0xf450a5ee, 0)
    /* SUB16 */
    DSP_RR(22, 0x21, 12, 0xdda1494c, 0x01ff807f, 0xdba2c8cd, 0)
    /* SUB16 */
    DSP_RR(23, 0x21, 12, 0x8f4d3e27, 0x80017ffe, 0x0f4cbe29, 0)
    /* SUB16 */
    DSP_RR(24, 0x21, 12, 0xdb5b5fab, 0x8f4d3e27, 0x4c0e2184, 0)
    /* RADD16 */
    DSP_RR(25, 0x00, 12, 0x00000000, 0x7f7f7f7f, 0x3fbf3fbf, 0)
    /* RADD16 */
    DSP_RR(26, 0x00, 12, 0x7f7f7f7f, 0x01ff807f, 0x40bfffff, 0)
    /* RADD16 */
    DSP_RR(27, 0x00, 12, 0x80808080, 0x80017ffe, 0x8040003f, 0)
    /* RADD16 */
    DSP_RR(28, 0x00, 12, 0xffffffff, 0x8f4d3e27, 0xc7a61f13, 0)
    /* RADD16 */
    DSP_RR(29, 0x00, 12, 0x01ff807f, 0x7f7f7f7f, 0x40bfffff, 0)
    /* RADD16 */
    DSP_RR(30, 0x00, 12, 0x12345678, 0x01ff807f, 0x0a19eb7b, 0)
    /* RADD16 */
    DSP_RR(31, 0x00, 12, 0x7fff8000, 0x80017ffe, 0x0000ffff, 0)
    /* RADD16 */
    DSP_RR(32, 0x00, 12, 0x80017ffe, 0x8f4d3e27, 0x87a75f12, 0)
    /* RADD16 */
    DSP_RR(33, 0x00, 12, 0x73cf256d, 0x7f7f7f7f, 0x79a75276, 0)
    /* RADD16 */
    DSP_RR(34, 0x00, 12, 0xdda1494c, 0x01ff807f, 0xefd0e4e5, 0)
    /* RADD16 */
    DSP_RR(35, 0x00, 12, 0x8f4d3e27, 0x80017ffe, 0x87a75f12, 0)
    /* RADD16 */
    DSP_RR(36, 0x00, 12, 0xdb5b5fab, 0x8f4d3e27, 0xb5544ee9, 0)
    /* RSUB16 */
    DSP_RR(37, 0x01, 12, 0x00000000, 0x7f7f7f7f, 0xc040c040, 0)
    /* RSUB16 */
    DSP_RR(38, 0x01, 12, 0x7f7f7f7f, 0x01ff807f, 0x3ec07f80, 0)
    /* RSUB16 */
    DSP_RR(39, 0x01, 12, 0x80808080, 0x80017ffe, 0x003f8041, 0)
    /* RSUB16 */
    DSP_RR(40, 0x01, 12, 0xffffffff, 0x8f4d3e27, 0x3859e0ec, 0)
    /* RSUB16 */
    DSP_RR(41, 0x01, 12, 0x01ff807f, 0x7f7f7f7f, 0xc1408080, 0)
    /* RSUB16 */
    DSP_RR(42, 0x01, 12, 0x12345678, 0x01ff807f, 0x081a6afc, 0)
    /* RSUB16 */
    DSP_RR(43, 0x01, 12, 0x7fff8000, 0x80017ffe, 0x7fff8001, 0)
    /* RSUB16 */
    DSP_RR(44, 0x01, 12, 0x80017ffe, 0x8f4d3e27, 0xf85a20eb, 0)
    /* RSUB16 */
    DSP_RR(45, 0x01, 12, 0x73cf256d, 0x7f7f7f7f, 0xfa28d2f7, 0)
    /* RSUB16 */
    DSP_RR(46, 0x01, 12, 0xdda1494c, 0x01ff807f, 0xedd16466, 0)
    /* RSUB16 */
    DSP_RR(47, 0x01, 12, 0x8f4d3e27, 0x80017ffe, 0x07a6df14, 0)
    /* RSUB16 */
    DSP_RR(48, 0x01, 12, 0xdb5b5fab, 0x8f4d3e27, 0x260710c2, 0)
    /* KADD16 */
    DSP_RR(49, 0x08, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* KADD16 */
    DSP_RR(50, 0x08, 12, 0x7f7f7f7f, 0x01ff807f, 0x7ffffffe, 1)
    /* KADD16 */
    DSP_RR(51, 0x08, 12, 0x80808080, 0x80017ffe, 0x8000007e, 1)
    /* KADD16 */
    DSP_RR(52, 0x08, 12, 0xffffffff, 0x8f4d3e27, 0x8f4c3e26, 0)
    /* KADD16 */
    DSP_RR(53, 0x08, 12, 0x01ff807f, 0x7f7f7f7f, 0x7ffffffe, 1)
    /* KADD16 */
    DSP_RR(54, 0x08, 12, 0x12345678, 0x01ff807f, 0x1433d6f7, 0)
    /* KADD16 */
    DSP_RR(55, 0x08, 12, 0x7fff8000, 0x80017ffe, 0x0000fffe, 0)
    /* KADD16 */
    DSP_RR(56, 0x08, 12, 0x80017ffe, 0x8f4d3e27, 0x80007fff, 1)
    /* KADD16 */
    DSP_RR(57, 0x08, 12, 0x73cf256d, 0x7f7f7f7f, 0x7fff7fff, 1)
    /* KADD16 */
    DSP_RR(58, 0x08, 12, 0xdda1494c, 0x01ff807f, 0xdfa0c9cb, 0)
    /* KADD16 */
    DSP_RR(59, 0x08, 12, 0x8f4d3e27, 0x80017ffe, 0x80007fff, 1)
    /* KADD16 */
    DSP_RR(60, 0x08, 12, 0xdb5b5fab, 0x8f4d3e27, 0x80007fff, 1)
    /* KSUB16 */
    DSP_RR(61, 0x09, 12, 0x00000000, 0x7f7f7f7f, 0x80818081, 0)
    /* KSUB16 */
    DSP_RR(62, 0x09, 12, 0x7f7f7f7f, 0x01ff807f, 0x7d807fff, 1)
    /* KSUB16 */
    DSP_RR(63, 0x09, 12, 0x80808080, 0x80017ffe, 0x007f8000, 1)
    /* KSUB16 */
    DSP_RR(64, 0x09, 12, 0xffffffff, 0x8f4d3e27, 0x70b2c1d8, 0)
    /* KSUB16 */
    DSP_RR(65, 0x09, 12, 0x01ff807f, 0x7f7f7f7f, 0x82808000, 1)
    /* KSUB16 */
    DSP_RR(66, 0x09, 12, 0x12345678, 0x01ff807f, 0x10357fff, 1)
    /* KSUB16 */
    DSP_RR(67, 0x09, 12, 0x7fff8000, 0x80017ffe, 0x7fff8000, 1)
    /* KSUB16 */
    DSP_RR(68, 0x09, 12, 0x80017ffe, 0x8f4d3e27, 0xf0b441d7, 0)
    /* KSUB16 */
    DSP_RR(69, 0x09, 12, 0x73cf256d, 0x7f7f7f7f, 0xf450a5ee, 0)
    /* KSUB16 */
    DSP_RR(70, 0x09, 12, 0xdda1494c, 0x01ff807f, 0xdba27fff, 1)
    /* KSUB16 */
    DSP_RR(71, 0x09, 12, 0x8f4d3e27, 0x80017ffe, 0x0f4cbe29, 0)
    /* KSUB16 */
    DSP_RR(72, 0x09, 12, 0xdb5b5fab, 0x8f4d3e27, 0x4c0e2184, 0)
    /* URADD16 */
    DSP_RR(73, 0x10, 12, 0x00000000, 0x7f7f7f7f, 0x3fbf3fbf, 0)
    /* URADD16 */
    DSP_RR(74, 0x10, 12, 0x7f7f7f7f, 0x01ff807f, 0x40bf7fff, 0)
    /* URADD16 */
    DSP_RR(75, 0x10, 12, 0x80808080, 0x80017ffe, 0x8040803f, 0)
    /* URADD16 */
    DSP_RR(76, 0x10, 12, 0xffffffff, 0x8f4d3e27, 0xc7a69f13, 0)
    /* URADD16 */
    DSP_RR(77, 0x10, 12, 0x01ff807f, 0x7f7f7f7f, 0x40bf7fff, 0)
    /* URADD16 */
    DSP_RR(78, 0x10, 12, 0x12345678, 0x01ff807f, 0x0a196b7b, 0)
    /* URADD16 */
    DSP_RR(79, 0x10, 12, 0x7fff8000, 0x80017ffe, 0x80007fff, 0)
    /* URADD16 */
    DSP_RR(80, 0x10, 12, 0x80017ffe, 0x8f4d3e27, 0x87a75f12, 0)
    /* URADD16 */
    DSP_RR(81, 0x10, 12, 0x73cf256d, 0x7f7f7f7f, 0x79a75276, 0)
    /* URADD16 */
    DSP_RR(82, 0x10, 12, 0xdda1494c, 0x01ff807f, 0x6fd064e5, 0)
    /* URADD16 */
    DSP_RR(83, 0x10, 12, 0x8f4d3e27, 0x80017ffe, 0x87a75f12, 0)
    /* URADD16 */
    DSP_RR(84, 0x10, 12, 0xdb5b5fab, 0x8f4d3e27, 0xb5544ee9, 0)
    /* URSUB16 */
    DSP_RR(85, 0x11, 12, 0x00000000, 0x7f7f7f7f, 0xc040c040, 0)
    /* URSUB16 */
    DSP_RR(86, 0x11, 12, 0x7f7f7f7f, 0x01ff807f, 0x3ec0ff80, 0)
    /* URSUB16 */
    DSP_RR(87, 0x11, 12, 0x80808080, 0x80017ffe, 0x003f0041, 0)
    /* URSUB16 */
    DSP_RR(88, 0x11, 12, 0xffffffff, 0x8f4d3e27, 0x385960ec, 0)
    /* URSUB16 */
    DSP_RR(89, 0x11, 12, 0x01ff807f, 0x7f7f7f7f, 0xc1400080, 0)
    /* URSUB16 */
    DSP_RR(90, 0x11, 12, 0x12345678, 0x01ff807f, 0x081aeafc, 0)
    /* URSUB16 */
    DSP_RR(91, 0x11, 12, 0x7fff8000, 0x80017ffe, 0xffff0001, 0)
    /* URSUB16 */
    DSP_RR(92, 0x11, 12, 0x80017ffe, 0x8f4d3e27, 0xf85a20eb, 0)
    /* URSUB16 */
    DSP_RR(93, 0x11, 12, 0x73cf256d, 0x7f7f7f7f, 0xfa28d2f7, 0)
    /* URSUB16 */
    DSP_RR(94, 0x11, 12, 0xdda1494c, 0x01ff807f, 0x6dd1e466, 0)
    /* URSUB16 */
    DSP_RR(95, 0x11, 12, 0x8f4d3e27, 0x80017ffe, 0x07a6df14, 0)
    /* URSUB16 */
    DSP_RR(96, 0x11, 12, 0xdb5b5fab, 0x8f4d3e27, 0x260710c2, 0)
    /* UKADD16 */
    DSP_RR(97, 0x18, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* UKADD16 */
    DSP_RR(98, 0x18, 12, 0x7f7f7f7f, 0x01ff807f, 0x817efffe, 0)
    /* UKADD16 */
    DSP_RR(99, 0x18, 12, 0x80808080, 0x80017ffe, 0xffffffff, 1)
    /* UKADD16 */
    DSP_RR(100, 0x18, 12, 0xffffffff, 0x8f4d3e27, 0xffffffff, 1)
    /* UKADD16 */
    DSP_RR(101, 0x18, 12, 0x01ff807f, 0x7f7f7f7f, 0x817efffe, 0)
    /* UKADD16 */
    DSP_RR(102, 0x18, 12, 0x12345678, 0x01ff807f, 0x1433d6f7, 0)
    /* UKADD16 */
    DSP_RR(103, 0x18, 12, 0x7fff8000, 0x80017ffe, 0xfffffffe, 1)
    /* UKADD16 */
    DSP_RR(104, 0x18, 12, 0x80017ffe, 0x8f4d3e27, 0xffffbe25, 1)
    /* UKADD16 */
    DSP_RR(105, 0x18, 12, 0x73cf256d, 0x7f7f7f7f, 0xf34ea4ec, 0)
    /* UKADD16 */
    DSP_RR(106, 0x18, 12, 0xdda1494c, 0x01ff807f, 0xdfa0c9cb, 0)
    /* UKADD16 */
    DSP_RR(107, 0x18, 12, 0x8f4d3e27, 0x80017ffe, 0xffffbe25, 1)
    /* UKADD16 */
    DSP_RR(108, 0x18, 12, 0xdb5b5fab, 0x8f4d3e27, 0xffff9dd2, 1)
    /* UKSUB16 */
    DSP_RR(109, 0x19, 12, 0x00000000, 0x7f7f7f7f, 0x00000000, 1)
    /* UKSUB16 */
    DSP_RR(110, 0x19, 12, 0x7f7f7f7f, 0x01ff807f, 0x7d800000, 1)
    /* UKSUB16 */
    DSP_RR(111, 0x19, 12, 0x80808080, 0x80017ffe, 0x007f0082, 0)
    /* UKSUB16 */
    DSP_RR(112, 0x19, 12, 0xffffffff, 0x8f4d3e27, 0x70b2c1d8, 0)
    /* UKSUB16 */
    DSP_RR(113, 0x19, 12, 0x01ff807f, 0x7f7f7f7f, 0x00000100, 1)
    /* UKSUB16 */
    DSP_RR(114, 0x19, 12, 0x12345678, 0x01ff807f, 0x10350000, 1)
    /* UKSUB16 */
    DSP_RR(115, 0x19, 12, 0x7fff8000, 0x80017ffe, 0x00000002, 1)
    /* UKSUB16 */
    DSP_RR(116, 0x19, 12, 0x80017ffe, 0x8f4d3e27, 0x000041d7, 1)
    /* UKSUB16 */
    DSP_RR(117, 0x19, 12, 0x73cf256d, 0x7f7f7f7f, 0x00000000, 1)
    /* UKSUB16 */
    DSP_RR(118, 0x19, 12, 0xdda1494c, 0x01ff807f, 0xdba20000, 1)
    /* UKSUB16 */
    DSP_RR(119, 0x19, 12, 0x8f4d3e27, 0x80017ffe, 0x0f4c0000, 1)
    /* UKSUB16 */
    DSP_RR(120, 0x19, 12, 0xdb5b5fab, 0x8f4d3e27, 0x4c0e2184, 0)
    /* SMIN16 */
    DSP_RR(121, 0x40, 12, 0x00000000, 0x7f7f7f7f, 0x00000000, 0)
    /* SMIN16 */
    DSP_RR(122, 0x40, 12, 0x7f7f7f7f, 0x01ff807f, 0x01ff807f, 0)
    /* SMIN16 */
    DSP_RR(123, 0x40, 12, 0x80808080, 0x80017ffe, 0x80018080, 0)
    /* SMIN16 */
    DSP_RR(124, 0x40, 12, 0xffffffff, 0x8f4d3e27, 0x8f4dffff, 0)
    /* SMIN16 */
    DSP_RR(125, 0x40, 12, 0x01ff807f, 0x7f7f7f7f, 0x01ff807f, 0)
    /* SMIN16 */
    DSP_RR(126, 0x40, 12, 0x12345678, 0x01ff807f, 0x01ff807f, 0)
    /* SMIN16 */
    DSP_RR(127, 0x40, 12, 0x7fff8000, 0x80017ffe, 0x80018000, 0)
    /* SMIN16 */
    DSP_RR(128, 0x40, 12, 0x80017ffe, 0x8f4d3e27, 0x80013e27, 0)
    /* SMIN16 */
    DSP_RR(129, 0x40, 12, 0x73cf256d, 0x7f7f7f7f, 0x73cf256d, 0)
    /* SMIN16 */
    DSP_RR(130, 0x40, 12, 0xdda1494c, 0x01ff807f, 0xdda1807f, 0)
    /* SMIN16 */
    DSP_RR(131, 0x40, 12, 0x8f4d3e27, 0x80017ffe, 0x80013e27, 0)
    /* SMIN16 */
    DSP_RR(132, 0x40, 12, 0xdb5b5fab, 0x8f4d3e27, 0x8f4d3e27, 0)
    /* SMAX16 */
    DSP_RR(133, 0x41, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* SMAX16 */
    DSP_RR(134, 0x41, 12, 0x7f7f7f7f, 0x01ff807f, 0x7f7f7f7f, 0)
    /* SMAX16 */
    DSP_RR(135, 0x41, 12, 0x80808080, 0x80017ffe, 0x80807ffe, 0)
    /* SMAX16 */
    DSP_RR(136, 0x41, 12, 0xffffffff, 0x8f4d3e27, 0xffff3e27, 0)
    /* SMAX16 */
    DSP_RR(137, 0x41, 12, 0x01ff807f, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* SMAX16 */
    DSP_RR(138, 0x41, 12, 0x12345678, 0x01ff807f, 0x12345678, 0)
    /* SMAX16 */
    DSP_RR(139, 0x41, 12, 0x7fff8000, 0x80017ffe, 0x7fff7ffe, 0)
    /* SMAX16 */
    DSP_RR(140, 0x41, 12, 0x80017ffe, 0x8f4d3e27, 0x8f4d7ffe, 0)
    /* SMAX16 */
    DSP_RR(141, 0x41, 12, 0x73cf256d, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* SMAX16 */
    DSP_RR(142, 0x41, 12, 0xdda1494c, 0x01ff807f, 0x01ff494c, 0)
    /* SMAX16 */
    DSP_RR(143, 0x41, 12, 0x8f4d3e27, 0x80017ffe, 0x8f4d7ffe, 0)
    /* SMAX16 */
    DSP_RR(144, 0x41, 12, 0xdb5b5fab, 0x8f4d3e27, 0xdb5b5fab, 0)
    /* UMIN16 */
    DSP_RR(145, 0x48, 12, 0x00000000, 0x7f7f7f7f, 0x00000000, 0)
    /* UMIN16 */
    DSP_RR(146, 0x48, 12, 0x7f7f7f7f, 0x01ff807f, 0x01ff7f7f, 0)
    /* UMIN16 */
    DSP_RR(147, 0x48, 12, 0x80808080, 0x80017ffe, 0x80017ffe, 0)
    /* UMIN16 */
    DSP_RR(148, 0x48, 12, 0xffffffff, 0x8f4d3e27, 0x8f4d3e27, 0)
    /* UMIN16 */
    DSP_RR(149, 0x48, 12, 0x01ff807f, 0x7f7f7f7f, 0x01ff7f7f, 0)
    /* UMIN16 */
    DSP_RR(150, 0x48, 12, 0x12345678, 0x01ff807f, 0x01ff5678, 0)
    /* UMIN16 */
    DSP_RR(151, 0x48, 12, 0x7fff8000, 0x80017ffe, 0x7fff7ffe, 0)
    /* UMIN16 */
    DSP_RR(152, 0x48, 12, 0x80017ffe, 0x8f4d3e27, 0x80013e27, 0)
    /* UMIN16 */
    DSP_RR(153, 0x48, 12, 0x73cf256d, 0x7f7f7f7f, 0x73cf256d, 0)
    /* UMIN16 */
    DSP_RR(154, 0x48, 12, 0xdda1494c, 0x01ff807f, 0x01ff494c, 0)
    /* UMIN16 */
    DSP_RR(155, 0x48, 12, 0x8f4d3e27, 0x80017ffe, 0x80013e27, 0)
    /* UMIN16 */
    DSP_RR(156, 0x48, 12, 0xdb5b5fab, 0x8f4d3e27, 0x8f4d3e27, 0)
    /* UMAX16 */
    DSP_RR(157, 0x49, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* UMAX16 */
    DSP_RR(158, 0x49, 12, 0x7f7f7f7f, 0x01ff807f, 0x7f7f807f, 0)
    /* UMAX16 */
    DSP_RR(159, 0x49, 12, 0x80808080, 0x80017ffe, 0x80808080, 0)
    /* UMAX16 */
    DSP_RR(160, 0x49, 12, 0xffffffff, 0x8f4d3e27, 0xffffffff, 0)
    /* UMAX16 */
    DSP_RR(161, 0x49, 12, 0x01ff807f, 0x7f7f7f7f, 0x7f7f807f, 0)
    /* UMAX16 */
    DSP_RR(162, 0x49, 12, 0x12345678, 0x01ff807f, 0x1234807f, 0)
    /* UMAX16 */
    DSP_RR(163, 0x49, 12, 0x7fff8000, 0x80017ffe, 0x80018000, 0)
    /* UMAX16 */
    DSP_RR(164, 0x49, 12, 0x80017ffe, 0x8f4d3e27, 0x8f4d7ffe, 0)
    /* UMAX16 */
    DSP_RR(165, 0x49, 12, 0x73cf256d, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* UMAX16 */
    DSP_RR(166, 0x49, 12, 0xdda1494c, 0x01ff807f, 0xdda1807f, 0)
    /* UMAX16 */
    DSP_RR(167, 0x49, 12, 0x8f4d3e27, 0x80017ffe, 0x8f4d7ffe, 0)
    /* UMAX16 */
    DSP_RR(168, 0x49, 12, 0xdb5b5fab, 0x8f4d3e27, 0xdb5b5fab, 0)
    /* ADD8 */
    DSP_RR(169, 0x24, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* ADD8 */
    DSP_RR(170, 0x24, 12, 0x7f7f7f7f, 0x01ff807f, 0x807efffe, 0)
    /* ADD8 */
    DSP_RR(171, 0x24, 12, 0x80808080, 0x80017ffe, 0x0081ff7e, 0)
    /* ADD8 */
    DSP_RR(172, 0x24, 12, 0xffffffff, 0x8f4d3e27, 0x8e4c3d26, 0)
    /* ADD8 */
    DSP_RR(173, 0x24, 12, 0x01ff807f, 0x7f7f7f7f, 0x807efffe, 0)
    /* ADD8 */
    DSP_RR(174, 0x24, 12, 0x12345678, 0x01ff807f, 0x1333d6f7, 0)
    /* ADD8 */
    DSP_RR(175, 0x24, 12, 0x7fff8000, 0x80017ffe, 0xff00fffe, 0)
    /* ADD8 */
    DSP_RR(176, 0x24, 12, 0x80017ffe, 0x8f4d3e27, 0x0f4ebd25, 0)
    /* ADD8 */
    DSP_RR(177, 0x24, 12, 0x73cf256d, 0x7f7f7f7f, 0xf24ea4ec, 0)
    /* ADD8 */
    DSP_RR(178, 0x24, 12, 0xdda1494c, 0x01ff807f, 0xdea0c9cb, 0)
    /* ADD8 */
    DSP_RR(179, 0x24, 12, 0x8f4d3e27, 0x80017ffe, 0x0f4ebd25, 0)
    /* ADD8 */
    DSP_RR(180, 0x24, 12, 0xdb5b5fab, 0x8f4d3e27, 0x6aa89dd2, 0)
    /* SUB8 */
    DSP_RR(181, 0x25, 12, 0x00000000, 0x7f7f7f7f, 0x81818181, 0)
    /* SUB8 */
    DSP_RR(182, 0x25, 12, 0x7f7f7f7f, 0x01ff807f, 0x7e80ff00, 0)
    /* SUB8 */
    DSP_RR(183, 0x25, 12, 0x80808080, 0x80017ffe, 0x007f0182, 0)
    /* SUB8 */
    DSP_RR(184, 0x25, 12, 0xffffffff, 0x8f4d3e27, 0x70b2c1d8, 0)
    /* SUB8 */
    DSP_RR(185, 0x25, 12, 0x01ff807f, 0x7f7f7f7f, 0x82800100, 0)
    /* SUB8 */
    DSP_RR(186, 0x25, 12, 0x12345678, 0x01ff807f, 0x1135d6f9, 0)
    /* SUB8 */
    DSP_RR(187, 0x25, 12, 0x7fff8000, 0x80017ffe, 0xfffe0102, 0)
    /* SUB8 */
    DSP_RR(188, 0x25, 12, 0x80017ffe, 0x8f4d3e27, 0xf1b441d7, 0)
    /* SUB8 */
    DSP_RR(189, 0x25, 12, 0x73cf256d, 0x7f7f7f7f, 0xf450a6ee, 0)
    /* SUB8 */
    DSP_RR(190, 0x25, 12, 0xdda1494c, 0x01ff807f, 0xdca2c9cd, 0)
    /* SUB8 */
    DSP_RR(191, 0x25, 12, 0x8f4d3e27, 0x80017ffe, 0x0f4cbf29, 0)
    /* SUB8 */
    DSP_RR(192, 0x25, 12, 0xdb5b5fab, 0x8f4d3e27, 0x4c0e2184, 0)
    /* RADD8 */
    DSP_RR(193, 0x04, 12, 0x00000000, 0x7f7f7f7f, 0x3f3f3f3f, 0)
    /* RADD8 */
    DSP_RR(194, 0x04, 12, 0x7f7f7f7f, 0x01ff807f, 0x403fff7f, 0)
    /* RADD8 */
    DSP_RR(195, 0x04, 12, 0x80808080, 0x80017ffe, 0x80c0ffbf, 0)
    /* RADD8 */
    DSP_RR(196, 0x04, 12, 0xffffffff, 0x8f4d3e27, 0xc7261e13, 0)
    /* RADD8 */
    DSP_RR(197, 0x04, 12, 0x01ff807f, 0x7f7f7f7f, 0x403fff7f, 0)
    /* RADD8 */
    DSP_RR(198, 0x04, 12, 0x12345678, 0x01ff807f, 0x0919eb7b, 0)
    /* RADD8 */
    DSP_RR(199, 0x04, 12, 0x7fff8000, 0x80017ffe, 0xff00ffff, 0)
    /* RADD8 */
    DSP_RR(200, 0x04, 12, 0x80017ffe, 0x8f4d3e27, 0x87275e12, 0)
    /* RADD8 */
    DSP_RR(201, 0x04, 12, 0x73cf256d, 0x7f7f7f7f, 0x79275276, 0)
    /* RADD8 */
    DSP_RR(202, 0x04, 12, 0xdda1494c, 0x01ff807f, 0xefd0e465, 0)
    /* RADD8 */
    DSP_RR(203, 0x04, 12, 0x8f4d3e27, 0x80017ffe, 0x87275e12, 0)
    /* RADD8 */
    DSP_RR(204, 0x04, 12, 0xdb5b5fab, 0x8f4d3e27, 0xb5544ee9, 0)
    /* RSUB8 */
    DSP_RR(205, 0x05, 12, 0x00000000, 0x7f7f7f7f, 0xc0c0c0c0, 0)
    /* RSUB8 */
    DSP_RR(206, 0x05, 12, 0x7f7f7f7f, 0x01ff807f, 0x3f407f00, 0)
    /* RSUB8 */
    DSP_RR(207, 0x05, 12, 0x80808080, 0x80017ffe, 0x00bf80c1, 0)
    /* RSUB8 */
    DSP_RR(208, 0x05, 12, 0xffffffff, 0x8f4d3e27, 0x38d9e0ec, 0)
    /* RSUB8 */
    DSP_RR(209, 0x05, 12, 0x01ff807f, 0x7f7f7f7f, 0xc1c08000, 0)
    /* RSUB8 */
    DSP_RR(210, 0x05, 12, 0x12345678, 0x01ff807f, 0x081a6bfc, 0)
    /* RSUB8 */
    DSP_RR(211, 0x05, 12, 0x7fff8000, 0x80017ffe, 0x7fff8001, 0)
    /* RSUB8 */
    DSP_RR(212, 0x05, 12, 0x80017ffe, 0x8f4d3e27, 0xf8da20eb, 0)
    /* RSUB8 */
    DSP_RR(213, 0x05, 12, 0x73cf256d, 0x7f7f7f7f, 0xfaa8d3f7, 0)
    /* RSUB8 */
    DSP_RR(214, 0x05, 12, 0xdda1494c, 0x01ff807f, 0xeed164e6, 0)
    /* RSUB8 */
    DSP_RR(215, 0x05, 12, 0x8f4d3e27, 0x80017ffe, 0x0726df14, 0)
    /* RSUB8 */
    DSP_RR(216, 0x05, 12, 0xdb5b5fab, 0x8f4d3e27, 0x260710c2, 0)
    /* KADD8 */
    DSP_RR(217, 0x0c, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* KADD8 */
    DSP_RR(218, 0x0c, 12, 0x7f7f7f7f, 0x01ff807f, 0x7f7eff7f, 1)
    /* KADD8 */
    DSP_RR(219, 0x0c, 12, 0x80808080, 0x80017ffe, 0x8081ff80, 1)
    /* KADD8 */
    DSP_RR(220, 0x0c, 12, 0xffffffff, 0x8f4d3e27, 0x8e4c3d26, 0)
    /* KADD8 */
    DSP_RR(221, 0x0c, 12, 0x01ff807f, 0x7f7f7f7f, 0x7f7eff7f, 1)
    /* KADD8 */
    DSP_RR(222, 0x0c, 12, 0x12345678, 0x01ff807f, 0x1333d67f, 1)
    /* KADD8 */
    DSP_RR(223, 0x0c, 12, 0x7fff8000, 0x80017ffe, 0xff00fffe, 0)
    /* KADD8 */
    DSP_RR(224, 0x0c, 12, 0x80017ffe, 0x8f4d3e27, 0x804e7f25, 1)
    /* KADD8 */
    DSP_RR(225, 0x0c, 12, 0x73cf256d, 0x7f7f7f7f, 0x7f4e7f7f, 1)
    /* KADD8 */
    DSP_RR(226, 0x0c, 12, 0xdda1494c, 0x01ff807f, 0xdea0c97f, 1)
    /* KADD8 */
    DSP_RR(227, 0x0c, 12, 0x8f4d3e27, 0x80017ffe, 0x804e7f25, 1)
    /* KADD8 */
    DSP_RR(228, 0x0c, 12, 0xdb5b5fab, 0x8f4d3e27, 0x807f7fd2, 1)
    /* KSUB8 */
    DSP_RR(229, 0x0d, 12, 0x00000000, 0x7f7f7f7f, 0x81818181, 0)
    /* KSUB8 */
    DSP_RR(230, 0x0d, 12, 0x7f7f7f7f, 0x01ff807f, 0x7e7f7f00, 1)
    /* KSUB8 */
    DSP_RR(231, 0x0d, 12, 0x80808080, 0x80017ffe, 0x00808082, 1)
    /* KSUB8 */
    DSP_RR(232, 0x0d, 12, 0xffffffff, 0x8f4d3e27, 0x70b2c1d8, 0)
    /* KSUB8 */
    DSP_RR(233, 0x0d, 12, 0x01ff807f, 0x7f7f7f7f, 0x82808000, 1)
    /* KSUB8 */
    DSP_RR(234, 0x0d, 12, 0x12345678, 0x01ff807f, 0x11357ff9, 1)
    /* KSUB8 */
    DSP_RR(235, 0x0d, 12, 0x7fff8000, 0x80017ffe, 0x7ffe8002, 1)
    /* KSUB8 */
    DSP_RR(236, 0x0d, 12, 0x80017ffe, 0x8f4d3e27, 0xf1b441d7, 0)
    /* KSUB8 */
    DSP_RR(237, 0x0d, 12, 0x73cf256d, 0x7f7f7f7f, 0xf480a6ee, 1)
    /* KSUB8 */
    DSP_RR(238, 0x0d, 12, 0xdda1494c, 0x01ff807f, 0xdca27fcd, 1)
    /* KSUB8 */
    DSP_RR(239, 0x0d, 12, 0x8f4d3e27, 0x80017ffe, 0x0f4cbf29, 0)
    /* KSUB8 */
    DSP_RR(240, 0x0d, 12, 0xdb5b5fab, 0x8f4d3e27, 0x4c0e2184, 0)
    /* URADD8 */
    DSP_RR(241, 0x14, 12, 0x00000000, 0x7f7f7f7f, 0x3f3f3f3f, 0)
    /* URADD8 */
    DSP_RR(242, 0x14, 12, 0x7f7f7f7f, 0x01ff807f, 0x40bf7f7f, 0)
    /* URADD8 */
    DSP_RR(243, 0x14, 12, 0x80808080, 0x80017ffe, 0x80407fbf, 0)
    /* URADD8 */
    DSP_RR(244, 0x14, 12, 0xffffffff, 0x8f4d3e27, 0xc7a69e93, 0)
    /* URADD8 */
    DSP_RR(245, 0x14, 12, 0x01ff807f, 0x7f7f7f7f, 0x40bf7f7f, 0)
    /* URADD8 */
    DSP_RR(246, 0x14, 12, 0x12345678, 0x01ff807f, 0x09996b7b, 0)
    /* URADD8 */
    DSP_RR(247, 0x14, 12, 0x7fff8000, 0x80017ffe, 0x7f807f7f, 0)
    /* URADD8 */
    DSP_RR(248, 0x14, 12, 0x80017ffe, 0x8f4d3e27, 0x87275e92, 0)
    /* URADD8 */
    DSP_RR(249, 0x14, 12, 0x73cf256d, 0x7f7f7f7f, 0x79a75276, 0)
    /* URADD8 */
    DSP_RR(250, 0x14, 12, 0xdda1494c, 0x01ff807f, 0x6fd06465, 0)
    /* URADD8 */
    DSP_RR(251, 0x14, 12, 0x8f4d3e27, 0x80017ffe, 0x87275e92, 0)
    /* URADD8 */
    DSP_RR(252, 0x14, 12, 0xdb5b5fab, 0x8f4d3e27, 0xb5544e69, 0)
    /* URSUB8 */
    DSP_RR(253, 0x15, 12, 0x00000000, 0x7f7f7f7f, 0xc0c0c0c0, 0)
    /* URSUB8 */
    DSP_RR(254, 0x15, 12, 0x7f7f7f7f, 0x01ff807f, 0x3fc0ff00, 0)
    /* URSUB8 */
    DSP_RR(255, 0x15, 12, 0x80808080, 0x80017ffe, 0x003f00c1, 0)
    /* URSUB8 */
    DSP_RR(256, 0x15, 12, 0xffffffff, 0x8f4d3e27, 0x3859606c, 0)
    /* URSUB8 */
    DSP_RR(257, 0x15, 12, 0x01ff807f, 0x7f7f7f7f, 0xc1400000, 0)
    /* URSUB8 */
    DSP_RR(258, 0x15, 12, 0x12345678, 0x01ff807f, 0x089aebfc, 0)
    /* URSUB8 */
    DSP_RR(259, 0x15, 12, 0x7fff8000, 0x80017ffe, 0xff7f0081, 0)
    /* URSUB8 */
    DSP_RR(260, 0x15, 12, 0x80017ffe, 0x8f4d3e27, 0xf8da206b, 0)
    /* URSUB8 */
    DSP_RR(261, 0x15, 12, 0x73cf256d, 0x7f7f7f7f, 0xfa28d3f7, 0)
    /* URSUB8 */
    DSP_RR(262, 0x15, 12, 0xdda1494c, 0x01ff807f, 0x6ed1e4e6, 0)
    /* URSUB8 */
    DSP_RR(263, 0x15, 12, 0x8f4d3e27, 0x80017ffe, 0x0726df94, 0)
    /* URSUB8 */
    DSP_RR(264, 0x15, 12, 0xdb5b5fab, 0x8f4d3e27, 0x26071042, 0)
    /* UKADD8 */
    DSP_RR(265, 0x1c, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* UKADD8 */
    DSP_RR(266, 0x1c, 12, 0x7f7f7f7f, 0x01ff807f, 0x80fffffe, 1)
    /* UKADD8 */
    DSP_RR(267, 0x1c, 12, 0x80808080, 0x80017ffe, 0xff81ffff, 1)
    /* UKADD8 */
    DSP_RR(268, 0x1c, 12, 0xffffffff, 0x8f4d3e27, 0xffffffff, 1)
    /* UKADD8 */
    DSP_RR(269, 0x1c, 12, 0x01ff807f, 0x7f7f7f7f, 0x80fffffe, 1)
    /* UKADD8 */
    DSP_RR(270, 0x1c, 12, 0x12345678, 0x01ff807f, 0x13ffd6f7, 1)
    /* UKADD8 */
    DSP_RR(271, 0x1c, 12, 0x7fff8000, 0x80017ffe, 0xfffffffe, 1)
    /* UKADD8 */
    DSP_RR(272, 0x1c, 12, 0x80017ffe, 0x8f4d3e27, 0xff4ebdff, 1)
    /* UKADD8 */
    DSP_RR(273, 0x1c, 12, 0x73cf256d, 0x7f7f7f7f, 0xf2ffa4ec, 1)
    /* UKADD8 */
    DSP_RR(274, 0x1c, 12, 0xdda1494c, 0x01ff807f, 0xdeffc9cb, 1)
    /* UKADD8 */
    DSP_RR(275, 0x1c, 12, 0x8f4d3e27, 0x80017ffe, 0xff4ebdff, 1)
    /* UKADD8 */
    DSP_RR(276, 0x1c, 12, 0xdb5b5fab, 0x8f4d3e27, 0xffa89dd2, 1)
    /* UKSUB8 */
    DSP_RR(277, 0x1d, 12, 0x00000000, 0x7f7f7f7f, 0x00000000, 1)
    /* UKSUB8 */
    DSP_RR(278, 0x1d, 12, 0x7f7f7f7f, 0x01ff807f, 0x7e000000, 1)
    /* UKSUB8 */
    DSP_RR(279, 0x1d, 12, 0x80808080, 0x80017ffe, 0x007f0100, 1)
    /* UKSUB8 */
    DSP_RR(280, 0x1d, 12, 0xffffffff, 0x8f4d3e27, 0x70b2c1d8, 0)
    /* UKSUB8 */
    DSP_RR(281, 0x1d, 12, 0x01ff807f, 0x7f7f7f7f, 0x00800100, 1)
    /* UKSUB8 */
    DSP_RR(282, 0x1d, 12, 0x12345678, 0x01ff807f, 0x11000000, 1)
    /* UKSUB8 */
    DSP_RR(283, 0x1d, 12, 0x7fff8000, 0x80017ffe, 0x00fe0100, 1)
    /* UKSUB8 */
    DSP_RR(284, 0x1d, 12, 0x80017ffe, 0x8f4d3e27, 0x000041d7, 1)
    /* UKSUB8 */
    DSP_RR(285, 0x1d, 12, 0x73cf256d, 0x7f7f7f7f, 0x00500000, 1)
    /* UKSUB8 */
    DSP_RR(286, 0x1d, 12, 0xdda1494c, 0x01ff807f, 0xdc000000, 1)
    /* UKSUB8 */
    DSP_RR(287, 0x1d, 12, 0x8f4d3e27, 0x80017ffe, 0x0f4c0000, 1)
    /* UKSUB8 */
    DSP_RR(288, 0x1d, 12, 0xdb5b5fab, 0x8f4d3e27, 0x4c0e2184, 0)
    /* SMIN8 */
    DSP_RR(289, 0x44, 12, 0x00000000, 0x7f7f7f7f, 0x00000000, 0)
    /* SMIN8 */
    DSP_RR(290, 0x44, 12, 0x7f7f7f7f, 0x01ff807f, 0x01ff807f, 0)
    /* SMIN8 */
    DSP_RR(291, 0x44, 12, 0x80808080, 0x80017ffe, 0x80808080, 0)
    /* SMIN8 */
    DSP_RR(292, 0x44, 12, 0xffffffff, 0x8f4d3e27, 0x8fffffff, 0)
    /* SMIN8 */
    DSP_RR(293, 0x44, 12, 0x01ff807f, 0x7f7f7f7f, 0x01ff807f, 0)
    /* SMIN8 */
    DSP_RR(294, 0x44, 12, 0x12345678, 0x01ff807f, 0x01ff8078, 0)
    /* SMIN8 */
    DSP_RR(295, 0x44, 12, 0x7fff8000, 0x80017ffe, 0x80ff80fe, 0)
    /* SMIN8 */
    DSP_RR(296, 0x44, 12, 0x80017ffe, 0x8f4d3e27, 0x80013efe, 0)
    /* SMIN8 */
    DSP_RR(297, 0x44, 12, 0x73cf256d, 0x7f7f7f7f, 0x73cf256d, 0)
    /* SMIN8 */
    DSP_RR(298, 0x44, 12, 0xdda1494c, 0x01ff807f, 0xdda1804c, 0)
    /* SMIN8 */
    DSP_RR(299, 0x44, 12, 0x8f4d3e27, 0x80017ffe, 0x80013efe, 0)
    /* SMIN8 */
    DSP_RR(300, 0x44, 12, 0xdb5b5fab, 0x8f4d3e27, 0x8f4d3eab, 0)
    /* SMAX8 */
    DSP_RR(301, 0x45, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* SMAX8 */
    DSP_RR(302, 0x45, 12, 0x7f7f7f7f, 0x01ff807f, 0x7f7f7f7f, 0)
    /* SMAX8 */
    DSP_RR(303, 0x45, 12, 0x80808080, 0x80017ffe, 0x80017ffe, 0)
    /* SMAX8 */
    DSP_RR(304, 0x45, 12, 0xffffffff, 0x8f4d3e27, 0xff4d3e27, 0)
    /* SMAX8 */
    DSP_RR(305, 0x45, 12, 0x01ff807f, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* SMAX8 */
    DSP_RR(306, 0x45, 12, 0x12345678, 0x01ff807f, 0x1234567f, 0)
    /* SMAX8 */
    DSP_RR(307, 0x45, 12, 0x7fff8000, 0x80017ffe, 0x7f017f00, 0)
    /* SMAX8 */
    DSP_RR(308, 0x45, 12, 0x80017ffe, 0x8f4d3e27, 0x8f4d7f27, 0)
    /* SMAX8 */
    DSP_RR(309, 0x45, 12, 0x73cf256d, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* SMAX8 */
    DSP_RR(310, 0x45, 12, 0xdda1494c, 0x01ff807f, 0x01ff497f, 0)
    /* SMAX8 */
    DSP_RR(311, 0x45, 12, 0x8f4d3e27, 0x80017ffe, 0x8f4d7f27, 0)
    /* SMAX8 */
    DSP_RR(312, 0x45, 12, 0xdb5b5fab, 0x8f4d3e27, 0xdb5b5f27, 0)
    /* UMIN8 */
    DSP_RR(313, 0x4c, 12, 0x00000000, 0x7f7f7f7f, 0x00000000, 0)
    /* UMIN8 */
    DSP_RR(314, 0x4c, 12, 0x7f7f7f7f, 0x01ff807f, 0x017f7f7f, 0)
    /* UMIN8 */
    DSP_RR(315, 0x4c, 12, 0x80808080, 0x80017ffe, 0x80017f80, 0)
    /* UMIN8 */
    DSP_RR(316, 0x4c, 12, 0xffffffff, 0x8f4d3e27, 0x8f4d3e27, 0)
    /* UMIN8 */
    DSP_RR(317, 0x4c, 12, 0x01ff807f, 0x7f7f7f7f, 0x017f7f7f, 0)
    /* UMIN8 */
    DSP_RR(318, 0x4c, 12, 0x12345678, 0x01ff807f, 0x01345678, 0)
    /* UMIN8 */
    DSP_RR(319, 0x4c, 12, 0x7fff8000, 0x80017ffe, 0x7f017f00, 0)
    /* UMIN8 */
    DSP_RR(320, 0x4c, 12, 0x80017ffe, 0x8f4d3e27, 0x80013e27, 0)
    /* UMIN8 */
    DSP_RR(321, 0x4c, 12, 0x73cf256d, 0x7f7f7f7f, 0x737f256d, 0)
    /* UMIN8 */
    DSP_RR(322, 0x4c, 12, 0xdda1494c, 0x01ff807f, 0x01a1494c, 0)
    /* UMIN8 */
    DSP_RR(323, 0x4c, 12, 0x8f4d3e27, 0x80017ffe, 0x80013e27, 0)
    /* UMIN8 */
    DSP_RR(324, 0x4c, 12, 0xdb5b5fab, 0x8f4d3e27, 0x8f4d3e27, 0)
    /* UMAX8 */
    DSP_RR(325, 0x4d, 12, 0x00000000, 0x7f7f7f7f, 0x7f7f7f7f, 0)
    /* UMAX8 */
    DSP_RR(326, 0x4d, 12, 0x7f7f7f7f, 0x01ff807f, 0x7fff807f, 0)
    /* UMAX8 */
    DSP_RR(327, 0x4d, 12, 0x80808080, 0x80017ffe, 0x808080fe, 0)
    /* UMAX8 */
    DSP_RR(328, 0x4d, 12, 0xffffffff, 0x8f4d3e27, 0xffffffff, 0)
    /* UMAX8 */
    DSP_RR(329, 0x4d, 12, 0x01ff807f, 0x7f7f7f7f, 0x7fff807f, 0)
    /* UMAX8 */
    DSP_RR(330, 0x4d, 12, 0x12345678, 0x01ff807f, 0x12ff807f, 0)
    /* UMAX8 */
    DSP_RR(331, 0x4d, 12, 0x7fff8000, 0x80017ffe, 0x80ff80fe, 0)
    /* UMAX8 */
    DSP_RR(332, 0x4d, 12, 0x80017ffe, 0x8f4d3e27, 0x8f4d7ffe, 0)
    /* UMAX8 */
    DSP_RR(333, 0x4d, 12, 0x73cf256d, 0x7f7f7f7f, 0x7fcf7f7f, 0)
    /* UMAX8 */
    DSP_RR(334, 0x4d, 12, 0xdda1494c, 0x01ff807f, 0xddff807f, 0)
    /* UMAX8 */
    DSP_RR(335, 0x4d, 12, 0x8f4d3e27, 0x80017ffe, 0x8f4d7ffe, 0)
    /* UMAX8 */
    DSP_RR(336, 0x4d, 12, 0xdb5b5fab, 0x8f4d3e27, 0xdb5b5fab, 0)
    /* SRA16 */
    DSP_RR(337, 0x28, 12, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SRA16 */
    DSP_RR(338, 0x28, 12, 0x00000000, 0x00000001, 0x00000000, 0)
    /* SRA16 */
    DSP_RR(339, 0x28, 12, 0x00000000, 0x00000003, 0x00000000, 0)
    /* SRA16 */
    DSP_RR(340, 0x28, 12, 0x00000000, 0x0000000f, 0x00000000, 0)
    /* SRA16 */
    DSP_RR(341, 0x28, 12, 0x7f7f7f7f, 0x00000000, 0x7f7f7f7f, 0)
    /* SRA16 */
    DSP_RR(342, 0x28, 12, 0x7f7f7f7f, 0x00000001, 0x3fbf3fbf, 0)
    /* SRA16 */
    DSP_RR(343, 0x28, 12, 0x7f7f7f7f, 0x00000003, 0x0fef0fef, 0)
    /* SRA16 */
    DSP_RR(344, 0x28, 12, 0x7f7f7f7f, 0x0000000f, 0x00000000, 0)
    /* SRA16 */
    DSP_RR(345, 0x28, 12, 0x80808080, 0x00000000, 0x80808080, 0)
    /* SRA16 */
    DSP_RR(346, 0x28, 12, 0x80808080, 0x00000001, 0xc040c040, 0)
    /* SRA16 */
    DSP_RR(347, 0x28, 12, 0x80808080, 0x00000003, 0xf010f010, 0)
    /* SRA16 */
    DSP_RR(348, 0x28, 12, 0x80808080, 0x0000000f, 0xffffffff, 0)
    /* SRA16 */
    DSP_RR(349, 0x28, 12, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* SRA16 */
    DSP_RR(350, 0x28, 12, 0xffffffff, 0x00000001, 0xffffffff, 0)
    /* SRA16 */
    DSP_RR(351, 0x28, 12, 0xffffffff, 0x00000003, 0xffffffff, 0)
    /* SRA16 */
    DSP_RR(352, 0x28, 12, 0xffffffff, 0x0000000f, 0xffffffff, 0)
    /* SRA16 */
    DSP_RR(353, 0x28, 12, 0x01ff807f, 0x00000000, 0x01ff807f, 0)
    /* SRA16 */
    DSP_RR(354, 0x28, 12, 0x01ff807f, 0x00000001, 0x00ffc03f, 0)
    /* SRA16 */
    DSP_RR(355, 0x28, 12, 0x01ff807f, 0x00000003, 0x003ff00f, 0)
    /* SRA16 */
    DSP_RR(356, 0x28, 12, 0x01ff807f, 0x0000000f, 0x0000ffff, 0)
    /* SRA16 */
    DSP_RR(357, 0x28, 12, 0x12345678, 0x00000000, 0x12345678, 0)
    /* SRA16 */
    DSP_RR(358, 0x28, 12, 0x12345678, 0x00000001, 0x091a2b3c, 0)
    /* SRA16 */
    DSP_RR(359, 0x28, 12, 0x12345678, 0x00000003, 0x02460acf, 0)
    /* SRA16 */
    DSP_RR(360, 0x28, 12, 0x12345678, 0x0000000f, 0x00000000, 0)
    /* SRL16 */
    DSP_RR(361, 0x29, 12, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SRL16 */
    DSP_RR(362, 0x29, 12, 0x00000000, 0x00000001, 0x00000000, 0)
    /* SRL16 */
    DSP_RR(363, 0x29, 12, 0x00000000, 0x00000003, 0x00000000, 0)
    /* SRL16 */
    DSP_RR(364, 0x29, 12, 0x00000000, 0x0000000f, 0x00000000, 0)
    /* SRL16 */
    DSP_RR(365, 0x29, 12, 0x7f7f7f7f, 0x00000000, 0x7f7f7f7f, 0)
    /* SRL16 */
    DSP_RR(366, 0x29, 12, 0x7f7f7f7f, 0x00000001, 0x3fbf3fbf, 0)
    /* SRL16 */
    DSP_RR(367, 0x29, 12, 0x7f7f7f7f, 0x00000003, 0x0fef0fef, 0)
    /* SRL16 */
    DSP_RR(368, 0x29, 12, 0x7f7f7f7f, 0x0000000f, 0x00000000, 0)
    /* SRL16 */
    DSP_RR(369, 0x29, 12, 0x80808080, 0x00000000, 0x80808080, 0)
    /* SRL16 */
    DSP_RR(370, 0x29, 12, 0x80808080, 0x00000001, 0x40404040, 0)
    /* SRL16 */
    DSP_RR(371, 0x29, 12, 0x80808080, 0x00000003, 0x10101010, 0)
    /* SRL16 */
    DSP_RR(372, 0x29, 12, 0x80808080, 0x0000000f, 0x00010001, 0)
    /* SRL16 */
    DSP_RR(373, 0x29, 12, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* SRL16 */
    DSP_RR(374, 0x29, 12, 0xffffffff, 0x00000001, 0x7fff7fff, 0)
    /* SRL16 */
    DSP_RR(375, 0x29, 12, 0xffffffff, 0x00000003, 0x1fff1fff, 0)
    /* SRL16 */
    DSP_RR(376, 0x29, 12, 0xffffffff, 0x0000000f, 0x00010001, 0)
    /* SRL16 */
    DSP_RR(377, 0x29, 12, 0x01ff807f, 0x00000000, 0x01ff807f, 0)
    /* SRL16 */
    DSP_RR(378, 0x29, 12, 0x01ff807f, 0x00000001, 0x00ff403f, 0)
    /* SRL16 */
    DSP_RR(379, 0x29, 12, 0x01ff807f, 0x00000003, 0x003f100f, 0)
    /* SRL16 */
    DSP_RR(380, 0x29, 12, 0x01ff807f, 0x0000000f, 0x00000001, 0)
    /* SRL16 */
    DSP_RR(381, 0x29, 12, 0x12345678, 0x00000000, 0x12345678, 0)
    /* SRL16 */
    DSP_RR(382, 0x29, 12, 0x12345678, 0x00000001, 0x091a2b3c, 0)
    /* SRL16 */
    DSP_RR(383, 0x29, 12, 0x12345678, 0x00000003, 0x02460acf, 0)
    /* SRL16 */
    DSP_RR(384, 0x29, 12, 0x12345678, 0x0000000f, 0x00000000, 0)
    /* SLL16 */
    DSP_RR(385, 0x2a, 12, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SLL16 */
    DSP_RR(386, 0x2a, 12, 0x00000000, 0x00000001, 0x00000000, 0)
    /* SLL16 */
    DSP_RR(387, 0x2a, 12, 0x00000000, 0x00000003, 0x00000000, 0)
    /* SLL16 */
    DSP_RR(388, 0x2a, 12, 0x00000000, 0x0000000f, 0x00000000, 0)
    /* SLL16 */
    DSP_RR(389, 0x2a, 12, 0x7f7f7f7f, 0x00000000, 0x7f7f7f7f, 0)
    /* SLL16 */
    DSP_RR(390, 0x2a, 12, 0x7f7f7f7f, 0x00000001, 0xfefefefe, 0)
    /* SLL16 */
    DSP_RR(391, 0x2a, 12, 0x7f7f7f7f, 0x00000003, 0xfbf8fbf8, 0)
    /* SLL16 */
    DSP_RR(392, 0x2a, 12, 0x7f7f7f7f, 0x0000000f, 0x80008000, 0)
    /* SLL16 */
    DSP_RR(393, 0x2a, 12, 0x80808080, 0x00000000, 0x80808080, 0)
    /* SLL16 */
    DSP_RR(394, 0x2a, 12, 0x80808080, 0x00000001, 0x01000100, 0)
    /* SLL16 */
    DSP_RR(395, 0x2a, 12, 0x80808080, 0x00000003, 0x04000400, 0)
    /* SLL16 */
    DSP_RR(396, 0x2a, 12, 0x80808080, 0x0000000f, 0x00000000, 0)
    /* SLL16 */
    DSP_RR(397, 0x2a, 12, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* SLL16 */
    DSP_RR(398, 0x2a, 12, 0xffffffff, 0x00000001, 0xfffefffe, 0)
    /* SLL16 */
    DSP_RR(399, 0x2a, 12, 0xffffffff, 0x00000003, 0xfff8fff8, 0)
    /* SLL16 */
    DSP_RR(400, 0x2a, 12, 0xffffffff, 0x0000000f, 0x80008000, 0)
    /* SLL16 */
    DSP_RR(401, 0x2a, 12, 0x01ff807f, 0x00000000, 0x01ff807f, 0)
    /* SLL16 */
    DSP_RR(402, 0x2a, 12, 0x01ff807f, 0x00000001, 0x03fe00fe, 0)
    /* SLL16 */
    DSP_RR(403, 0x2a, 12, 0x01ff807f, 0x00000003, 0x0ff803f8, 0)
    /* SLL16 */
    DSP_RR(404, 0x2a, 12, 0x01ff807f, 0x0000000f, 0x80008000, 0)
    /* SLL16 */
    DSP_RR(405, 0x2a, 12, 0x12345678, 0x00000000, 0x12345678, 0)
    /* SLL16 */
    DSP_RR(406, 0x2a, 12, 0x12345678, 0x00000001, 0x2468acf0, 0)
    /* SLL16 */
    DSP_RR(407, 0x2a, 12, 0x12345678, 0x00000003, 0x91a0b3c0, 0)
    /* SLL16 */
    DSP_RR(408, 0x2a, 12, 0x12345678, 0x0000000f, 0x00000000, 0)
    /* SRA8 */
    DSP_RR(409, 0x2c, 12, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SRA8 */
    DSP_RR(410, 0x2c, 12, 0x00000000, 0x00000001, 0x00000000, 0)
    /* SRA8 */
    DSP_RR(411, 0x2c, 12, 0x00000000, 0x00000003, 0x00000000, 0)
    /* SRA8 */
    DSP_RR(412, 0x2c, 12, 0x00000000, 0x00000007, 0x00000000, 0)
    /* SRA8 */
    DSP_RR(413, 0x2c, 12, 0x7f7f7f7f, 0x00000000, 0x7f7f7f7f, 0)
    /* SRA8 */
    DSP_RR(414, 0x2c, 12, 0x7f7f7f7f, 0x00000001, 0x3f3f3f3f, 0)
    /* SRA8 */
    DSP_RR(415, 0x2c, 12, 0x7f7f7f7f, 0x00000003, 0x0f0f0f0f, 0)
    /* SRA8 */
    DSP_RR(416, 0x2c, 12, 0x7f7f7f7f, 0x00000007, 0x00000000, 0)
    /* SRA8 */
    DSP_RR(417, 0x2c, 12, 0x80808080, 0x00000000, 0x80808080, 0)
    /* SRA8 */
    DSP_RR(418, 0x2c, 12, 0x80808080, 0x00000001, 0xc0c0c0c0, 0)
    /* SRA8 */
    DSP_RR(419, 0x2c, 12, 0x80808080, 0x00000003, 0xf0f0f0f0, 0)
    /* SRA8 */
    DSP_RR(420, 0x2c, 12, 0x80808080, 0x00000007, 0xffffffff, 0)
    /* SRA8 */
    DSP_RR(421, 0x2c, 12, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* SRA8 */
    DSP_RR(422, 0x2c, 12, 0xffffffff, 0x00000001, 0xffffffff, 0)
    /* SRA8 */
    DSP_RR(423, 0x2c, 12, 0xffffffff, 0x00000003, 0xffffffff, 0)
    /* SRA8 */
    DSP_RR(424, 0x2c, 12, 0xffffffff, 0x00000007, 0xffffffff, 0)
    /* SRA8 */
    DSP_RR(425, 0x2c, 12, 0x01ff807f, 0x00000000, 0x01ff807f, 0)
    /* SRA8 */
    DSP_RR(426, 0x2c, 12, 0x01ff807f, 0x00000001, 0x00ffc03f, 0)
    /* SRA8 */
    DSP_RR(427, 0x2c, 12, 0x01ff807f, 0x00000003, 0x00fff00f, 0)
    /* SRA8 */
    DSP_RR(428, 0x2c, 12, 0x01ff807f, 0x00000007, 0x00ffff00, 0)
    /* SRA8 */
    DSP_RR(429, 0x2c, 12, 0x12345678, 0x00000000, 0x12345678, 0)
    /* SRA8 */
    DSP_RR(430, 0x2c, 12, 0x12345678, 0x00000001, 0x091a2b3c, 0)
    /* SRA8 */
    DSP_RR(431, 0x2c, 12, 0x12345678, 0x00000003, 0x02060a0f, 0)
    /* SRA8 */
    DSP_RR(432, 0x2c, 12, 0x12345678, 0x00000007, 0x00000000, 0)
    /* SRL8 */
    DSP_RR(433, 0x2d, 12, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SRL8 */
    DSP_RR(434, 0x2d, 12, 0x00000000, 0x00000001, 0x00000000, 0)
    /* SRL8 */
    DSP_RR(435, 0x2d, 12, 0x00000000, 0x00000003, 0x00000000, 0)
    /* SRL8 */
    DSP_RR(436, 0x2d, 12, 0x00000000, 0x00000007, 0x00000000, 0)
    /* SRL8 */
    DSP_RR(437, 0x2d, 12, 0x7f7f7f7f, 0x00000000, 0x7f7f7f7f, 0)
    /* SRL8 */
    DSP_RR(438, 0x2d, 12, 0x7f7f7f7f, 0x00000001, 0x3f3f3f3f, 0)
    /* SRL8 */
    DSP_RR(439, 0x2d, 12, 0x7f7f7f7f, 0x00000003, 0x0f0f0f0f, 0)
    /* SRL8 */
    DSP_RR(440, 0x2d, 12, 0x7f7f7f7f, 0x00000007, 0x00000000, 0)
    /* SRL8 */
    DSP_RR(441, 0x2d, 12, 0x80808080, 0x00000000, 0x80808080, 0)
    /* SRL8 */
    DSP_RR(442, 0x2d, 12, 0x80808080, 0x00000001, 0x40404040, 0)
    /* SRL8 */
    DSP_RR(443, 0x2d, 12, 0x80808080, 0x00000003, 0x10101010, 0)
    /* SRL8 */
    DSP_RR(444, 0x2d, 12, 0x80808080, 0x00000007, 0x01010101, 0)
    /* SRL8 */
    DSP_RR(445, 0x2d, 12, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* SRL8 */
    DSP_RR(446, 0x2d, 12, 0xffffffff, 0x00000001, 0x7f7f7f7f, 0)
    /* SRL8 */
    DSP_RR(447, 0x2d, 12, 0xffffffff, 0x00000003, 0x1f1f1f1f, 0)
    /* SRL8 */
    DSP_RR(448, 0x2d, 12, 0xffffffff, 0x00000007, 0x01010101, 0)
    /* SRL8 */
    DSP_RR(449, 0x2d, 12, 0x01ff807f, 0x00000000, 0x01ff807f, 0)
    /* SRL8 */
    DSP_RR(450, 0x2d, 12, 0x01ff807f, 0x00000001, 0x007f403f, 0)
    /* SRL8 */
    DSP_RR(451, 0x2d, 12, 0x01ff807f, 0x00000003, 0x001f100f, 0)
    /* SRL8 */
    DSP_RR(452, 0x2d, 12, 0x01ff807f, 0x00000007, 0x00010100, 0)
    /* SRL8 */
    DSP_RR(453, 0x2d, 12, 0x12345678, 0x00000000, 0x12345678, 0)
    /* SRL8 */
    DSP_RR(454, 0x2d, 12, 0x12345678, 0x00000001, 0x091a2b3c, 0)
    /* SRL8 */
    DSP_RR(455, 0x2d, 12, 0x12345678, 0x00000003, 0x02060a0f, 0)
    /* SRL8 */
    DSP_RR(456, 0x2d, 12, 0x12345678, 0x00000007, 0x00000000, 0)
    /* SLL8 */
    DSP_RR(457, 0x2e, 12, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SLL8 */
    DSP_RR(458, 0x2e, 12, 0x00000000, 0x00000001, 0x00000000, 0)
    /* SLL8 */
    DSP_RR(459, 0x2e, 12, 0x00000000, 0x00000003, 0x00000000, 0)
    /* SLL8 */
    DSP_RR(460, 0x2e, 12, 0x00000000, 0x00000007, 0x00000000, 0)
    /* SLL8 */
    DSP_RR(461, 0x2e, 12, 0x7f7f7f7f, 0x00000000, 0x7f7f7f7f, 0)
    /* SLL8 */
    DSP_RR(462, 0x2e, 12, 0x7f7f7f7f, 0x00000001, 0xfefefefe, 0)
    /* SLL8 */
    DSP_RR(463, 0x2e, 12, 0x7f7f7f7f, 0x00000003, 0xf8f8f8f8, 0)
    /* SLL8 */
    DSP_RR(464, 0x2e, 12, 0x7f7f7f7f, 0x00000007, 0x80808080, 0)
    /* SLL8 */
    DSP_RR(465, 0x2e, 12, 0x80808080, 0x00000000, 0x80808080, 0)
    /* SLL8 */
    DSP_RR(466, 0x2e, 12, 0x80808080, 0x00000001, 0x00000000, 0)
    /* SLL8 */
    DSP_RR(467, 0x2e, 12, 0x80808080, 0x00000003, 0x00000000, 0)
    /* SLL8 */
    DSP_RR(468, 0x2e, 12, 0x80808080, 0x00000007, 0x00000000, 0)
    /* SLL8 */
    DSP_RR(469, 0x2e, 12, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* SLL8 */
    DSP_RR(470, 0x2e, 12, 0xffffffff, 0x00000001, 0xfefefefe, 0)
    /* SLL8 */
    DSP_RR(471, 0x2e, 12, 0xffffffff, 0x00000003, 0xf8f8f8f8, 0)
    /* SLL8 */
    DSP_RR(472, 0x2e, 12, 0xffffffff, 0x00000007, 0x80808080, 0)
    /* SLL8 */
    DSP_RR(473, 0x2e, 12, 0x01ff807f, 0x00000000, 0x01ff807f, 0)
    /* SLL8 */
    DSP_RR(474, 0x2e, 12, 0x01ff807f, 0x00000001, 0x02fe00fe, 0)
    /* SLL8 */
    DSP_RR(475, 0x2e, 12, 0x01ff807f, 0x00000003, 0x08f800f8, 0)
    /* SLL8 */
    DSP_RR(476, 0x2e, 12, 0x01ff807f, 0x00000007, 0x80800080, 0)
    /* SLL8 */
    DSP_RR(477, 0x2e, 12, 0x12345678, 0x00000000, 0x12345678, 0)
    /* SLL8 */
    DSP_RR(478, 0x2e, 12, 0x12345678, 0x00000001, 0x2468acf0, 0)
    /* SLL8 */
    DSP_RR(479, 0x2e, 12, 0x12345678, 0x00000003, 0x90a0b0c0, 0)
    /* SLL8 */
    DSP_RR(480, 0x2e, 12, 0x12345678, 0x00000007, 0x00000000, 0)
    /* KHM16 */
    DSP_RR(481, 0x43, 12, 0x80008000, 0x80008000, 0x7fff7fff, 1)
    /* KHM16 */
    DSP_RR(482, 0x43, 12, 0x40002000, 0x20004000, 0x10001000, 0)
    /* KHM16 */
    DSP_RR(483, 0x43, 12, 0x7fff8001, 0x7fff7fff, 0x7ffe8001, 0)
    /* KHM16 */
    DSP_RR(484, 0x43, 12, 0x80808080, 0x80807f7f, 0x7f008100, 0)
    /* KHM16 */
    DSP_RR(485, 0x43, 12, 0x12345678, 0x9abcdef0, 0xf199e9aa, 0)
    /* KHM16 */
    DSP_RR(486, 0x43, 12, 0xffff0001, 0xffff0001, 0x00000000, 0)
    /* KHM8 */
    DSP_RR(487, 0x47, 12, 0x80008000, 0x80008000, 0x7f007f00, 1)
    /* KHM8 */
    DSP_RR(488, 0x47, 12, 0x40002000, 0x20004000, 0x10001000, 0)
    /* KHM8 */
    DSP_RR(489, 0x47, 12, 0x7fff8001, 0x7fff7fff, 0x7e0081ff, 0)
    /* KHM8 */
    DSP_RR(490, 0x47, 12, 0x80808080, 0x80807f7f, 0x7f7f8181, 1)
    /* KHM8 */
    DSP_RR(491, 0x47, 12, 0x12345678, 0x9abcdef0, 0xf1e4e9f1, 0)
    /* KHM8 */
    DSP_RR(492, 0x47, 12, 0xffff0001, 0xffff0001, 0x00000000, 0)
    /* SCLIP32 imm 0 */
    DSP_RR(493, 0x72, 0, 0x00000000, 0x00000000, 0x00000000, 0)
    /* UCLIP32 imm 0 */
    DSP_RR(494, 0x7a, 0, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SCLIP32 imm 0 */
    DSP_RR(495, 0x72, 0, 0x00000005, 0x00000000, 0x00000000, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(496, 0x7a, 0, 0x00000005, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(497, 0x72, 0, 0x0000007f, 0x00000000, 0x00000000, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(498, 0x7a, 0, 0x0000007f, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(499, 0x72, 0, 0x00000080, 0x00000000, 0x00000000, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(500, 0x7a, 0, 0x00000080, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(501, 0x72, 0, 0x000000ff, 0x00000000, 0x00000000, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(502, 0x7a, 0, 0x000000ff, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(503, 0x72, 0, 0x00000100, 0x00000000, 0x00000000, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(504, 0x7a, 0, 0x00000100, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(505, 0x72, 0, 0x7fffffff, 0x00000000, 0x00000000, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(506, 0x7a, 0, 0x7fffffff, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(507, 0x72, 0, 0x80000000, 0x00000000, 0xffffffff, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(508, 0x7a, 0, 0x80000000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(509, 0x72, 0, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* UCLIP32 imm 0 */
    DSP_RR(510, 0x7a, 0, 0xffffffff, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(511, 0x72, 0, 0xffffff80, 0x00000000, 0xffffffff, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(512, 0x7a, 0, 0xffffff80, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(513, 0x72, 0, 0xffffff7f, 0x00000000, 0xffffffff, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(514, 0x7a, 0, 0xffffff7f, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 0 */
    DSP_RR(515, 0x72, 0, 0xffff8000, 0x00000000, 0xffffffff, 1)
    /* UCLIP32 imm 0 */
    DSP_RR(516, 0x7a, 0, 0xffff8000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(517, 0x72, 3, 0x00000000, 0x00000000, 0x00000000, 0)
    /* UCLIP32 imm 3 */
    DSP_RR(518, 0x7a, 3, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SCLIP32 imm 3 */
    DSP_RR(519, 0x72, 3, 0x00000005, 0x00000000, 0x00000005, 0)
    /* UCLIP32 imm 3 */
    DSP_RR(520, 0x7a, 3, 0x00000005, 0x00000000, 0x00000005, 0)
    /* SCLIP32 imm 3 */
    DSP_RR(521, 0x72, 3, 0x0000007f, 0x00000000, 0x00000007, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(522, 0x7a, 3, 0x0000007f, 0x00000000, 0x00000007, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(523, 0x72, 3, 0x00000080, 0x00000000, 0x00000007, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(524, 0x7a, 3, 0x00000080, 0x00000000, 0x00000007, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(525, 0x72, 3, 0x000000ff, 0x00000000, 0x00000007, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(526, 0x7a, 3, 0x000000ff, 0x00000000, 0x00000007, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(527, 0x72, 3, 0x00000100, 0x00000000, 0x00000007, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(528, 0x7a, 3, 0x00000100, 0x00000000, 0x00000007, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(529, 0x72, 3, 0x7fffffff, 0x00000000, 0x00000007, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(530, 0x7a, 3, 0x7fffffff, 0x00000000, 0x00000007, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(531, 0x72, 3, 0x80000000, 0x00000000, 0xfffffff8, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(532, 0x7a, 3, 0x80000000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(533, 0x72, 3, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* UCLIP32 imm 3 */
    DSP_RR(534, 0x7a, 3, 0xffffffff, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(535, 0x72, 3, 0xffffff80, 0x00000000, 0xfffffff8, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(536, 0x7a, 3, 0xffffff80, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(537, 0x72, 3, 0xffffff7f, 0x00000000, 0xfffffff8, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(538, 0x7a, 3, 0xffffff7f, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 3 */
    DSP_RR(539, 0x72, 3, 0xffff8000, 0x00000000, 0xfffffff8, 1)
    /* UCLIP32 imm 3 */
    DSP_RR(540, 0x7a, 3, 0xffff8000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(541, 0x72, 7, 0x00000000, 0x00000000, 0x00000000, 0)
    /* UCLIP32 imm 7 */
    DSP_RR(542, 0x7a, 7, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SCLIP32 imm 7 */
    DSP_RR(543, 0x72, 7, 0x00000005, 0x00000000, 0x00000005, 0)
    /* UCLIP32 imm 7 */
    DSP_RR(544, 0x7a, 7, 0x00000005, 0x00000000, 0x00000005, 0)
    /* SCLIP32 imm 7 */
    DSP_RR(545, 0x72, 7, 0x0000007f, 0x00000000, 0x0000007f, 0)
    /* UCLIP32 imm 7 */
    DSP_RR(546, 0x7a, 7, 0x0000007f, 0x00000000, 0x0000007f, 0)
    /* SCLIP32 imm 7 */
    DSP_RR(547, 0x72, 7, 0x00000080, 0x00000000, 0x0000007f, 1)
    /* UCLIP32 imm 7 */
    DSP_RR(548, 0x7a, 7, 0x00000080, 0x00000000, 0x0000007f, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(549, 0x72, 7, 0x000000ff, 0x00000000, 0x0000007f, 1)
    /* UCLIP32 imm 7 */
    DSP_RR(550, 0x7a, 7, 0x000000ff, 0x00000000, 0x0000007f, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(551, 0x72, 7, 0x00000100, 0x00000000, 0x0000007f, 1)
    /* UCLIP32 imm 7 */
    DSP_RR(552, 0x7a, 7, 0x00000100, 0x00000000, 0x0000007f, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(553, 0x72, 7, 0x7fffffff, 0x00000000, 0x0000007f, 1)
    /* UCLIP32 imm 7 */
    DSP_RR(554, 0x7a, 7, 0x7fffffff, 0x00000000, 0x0000007f, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(555, 0x72, 7, 0x80000000, 0x00000000, 0xffffff80, 1)
    /* UCLIP32 imm 7 */
    DSP_RR(556, 0x7a, 7, 0x80000000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(557, 0x72, 7, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* UCLIP32 imm 7 */
    DSP_RR(558, 0x7a, 7, 0xffffffff, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(559, 0x72, 7, 0xffffff80, 0x00000000, 0xffffff80, 0)
    /* UCLIP32 imm 7 */
    DSP_RR(560, 0x7a, 7, 0xffffff80, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(561, 0x72, 7, 0xffffff7f, 0x00000000, 0xffffff80, 1)
    /* UCLIP32 imm 7 */
    DSP_RR(562, 0x7a, 7, 0xffffff7f, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 7 */
    DSP_RR(563, 0x72, 7, 0xffff8000, 0x00000000, 0xffffff80, 1)
    /* UCLIP32 imm 7 */
    DSP_RR(564, 0x7a, 7, 0xffff8000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 8 */
    DSP_RR(565, 0x72, 8, 0x00000000, 0x00000000, 0x00000000, 0)
    /* UCLIP32 imm 8 */
    DSP_RR(566, 0x7a, 8, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SCLIP32 imm 8 */
    DSP_RR(567, 0x72, 8, 0x00000005, 0x00000000, 0x00000005, 0)
    /* UCLIP32 imm 8 */
    DSP_RR(568, 0x7a, 8, 0x00000005, 0x00000000, 0x00000005, 0)
    /* SCLIP32 imm 8 */
    DSP_RR(569, 0x72, 8, 0x0000007f, 0x00000000, 0x0000007f, 0)
    /* UCLIP32 imm 8 */
    DSP_RR(570, 0x7a, 8, 0x0000007f, 0x00000000, 0x0000007f, 0)
    /* SCLIP32 imm 8 */
    DSP_RR(571, 0x72, 8, 0x00000080, 0x00000000, 0x00000080, 0)
    /* UCLIP32 imm 8 */
    DSP_RR(572, 0x7a, 8, 0x00000080, 0x00000000, 0x00000080, 0)
    /* SCLIP32 imm 8 */
    DSP_RR(573, 0x72, 8, 0x000000ff, 0x00000000, 0x000000ff, 0)
    /* UCLIP32 imm 8 */
    DSP_RR(574, 0x7a, 8, 0x000000ff, 0x00000000, 0x000000ff, 0)
    /* SCLIP32 imm 8 */
    DSP_RR(575, 0x72, 8, 0x00000100, 0x00000000, 0x000000ff, 1)
    /* UCLIP32 imm 8 */
    DSP_RR(576, 0x7a, 8, 0x00000100, 0x00000000, 0x000000ff, 1)
    /* SCLIP32 imm 8 */
    DSP_RR(577, 0x72, 8, 0x7fffffff, 0x00000000, 0x000000ff, 1)
    /* UCLIP32 imm 8 */
    DSP_RR(578, 0x7a, 8, 0x7fffffff, 0x00000000, 0x000000ff, 1)
    /* SCLIP32 imm 8 */
    DSP_RR(579, 0x72, 8, 0x80000000, 0x00000000, 0xffffff00, 1)
    /* UCLIP32 imm 8 */
    DSP_RR(580, 0x7a, 8, 0x80000000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 8 */
    DSP_RR(581, 0x72, 8, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* UCLIP32 imm 8 */
    DSP_RR(582, 0x7a, 8, 0xffffffff, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 8 */
    DSP_RR(583, 0x72, 8, 0xffffff80, 0x00000000, 0xffffff80, 0)
    /* UCLIP32 imm 8 */
    DSP_RR(584, 0x7a, 8, 0xffffff80, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 8 */
    DSP_RR(585, 0x72, 8, 0xffffff7f, 0x00000000, 0xffffff7f, 0)
    /* UCLIP32 imm 8 */
    DSP_RR(586, 0x7a, 8, 0xffffff7f, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 8 */
    DSP_RR(587, 0x72, 8, 0xffff8000, 0x00000000, 0xffffff00, 1)
    /* UCLIP32 imm 8 */
    DSP_RR(588, 0x7a, 8, 0xffff8000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 15 */
    DSP_RR(589, 0x72, 15, 0x00000000, 0x00000000, 0x00000000, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(590, 0x7a, 15, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SCLIP32 imm 15 */
    DSP_RR(591, 0x72, 15, 0x00000005, 0x00000000, 0x00000005, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(592, 0x7a, 15, 0x00000005, 0x00000000, 0x00000005, 0)
    /* SCLIP32 imm 15 */
    DSP_RR(593, 0x72, 15, 0x0000007f, 0x00000000, 0x0000007f, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(594, 0x7a, 15, 0x0000007f, 0x00000000, 0x0000007f, 0)
    /* SCLIP32 imm 15 */
    DSP_RR(595, 0x72, 15, 0x00000080, 0x00000000, 0x00000080, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(596, 0x7a, 15, 0x00000080, 0x00000000, 0x00000080, 0)
    /* SCLIP32 imm 15 */
    DSP_RR(597, 0x72, 15, 0x000000ff, 0x00000000, 0x000000ff, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(598, 0x7a, 15, 0x000000ff, 0x00000000, 0x000000ff, 0)
    /* SCLIP32 imm 15 */
    DSP_RR(599, 0x72, 15, 0x00000100, 0x00000000, 0x00000100, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(600, 0x7a, 15, 0x00000100, 0x00000000, 0x00000100, 0)
    /* SCLIP32 imm 15 */
    DSP_RR(601, 0x72, 15, 0x7fffffff, 0x00000000, 0x00007fff, 1)
    /* UCLIP32 imm 15 */
    DSP_RR(602, 0x7a, 15, 0x7fffffff, 0x00000000, 0x00007fff, 1)
    /* SCLIP32 imm 15 */
    DSP_RR(603, 0x72, 15, 0x80000000, 0x00000000, 0xffff8000, 1)
    /* UCLIP32 imm 15 */
    DSP_RR(604, 0x7a, 15, 0x80000000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 15 */
    DSP_RR(605, 0x72, 15, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(606, 0x7a, 15, 0xffffffff, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 15 */
    DSP_RR(607, 0x72, 15, 0xffffff80, 0x00000000, 0xffffff80, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(608, 0x7a, 15, 0xffffff80, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 15 */
    DSP_RR(609, 0x72, 15, 0xffffff7f, 0x00000000, 0xffffff7f, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(610, 0x7a, 15, 0xffffff7f, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 15 */
    DSP_RR(611, 0x72, 15, 0xffff8000, 0x00000000, 0xffff8000, 0)
    /* UCLIP32 imm 15 */
    DSP_RR(612, 0x7a, 15, 0xffff8000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 31 */
    DSP_RR(613, 0x72, 31, 0x00000000, 0x00000000, 0x00000000, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(614, 0x7a, 31, 0x00000000, 0x00000000, 0x00000000, 0)
    /* SCLIP32 imm 31 */
    DSP_RR(615, 0x72, 31, 0x00000005, 0x00000000, 0x00000005, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(616, 0x7a, 31, 0x00000005, 0x00000000, 0x00000005, 0)
    /* SCLIP32 imm 31 */
    DSP_RR(617, 0x72, 31, 0x0000007f, 0x00000000, 0x0000007f, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(618, 0x7a, 31, 0x0000007f, 0x00000000, 0x0000007f, 0)
    /* SCLIP32 imm 31 */
    DSP_RR(619, 0x72, 31, 0x00000080, 0x00000000, 0x00000080, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(620, 0x7a, 31, 0x00000080, 0x00000000, 0x00000080, 0)
    /* SCLIP32 imm 31 */
    DSP_RR(621, 0x72, 31, 0x000000ff, 0x00000000, 0x000000ff, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(622, 0x7a, 31, 0x000000ff, 0x00000000, 0x000000ff, 0)
    /* SCLIP32 imm 31 */
    DSP_RR(623, 0x72, 31, 0x00000100, 0x00000000, 0x00000100, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(624, 0x7a, 31, 0x00000100, 0x00000000, 0x00000100, 0)
    /* SCLIP32 imm 31 */
    DSP_RR(625, 0x72, 31, 0x7fffffff, 0x00000000, 0x7fffffff, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(626, 0x7a, 31, 0x7fffffff, 0x00000000, 0x7fffffff, 0)
    /* SCLIP32 imm 31 */
    DSP_RR(627, 0x72, 31, 0x80000000, 0x00000000, 0x80000000, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(628, 0x7a, 31, 0x80000000, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 31 */
    DSP_RR(629, 0x72, 31, 0xffffffff, 0x00000000, 0xffffffff, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(630, 0x7a, 31, 0xffffffff, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 31 */
    DSP_RR(631, 0x72, 31, 0xffffff80, 0x00000000, 0xffffff80, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(632, 0x7a, 31, 0xffffff80, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 31 */
    DSP_RR(633, 0x72, 31, 0xffffff7f, 0x00000000, 0xffffff7f, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(634, 0x7a, 31, 0xffffff7f, 0x00000000, 0x00000000, 1)
    /* SCLIP32 imm 31 */
    DSP_RR(635, 0x72, 31, 0xffff8000, 0x00000000, 0xffff8000, 0)
    /* UCLIP32 imm 31 */
    DSP_RR(636, 0x7a, 31, 0xffff8000, 0x00000000, 0x00000000, 1)
    /* SUNPKD8 sub 8 */
    DSP_RR(637, 0x56, 8, 0x80ff017f, 0x00000000, 0x0001007f, 0)
    /* SUNPKD8 sub 8 */
    DSP_RR(638, 0x56, 8, 0x12345678, 0x00000000, 0x00560078, 0)
    /* SUNPKD8 sub 8 */
    DSP_RR(639, 0x56, 8, 0xfedcba98, 0x00000000, 0xffbaff98, 0)
    /* SUNPKD8 sub 9 */
    DSP_RR(640, 0x56, 9, 0x80ff017f, 0x00000000, 0xffff007f, 0)
    /* SUNPKD8 sub 9 */
    DSP_RR(641, 0x56, 9, 0x12345678, 0x00000000, 0x00340078, 0)
    /* SUNPKD8 sub 9 */
    DSP_RR(642, 0x56, 9, 0xfedcba98, 0x00000000, 0xffdcff98, 0)
    /* SUNPKD8 sub 10 */
    DSP_RR(643, 0x56, 10, 0x80ff017f, 0x00000000, 0xff80007f, 0)
    /* SUNPKD8 sub 10 */
    DSP_RR(644, 0x56, 10, 0x12345678, 0x00000000, 0x00120078, 0)
    /* SUNPKD8 sub 10 */
    DSP_RR(645, 0x56, 10, 0xfedcba98, 0x00000000, 0xfffeff98, 0)
    /* SUNPKD8 sub 11 */
    DSP_RR(646, 0x56, 11, 0x80ff017f, 0x00000000, 0xff800001, 0)
    /* SUNPKD8 sub 11 */
    DSP_RR(647, 0x56, 11, 0x12345678, 0x00000000, 0x00120056, 0)
    /* SUNPKD8 sub 11 */
    DSP_RR(648, 0x56, 11, 0xfedcba98, 0x00000000, 0xfffeffba, 0)
    /* SUNPKD8 sub 19 */
    DSP_RR(649, 0x56, 19, 0x80ff017f, 0x00000000, 0xff80ffff, 0)
    /* SUNPKD8 sub 19 */
    DSP_RR(650, 0x56, 19, 0x12345678, 0x00000000, 0x00120034, 0)
    /* SUNPKD8 sub 19 */
    DSP_RR(651, 0x56, 19, 0xfedcba98, 0x00000000, 0xfffeffdc, 0)
    /* ZUNPKD8 sub 12 */
    DSP_RR(652, 0x56, 12, 0x80ff017f, 0x00000000, 0x0001007f, 0)
    /* ZUNPKD8 sub 12 */
    DSP_RR(653, 0x56, 12, 0x12345678, 0x00000000, 0x00560078, 0)
    /* ZUNPKD8 sub 12 */
    DSP_RR(654, 0x56, 12, 0xfedcba98, 0x00000000, 0x00ba0098, 0)
    /* ZUNPKD8 sub 13 */
    DSP_RR(655, 0x56, 13, 0x80ff017f, 0x00000000, 0x00ff007f, 0)
    /* ZUNPKD8 sub 13 */
    DSP_RR(656, 0x56, 13, 0x12345678, 0x00000000, 0x00340078, 0)
    /* ZUNPKD8 sub 13 */
    DSP_RR(657, 0x56, 13, 0xfedcba98, 0x00000000, 0x00dc0098, 0)
    /* ZUNPKD8 sub 14 */
    DSP_RR(658, 0x56, 14, 0x80ff017f, 0x00000000, 0x0080007f, 0)
    /* ZUNPKD8 sub 14 */
    DSP_RR(659, 0x56, 14, 0x12345678, 0x00000000, 0x00120078, 0)
    /* ZUNPKD8 sub 14 */
    DSP_RR(660, 0x56, 14, 0xfedcba98, 0x00000000, 0x00fe0098, 0)
    /* ZUNPKD8 sub 15 */
    DSP_RR(661, 0x56, 15, 0x80ff017f, 0x00000000, 0x00800001, 0)
    /* ZUNPKD8 sub 15 */
    DSP_RR(662, 0x56, 15, 0x12345678, 0x00000000, 0x00120056, 0)
    /* ZUNPKD8 sub 15 */
    DSP_RR(663, 0x56, 15, 0xfedcba98, 0x00000000, 0x00fe00ba, 0)
    /* ZUNPKD8 sub 23 */
    DSP_RR(664, 0x56, 23, 0x80ff017f, 0x00000000, 0x008000ff, 0)
    /* ZUNPKD8 sub 23 */
    DSP_RR(665, 0x56, 23, 0x12345678, 0x00000000, 0x00120034, 0)
    /* ZUNPKD8 sub 23 */
    DSP_RR(666, 0x56, 23, 0xfedcba98, 0x00000000, 0x00fe00dc, 0)
    /* anything else under opcode 0x7F is illegal: an unlisted funct7 and a non-zero funct3 */
    EXPECT_TRAP(2, 1f)
    DSP_WORD(0x0F, 0, 11, 0, 13)
1:  CHECK_TRAP_TAKEN(667)
    EXPECT_TRAP(2, 1f)
    DSP_WORD(0x20, 12, 11, 1, 13)
1:  CHECK_TRAP_TAKEN(668)
    EXPECT_TRAP(2, 1f)
    DSP_WORD(0x56, 1, 11, 0, 13)
1:  CHECK_TRAP_TAKEN(669)
    TEST_END
