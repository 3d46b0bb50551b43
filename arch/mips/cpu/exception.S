/* Exception entry and return. The vector stubs at EBase jump to
 * mips_exception_entry, which saves a TrapFrame, leaves exception level
 * (kernel mode, interrupts still off) and calls mips_trap(frame). */
#include "arch/cp0_fast.hpp"
#include "arch/trap_frame.hpp"

	.set	noreorder
	.set	noat

/* Copied to EBase + 0x180 and 0x200 by mips_install_vectors.
 * Position-independent: an absolute jump through k0. The interrupted
 * context's k0 and k1 are parked first (k1 in DESAVE, k0 in
 * mips_kscratch): a guest kernel owns them, and an exit it does not see
 * must not change them. */
	.section .text.vectors, "ax"
	.globl	mips_vector_stub
	.globl	mips_vector_stub_end
mips_vector_stub:
	mtc0	$k1, $31
	lui	$k1, %hi(mips_kscratch)
	sw	$k0, %lo(mips_kscratch)($k1)
	lui	$k0, %hi(mips_exception_entry)
	addiu	$k0, $k0, %lo(mips_exception_entry)
	jr	$k0
	nop
mips_vector_stub_end:

	.text
	.globl	mips_exception_entry
	.ent	mips_exception_entry
mips_exception_entry:
	/* The mfc0 fast path: a guest kernel's mfc0 of a register the virtual
	 * CP0 stores plainly is served here, without a frame and without C.
	 * Only k0, k1 and $at (saved) are used; anything unusual falls
	 * through to the general path with every register untouched. */
	mfc0	$k0, $13			/* Cause: CpU, CE = 0, not in a delay slot */
	lui	$k1, 0xB000
	ori	$k1, $k1, 0x007C
	and	$k0, $k0, $k1
	xori	$k0, $k0, 0x002C
	bnez	$k0, .Lslow
	nop
	lui	$k1, %hi(mips_fast)
	lw	$k0, %lo(mips_fast + FAST_CP0)($k1)
	beqz	$k0, .Lslow
	nop
	sw	$at, %lo(mips_fast + FAST_AT)($k1)
	lw	$at, CP0_FAST_STATUS($k0)	/* the guest in kernel mode? */
	andi	$k1, $at, 0x6			/* EXL or ERL */
	bnez	$k1, 1f
	nop
	andi	$k1, $at, 0x18			/* else KSU must be kernel */
	bnez	$k1, .Lslow_at
	nop
1:	mfc0	$k1, $14
	lw	$k1, 0($k1)			/* the instruction: its page just ran */
	srl	$at, $k1, 21			/* mfc0: bits 31:21 = 0x200 ... */
	xori	$at, $at, 0x200
	bnez	$at, .Lslow_at
	nop
	andi	$at, $k1, 0x07F8		/* ... and bits 10:3 zero */
	bnez	$at, .Lslow_at
	nop
	andi	$at, $k1, 0xF807		/* (rd << 11) | sel */
	.macro	FAST_REG key, label
	xori	$at, $at, \key
	beqz	$at, \label
	xori	$at, $at, \key			/* (delay slot) undo the compare */
	.endm
	FAST_REG 0x6000, .Lstatus		/* Status (12, 0) */
	FAST_REG 0x4800, .Lcount		/* Count (9, 0) */
	FAST_REG 0x7000, .Lepc			/* EPC (14, 0) */
	FAST_REG 0x4000, .Lbadvaddr		/* BadVAddr (8, 0) */
	FAST_REG 0x5000, .Lentryhi		/* EntryHi (10, 0) */
	FAST_REG 0x5800, .Lcompare		/* Compare (11, 0) */
	FAST_REG 0x2000, .Lcontext		/* Context (4, 0) */
	FAST_REG 0x2002, .Luserlocal		/* UserLocal (4, 2) */
	FAST_REG 0x7801, .Lebase		/* EBase (15, 1) */
	FAST_REG 0xF000, .Lerrorepc		/* ErrorEPC (30, 0) */
	FAST_REG 0x7800, .Lprid			/* PRId (15, 0) */
	b	.Lslow_at
	nop
.Lstatus:
	b	.Lwrite
	lw	$at, CP0_FAST_STATUS($k0)
.Lepc:
	b	.Lwrite
	lw	$at, CP0_FAST_EPC($k0)
.Lbadvaddr:
	b	.Lwrite
	lw	$at, CP0_FAST_BADVADDR($k0)
.Lentryhi:
	b	.Lwrite
	lw	$at, CP0_FAST_ENTRYHI($k0)
.Lcompare:
	b	.Lwrite
	lw	$at, CP0_FAST_COMPARE($k0)
.Lcontext:
	b	.Lwrite
	lw	$at, CP0_FAST_CONTEXT($k0)
.Luserlocal:
	b	.Lwrite
	lw	$at, CP0_FAST_USERLOCAL($k0)
.Lebase:
	b	.Lwrite
	lw	$at, CP0_FAST_EBASE($k0)
