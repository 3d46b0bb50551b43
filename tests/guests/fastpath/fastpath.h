/* Constants shared by fastpath.cpp and fastpath_asm.S (C and assembler).
 *
 * The every-GPR sweeps (fp_gpr_sweep_*) have no register to spare for a
 * base address, so they keep their tables in guest RAM that $zero can
 * address with a 16-bit offset: guest-physical 0x4000-0x7FFF (KSEG0 at
 * 0), above the vectors this guest installs at 0x1000 (EBase 0x80001000)
 * and below the scratch window, otherwise unused. */
#ifndef FASTPATH_H
#define FASTPATH_H

/* After sweep step n: the 32 GPRs at FP_SWEEP_REGS + n * 128 ... */
#define FP_SWEEP_REGS	0x4000
/* ... and EntryLo0, UserLocal, EntryHi, HI, LO at FP_SWEEP_CP0 + n * 32. */
#define FP_SWEEP_CP0	0x6000
/* The caller's callee-saved registers while a sweep runs. */
#define FP_SWEEP_SAVE	0x7000
/* $sp during a sweep: a valid stack (down from here) should anything
 * trap, and still a distinct value for the mtc0 checks. */
#define FP_SWEEP_SP	0x7F3C

/* The ASID every EntryHi write of the same-ASID sweep keeps. */
#define FP_SAME_ASID	0x3C

/* What every GPR r but $sp (FP_SWEEP_SP) holds before each sweep step:
 * distinct in the bits EntryLo (25:0), EntryHi (VPN2 31:13) and UserLocal
 * (31:0) keep; the low byte (EntryHi.ASID) differs per register in one
 * sweep and is FP_SAME_ASID in the other. */
#define FP_PATTERN(r)		(0x80000000 | ((r) << 24) | ((r) << 16) | 0x5A00 | ((r) ^ 0xC3))
#define FP_PATTERN_SAME(r)	(0x80000000 | ((r) << 24) | ((r) << 16) | 0x5A00 | FP_SAME_ASID)
/* HI and LO before step n. */
#define FP_HI(n)		(0x48490000 + (n))
#define FP_LO(n)		(0x4C4F0000 + (n))

#endif
