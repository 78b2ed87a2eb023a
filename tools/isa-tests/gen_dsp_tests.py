#!/usr/bin/env python3
# Writes sw/tests/isa/dsp.S: checks of every packed-SIMD (DSP) instruction the core accepts under
# opcode 0x7F, with expected results and OV flags from a plain reference of the semantics in the
# Nuclei NMSIS core_feature_dsp.h descriptions (P-extension draft). Development aid only.
import os, random
random.seed(11)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'sw', 'tests', 'isa', 'dsp.S')

def s(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v

def lanes(x, bits):
    return [(x >> (bits * i)) & ((1 << bits) - 1) for i in range(32 // bits)]

def pack(vals, bits):
    r = 0
    for i, v in enumerate(vals):
        r |= (v & ((1 << bits) - 1)) << (bits * i)
    return r

def simd(bits, fn):
    def op(a, b):
        ov = [False]
        def sat(v, lo, hi):
            if v > hi: ov[0] = True; return hi
            if v < lo: ov[0] = True; return lo
            return v
        res = [fn(x, y, sat) for x, y in zip(lanes(a, bits), lanes(b, bits))]
        return pack(res, bits), ov[0]
    return op

def ops_for(bits):
    h = bits
    smax = (1 << (h - 1)) - 1; smin = -(1 << (h - 1)); umax = (1 << h) - 1
    return {
        'add':  lambda x, y, sat: x + y,
        'sub':  lambda x, y, sat: x - y,
        'radd': lambda x, y, sat: (s(x, h) + s(y, h)) >> 1,
        'rsub': lambda x, y, sat: (s(x, h) - s(y, h)) >> 1,
        'kadd': lambda x, y, sat: sat(s(x, h) + s(y, h), smin, smax),
        'ksub': lambda x, y, sat: sat(s(x, h) - s(y, h), smin, smax),
        'uradd': lambda x, y, sat: (x + y) >> 1,
        'ursub': lambda x, y, sat: (x - y) >> 1,
        'ukadd': lambda x, y, sat: sat(x + y, 0, umax),
        'uksub': lambda x, y, sat: sat(x - y, 0, umax),
        'smin': lambda x, y, sat: x if s(x, h) < s(y, h) else y,
        'smax': lambda x, y, sat: x if s(x, h) > s(y, h) else y,
        'umin': lambda x, y, sat: min(x, y),
        'umax': lambda x, y, sat: max(x, y),
    }

F7 = {16: {'add': 0x20, 'sub': 0x21, 'radd': 0x00, 'rsub': 0x01, 'kadd': 0x08, 'ksub': 0x09, 'uradd': 0x10,
           'ursub': 0x11, 'ukadd': 0x18, 'uksub': 0x19, 'smin': 0x40, 'smax': 0x41, 'umin': 0x48, 'umax': 0x49},
      8: {'add': 0x24, 'sub': 0x25, 'radd': 0x04, 'rsub': 0x05, 'kadd': 0x0C, 'ksub': 0x0D, 'uradd': 0x14,
          'ursub': 0x15, 'ukadd': 0x1C, 'uksub': 0x1D, 'smin': 0x44, 'smax': 0x45, 'umin': 0x4C, 'umax': 0x4D}}

lines = []
n = [0]
def check(name, f7, rs2, a, b, exp, ov):
    n[0] += 1
    lines.append('    /* %s */' % name)
    lines.append('    DSP_RR(%d, 0x%02x, %d, 0x%08x, 0x%08x, 0x%08x, %d)' % (n[0], f7, int(rs2[1:]), a, b, exp & 0xFFFFFFFF, int(ov)))

vals = [0x00000000, 0x7F7F7F7F, 0x80808080, 0xFFFFFFFF, 0x01FF807F, 0x12345678, 0x7FFF8000, 0x80017FFE]
vals += [random.getrandbits(32) for _ in range(4)]
for bits in (16, 8):
    for name, fn in ops_for(bits).items():
        for a, b in [(vals[i], vals[(i * 3 + 1) % len(vals)]) for i in range(len(vals))]:
            r, ov = simd(bits, fn)(a, b)
            check('%s%d' % (name.upper(), bits), F7[bits][name], 'x12', a, b, r, ov)
# shifts by a register amount
for bits, base in ((16, 0x28), (8, 0x2C)):
    mask = bits - 1
    for kind, off in (('SRA', 0), ('SRL', 1), ('SLL', 2)):
        for a in vals[:6]:
            for amt in (0, 1, 3, mask):
                res = []
                for x in lanes(a, bits):
                    if kind == 'SRA': res.append(s(x, bits) >> amt)
                    elif kind == 'SRL': res.append(x >> amt)
                    else: res.append(x << amt)
                check('%s%d' % (kind, bits), base + off, 'x12', a, amt, pack(res, bits), False)
# Q15 / Q7 multiply
for bits, f7 in ((16, 0x43), (8, 0x47)):
    top = 1 << (bits - 1)
    for a, b in [(0x80008000, 0x80008000), (0x40002000, 0x20004000), (0x7FFF8001, 0x7FFF7FFF), (0x80808080, 0x80807F7F),
                 (0x12345678, 0x9ABCDEF0), (0xFFFF0001, 0xFFFF0001)]:
        res = []; ov = False
        for x, y in zip(lanes(a, bits), lanes(b, bits)):
            if x == top and y == top: res.append(top - 1); ov = True
            else: res.append((s(x, bits) * s(y, bits)) >> (bits - 1))
        check('KHM%d' % bits, f7, 'x12', a, b, pack(res, bits), ov)
# clips: the rs2 field is the immediate
for imm in (0, 3, 7, 8, 15, 31):
    for a in (0, 5, 127, 128, 255, 256, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFF80, 0xFFFFFF7F, 0xFFFF8000):
        v = s(a, 32); hi = (1 << imm) - 1; lo = -(1 << imm)
        r = min(max(v, lo), hi); check('SCLIP32 imm %d' % imm, 0x72, 'x%d' % imm, a, 0, r, r != v)
        r = min(max(v, 0), hi); check('UCLIP32 imm %d' % imm, 0x7A, 'x%d' % imm, a, 0, r, r != v)
# unpacking: the rs2 field selects the bytes
for sub, (hi_b, lo_b, signed) in {8: (1, 0, 1), 9: (2, 0, 1), 10: (3, 0, 1), 11: (3, 1, 1), 19: (3, 2, 1),
                                  12: (1, 0, 0), 13: (2, 0, 0), 14: (3, 0, 0), 15: (3, 1, 0), 23: (3, 2, 0)}.items():
    for a in (0x80FF017F, 0x12345678, 0xFEDCBA98):
        bs = lanes(a, 8)
        ext = (lambda x: s(x, 8)) if signed else (lambda x: x)
        r = pack([ext(bs[lo_b]), ext(bs[hi_b])], 16)
        check('%sUNPKD8 sub %d' % ('S' if signed else 'Z', sub), 0x56, 'x%d' % sub, a, 0, r, False)

text = ['/* Written by tools/isa-tests/gen_dsp_tests.py: the packed-SIMD (DSP) instructions under opcode',
        ' * 0x7F, each result and OV flag (ucode bit 0) against a reference of the NMSIS semantics.',
        ' * Board only: QEMU has no P extension. */',
        '#define TEST_NAME "dsp"',
        '#include "isa_test.h"',
        '/* DSP_RR(n, funct7, rs2 field, a, b, expected, ov): rs1 = x11 = a, x12 = b, rd = x13.',
        ' * The word is spelled out: GNU as treats major opcode 0x7F as a longer-than-32-bit format. */',
        '#define DSP_WORD(f7, rs2f, rs1, funct3, rd) .word (((f7) << 25) | ((rs2f) << 20) | ((rs1) << 15) | ((funct3) << 12) | ((rd) << 7) | 0x7F)',
        '#define DSP_RR(n, f7, rs2f, a, b, exp, ovexp) \\',
        '    li x11, a; li x12, b; csrwi 0x801, 0; DSP_WORD(f7, rs2f, 11, 0, 13); CHECK(n, x13, exp); \\',
        '    csrr x14, 0x801; andi x14, x14, 1; CHECK(n, x14, ovexp);',
        '    TEST_BEGIN']
text += lines
n[0] += 1
text += ['    /* anything else under opcode 0x7F is illegal: an unlisted funct7 and a non-zero funct3 */',
         '    EXPECT_TRAP(2, 1f)',
         '    DSP_WORD(0x0F, 0, 11, 0, 13)',
         '1:  CHECK_TRAP_TAKEN(%d)' % n[0],
         '    EXPECT_TRAP(2, 1f)',
         '    DSP_WORD(0x20, 12, 11, 1, 13)',
         '1:  CHECK_TRAP_TAKEN(%d)' % (n[0] + 1),
         '    EXPECT_TRAP(2, 1f)',
         '    DSP_WORD(0x56, 1, 11, 0, 13)',
         '1:  CHECK_TRAP_TAKEN(%d)' % (n[0] + 2),
         '    TEST_END']
open(OUT, 'w').write('\n'.join(text) + '\n')
print('%d checks written to %s' % (n[0] + 2, OUT))