.Lerrorepc:
	b	.Lwrite
	lw	$at, CP0_FAST_ERROREPC($k0)
.Lprid:
	lui	$at, 0x0001			/* the virtual 24K's PRId */
	b	.Lwrite
	ori	$at, $at, 0x9300
.Lcount:
	lui	$k0, %hi(mips_fast)
	lw	$k0, %lo(mips_fast + FAST_COUNT_BIAS)($k0)
	mfc0	$at, $9
	addu	$at, $at, $k0
.Lwrite:					/* $at = value, $k1 = instruction */
	srl	$k1, $k1, 16			/* rt */
	andi	$k1, $k1, 31
	sll	$k1, $k1, 3
	lui	$k0, %hi(.Lset_rt)
	addiu	$k0, $k0, %lo(.Lset_rt)
	addu	$k1, $k1, $k0
	jr	$k1
	nop
.Lset_rt:					/* 8 bytes per register */
	b	.Ldone				/* $0 */
	nop
	b	.Ldone_at			/* $at: restored from the save below */
	nop
	.irp	n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25
	b	.Ldone
	move	$\n, $at
	.endr
	b	.Ldone_k0			/* k0/k1: the parked copies */
	nop
	b	.Ldone_k1
	nop
	.irp	n, 28, 29, 30, 31
	b	.Ldone
	move	$\n, $at
	.endr
.Ldone_k0:
	lui	$k1, %hi(mips_kscratch)
	b	.Ldone
	sw	$at, %lo(mips_kscratch)($k1)
.Ldone_k1:
	b	.Ldone
	mtc0	$at, $31
.Ldone_at:
	lui	$k1, %hi(mips_fast)
	sw	$at, %lo(mips_fast + FAST_AT)($k1)
.Ldone:
	mfc0	$k0, $14			/* past the mfc0 */
	addiu	$k0, $k0, 4
	mtc0	$k0, $14
	lui	$k1, %hi(mips_fast)
	lw	$k0, %lo(mips_fast + FAST_HITS)($k1)
	addiu	$k0, $k0, 1
	sw	$k0, %lo(mips_fast + FAST_HITS)($k1)
	lw	$at, %lo(mips_fast + FAST_AT)($k1)
	lui	$k1, %hi(mips_kscratch)		/* the guest's own k0 and k1 */
	lw	$k0, %lo(mips_kscratch)($k1)
	mfc0	$k1, $31
	ehb
	eret
.Lslow_at:
	lui	$k1, %hi(mips_fast)
	lw	$at, %lo(mips_fast + FAST_AT)($k1)
.Lslow:
	/* From user mode (a guest) switch to the hypervisor stack of the
	 * running entity; from kernel mode stay on the current stack. */
	mfc0	$k0, $12
	andi	$k0, $k0, 0x10		/* Status.UM */
	beqz	$k0, 1f
	move	$k1, $sp
	lui	$k0, %hi(mips_kernel_sp)
	lw	$sp, %lo(mips_kernel_sp)($k0)
1:	addiu	$sp, $sp, -TF_SIZE
	sw	$k1, TF_GPR(29)($sp)
	sw	$0, TF_GPR(0)($sp)
	sw	$1, TF_GPR(1)($sp)
	sw	$2, TF_GPR(2)($sp)
	sw	$3, TF_GPR(3)($sp)
	sw	$4, TF_GPR(4)($sp)
	sw	$5, TF_GPR(5)($sp)
	sw	$6, TF_GPR(6)($sp)
	sw	$7, TF_GPR(7)($sp)
	sw	$8, TF_GPR(8)($sp)
	sw	$9, TF_GPR(9)($sp)
	sw	$10, TF_GPR(10)($sp)
	sw	$11, TF_GPR(11)($sp)
	sw	$12, TF_GPR(12)($sp)
	sw	$13, TF_GPR(13)($sp)
	sw	$14, TF_GPR(14)($sp)
	sw	$15, TF_GPR(15)($sp)
	sw	$16, TF_GPR(16)($sp)
	sw	$17, TF_GPR(17)($sp)
	sw	$18, TF_GPR(18)($sp)
	sw	$19, TF_GPR(19)($sp)
	sw	$20, TF_GPR(20)($sp)
	sw	$21, TF_GPR(21)($sp)
	sw	$22, TF_GPR(22)($sp)
	sw	$23, TF_GPR(23)($sp)
	sw	$24, TF_GPR(24)($sp)
	sw	$25, TF_GPR(25)($sp)
	lui	$t0, %hi(mips_kscratch)	/* the parked k0 and k1 */
	lw	$t1, %lo(mips_kscratch)($t0)
	sw	$t1, TF_GPR(26)($sp)
	mfc0	$t1, $31
	sw	$t1, TF_GPR(27)($sp)
	sw	$28, TF_GPR(28)($sp)
	sw	$30, TF_GPR(30)($sp)
	sw	$31, TF_GPR(31)($sp)
	mfhi	$t0
	mflo	$t1
	sw	$t0, TF_HI($sp)
	sw	$t1, TF_LO($sp)
	mfc0	$t0, $14			/* EPC */
	mfc0	$t1, $12			/* Status */
	mfc0	$t2, $13			/* Cause */
	mfc0	$t3, $8			/* BadVAddr */
	sw	$t0, TF_EPC($sp)
	sw	$t1, TF_STATUS($sp)
	sw	$t2, TF_CAUSE($sp)
	sw	$t3, TF_BADVADDR($sp)
	lui	$gp, %hi(_gp)
	addiu	$gp, $gp, %lo(_gp)

	/* Leave exception level: kernel mode, interrupts off. EPC and the
	 * rest are saved, so a nested exception can no longer hurt. */
	li	$t4, ~0x1f		/* IE, EXL, ERL, KSU */
	and	$t4, $t1, $t4
	mtc0	$t4, $12
	ehb
	move	$a0, $sp
	jal	mips_trap
	addiu	$sp, $sp, -16
	addiu	$sp, $sp, 16
	.end	mips_exception_entry

