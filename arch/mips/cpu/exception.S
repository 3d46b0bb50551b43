/* Exception entry and return. The vector stubs at EBase jump to
 * mips_exception_entry, which saves a TrapFrame, leaves exception level
 * (kernel mode, interrupts still off) and calls mips_trap(frame). */
#include "arch/fast_path.hpp"
#include "arch/trap_frame.hpp"

	.set	noreorder
	.set	noat

/* Copied to EBase + 0x180 and 0x200 by mips_install_vectors.
 * The vectors and the hypervisor are in the same 256 MiB region, so the
 * stub may jump with j wherever it is copied. The interrupted
 * context's k0 and k1 are parked first (k1 in DESAVE, k0 in mips_fast):
 * a guest kernel owns them, and an exit it does not see must not change
 * them. Coprocessor Unusable (a guest kernel's privileged instruction)
 * first tries the CP0 fast path (cop0_fast.S), with k1 = &mips_fast; it
 * comes back to mips_exception_entry, with every register as the guest
 * left it, for an instruction it does not serve. */
	.section .text.vectors, "ax"
	.option	pic0			/* to the end of the file: j stays an absolute jump (no b),
					 * and mips_exception_entry, which the fast paths j to,
					 * needs no $t9 stub (jal mips_trap gets one instead) */
	.globl	mips_vector_stub
	.globl	mips_vector_stub_end
mips_vector_stub:
	mtc0	$k1, $31
	lui	$k1, %hi(mips_fast)
	sw	$k0, %lo(mips_fast + FAST_K0)($k1)
	mfc0	$k0, $13
	andi	$k0, $k0, 0x7C
	xori	$k0, $k0, 0x2C			/* ExcCode CpU */
	bnez	$k0, 1f
	nop
	j	mips_cop0_fast			/* (the vectors share KSEG0's 256 MiB) */
	addiu	$k1, $k1, %lo(mips_fast)
1:	j	mips_exception_entry
	nop
mips_vector_stub_end:

	.text
	.globl	mips_exception_entry
	.ent	mips_exception_entry
mips_exception_entry:
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
	lui	$t0, %hi(mips_fast)	/* the parked k0 and k1 */
	lw	$t1, %lo(mips_fast + FAST_K0)($t0)
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

/* The running guest VCPU as the fast paths see it, and the interrupted
 * context's k0 while an exception is entered (arch/fast_path.hpp). */
	.data
	.globl	mips_fast
	.balign	256		/* %hi(mips_fast) == %hi(mips_fast + field): GAS pairs */
mips_fast:			/* one %hi with another %lo of the same symbol */
	.space	FAST_SIZE

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
