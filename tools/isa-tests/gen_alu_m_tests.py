#!/usr/bin/env python3
# Writes sw/tests/isa/rv32i_alu.S and rv32m.S: operand/expected-value tables computed with a
# plain reference of RV32I/M semantics. Development aid only (not part of the build); the
# generated expectations are confirmed independently by QEMU (tests/qemu).
import os, random, struct
M=0xFFFFFFFF
def s32(x): x&=M; return x-(1<<32) if x>>31 else x
def u32(x): return x&M
random.seed(7)
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'sw', 'tests', 'isa')
vals=[0,1,2,3,0x7FFFFFFF,0x80000000,0xFFFFFFFF,0xFFFFFFFE,0x12345678,0x87654321,0x0000FFFF,0xFFFF0000,0x55555555,0xAAAAAAAA,31,32,33]
def pairs(n=None):
    ps=[(a,b) for a in [0,1,0x7FFFFFFF,0x80000000,0xFFFFFFFF,0x12345678] for b in [0,1,0x7FFFFFFF,0x80000000,0xFFFFFFFF,5,31]]
    ps+=[(random.getrandbits(32),random.getrandbits(32)) for _ in range(6)]
    return ps
R={
 'add':lambda a,b:a+b,'sub':lambda a,b:a-b,'sll':lambda a,b:a<<(b&31),'slt':lambda a,b:int(s32(a)<s32(b)),
 'sltu':lambda a,b:int(u32(a)<u32(b)),'xor':lambda a,b:a^b,'srl':lambda a,b:u32(a)>>(b&31),
 'sra':lambda a,b:s32(a)>>(b&31),'or':lambda a,b:a|b,'and':lambda a,b:a&b,
 'mul':lambda a,b:s32(a)*s32(b),'mulh':lambda a,b:(s32(a)*s32(b))>>32,'mulhsu':lambda a,b:(s32(a)*u32(b))>>32,
 'mulhu':lambda a,b:(u32(a)*u32(b))>>32,
}
def div(a,b):
    a,b=s32(a),s32(b)
    if b==0: return -1
    if a==-2**31 and b==-1: return a
    q=abs(a)//abs(b); return q if (a<0)==(b<0) else -q
def divu(a,b): return M if u32(b)==0 else u32(a)//u32(b)
def rem(a,b):
    a,b=s32(a),s32(b)
    if b==0: return a
    if a==-2**31 and b==-1: return 0
    return a-div(a,b)*b
def remu(a,b): return u32(a) if u32(b)==0 else u32(a)%u32(b)
R.update(div=div,divu=divu,rem=rem,remu=remu)
I={'addi':lambda a,i:a+i,'slti':lambda a,i:int(s32(a)<i),'sltiu':lambda a,i:int(u32(a)<u32(i)),
   'xori':lambda a,i:a^u32(i),'ori':lambda a,i:a|u32(i),'andi':lambda a,i:a&u32(i)}
SH={'slli':lambda a,s:a<<s,'srli':lambda a,s:u32(a)>>s,'srai':lambda a,s:s32(a)>>s}
def h(x): return "0x%08x"%u32(x)
def write(name, ops, shifts=True, extra=""):
    n=[0]
    def nx(): n[0]+=1; return n[0]
    out=['#define TEST_NAME "%s"'%name,'#include "isa_test.h"','    TEST_BEGIN']
    for op in ops:
        f=R.get(op)
        for a,b in pairs():
            out.append('    TEST_RR(%d, %s, %s, %s, %s)'%(nx(),op,h(f(a,b)),h(a),h(b)))
        out.append('    TEST_ZERO_DEST(%d, %s, 0x12345678, 0x9)'%(nx(),op))
    if name=='rv32i_alu':
        for op,f in I.items():
            for a in [0,1,0x7FFFFFFF,0x80000000,0xFFFFFFFF,0x12345678]:
                for i in [0,1,-1,2047,-2048,0x555]:
                    out.append('    TEST_RI(%d, %s, %s, %s, %d)'%(nx(),op,h(f(a,i)),h(a),i))
        for op,f in SH.items():
            for a in [0x80000001,0x7FFFFFFF,0x12345678,1,0xFFFFFFFF]:
                for s in [0,1,7,16,31]:
                    out.append('    TEST_RI(%d, %s, %s, %s, %d)'%(nx(),op,h(f(a,s)),h(a),s))
        for imm in [0,1,0x80000,0xFFFFF,0x12345,0x7FFFF]:
            out.append('    lui x13, %d; CHECK(%d, x13, %s)'%(imm,nx(),h(imm<<12)))
        out.append('    lui x0, 0x12345; CHECK(%d, x0, 0)'%nx())
        # auipc: relative to a label
        for imm in [0,1,0xFFFFF,0x80000]:
            k=nx()
            out.append('1:  auipc x13, %d; la x14, 1b; sub x13, x13, x14; CHECK(%d, x13, %s)'%(imm,k,h(imm<<12)))
    out.append(extra)
    out.append('    TEST_END')
    open(os.path.join(OUT, '%s.S'%name),'w').write('/* Written by tools/isa-tests/gen_alu_m_tests.py; expected values confirmed by QEMU (tests/qemu). */\n'+'\n'.join(out)+'\n')
write('rv32i_alu',['add','sub','sll','slt','sltu','xor','srl','sra','or','and'])
write('rv32m',['mul','mulh','mulhsu','mulhu','div','divu','rem','remu'])