/* Restores the TrapFrame at sp and returns from the exception. Also the
 * first entry into a new context that was given a frame. */
	.globl	mips_exception_return
	.ent	mips_exception_return
mips_exception_return:
	mfc0	$t0, $12
	ori	$t0, $t0, 0x2		/* EXL first: interrupts masked */
	mtc0	$t0, $12
	ehb
	/* Take CU0, KSU and IE from the frame (a guest runs with CU0 clear,
	 * so that every CP0 access traps); keep the live IM bits, which the
	 * handler may have changed. */
	lw	$t1, TF_STATUS($sp)
	li	$t2, 0x10000019
	and	$t1, $t1, $t2
	nor	$t2, $t2, $zero
	and	$t0, $t0, $t2
	or	$t0, $t0, $t1
	mtc0	$t0, $12
	lw	$t0, TF_EPC($sp)
	mtc0	$t0, $14
	lw	$t0, TF_HI($sp)
	lw	$t1, TF_LO($sp)
	mthi	$t0
	mtlo	$t1
	lw	$1, TF_GPR(1)($sp)
	lw	$2, TF_GPR(2)($sp)
	lw	$3, TF_GPR(3)($sp)
	lw	$4, TF_GPR(4)($sp)
	lw	$5, TF_GPR(5)($sp)
	lw	$6, TF_GPR(6)($sp)
	lw	$7, TF_GPR(7)($sp)
	lw	$8, TF_GPR(8)($sp)
	lw	$9, TF_GPR(9)($sp)
	lw	$10, TF_GPR(10)($sp)
	lw	$11, TF_GPR(11)($sp)
	lw	$12, TF_GPR(12)($sp)
	lw	$13, TF_GPR(13)($sp)
	lw	$14, TF_GPR(14)($sp)
	lw	$15, TF_GPR(15)($sp)
	lw	$16, TF_GPR(16)($sp)
	lw	$17, TF_GPR(17)($sp)
	lw	$18, TF_GPR(18)($sp)
	lw	$19, TF_GPR(19)($sp)
	lw	$20, TF_GPR(20)($sp)
	lw	$21, TF_GPR(21)($sp)
	lw	$22, TF_GPR(22)($sp)
	lw	$23, TF_GPR(23)($sp)
	lw	$24, TF_GPR(24)($sp)
	lw	$25, TF_GPR(25)($sp)
	lw	$28, TF_GPR(28)($sp)
	lw	$30, TF_GPR(30)($sp)
	lw	$31, TF_GPR(31)($sp)
	lw	$26, TF_GPR(26)($sp)
	lw	$27, TF_GPR(27)($sp)
	lw	$sp, TF_GPR(29)($sp)
	ehb
	eret
	.end	mips_exception_return

	.section .note.GNU-stack, "", %progbits

/* The interrupted context's k0 while an exception is entered, and the
 * mfc0 fast path's view of the running guest VCPU. */
	.data
	.globl	mips_fast
	.balign	4
mips_fast:
	.word	0, 0, 0, 0

	.globl	mips_kscratch
	.balign	4
mips_kscratch:
	.word	0

/* mips_enter_guest(frame): first entry into a guest, through the normal
 * exception return path with the frame the VCPU prepared. */
	.text
	.globl	mips_enter_guest
	.ent	mips_enter_guest
mips_enter_guest:
	move	$sp, $a0
	j	mips_exception_return
	nop
	.end	mips_enter_guest

	.section .note.GNU-stack, "", %progbits

/* mips_call_below(frame, fn, arg): calls fn(arg) on a stack that starts
 * just below `frame`, so fn can fill the frame without overwriting its
 * own stack. fn never returns. */
	.text
	.globl	mips_call_below
	.ent	mips_call_below
mips_call_below:
	addiu	$sp, $a0, -32
	move	$t9, $a1
	jalr	$t9
	move	$a0, $a2
1:	b	1b
	nop
	.end	mips_call_below

	.section .note.GNU-stack, "", %progbits
