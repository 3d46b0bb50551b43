/* mips_context_switch(from, to): save the callee-saved registers of the
 * running context into *from, resume *to. */
#include "arch/context.hpp"

	.set	noreorder
	.text
	.globl	mips_context_switch
	.ent	mips_context_switch
mips_context_switch:
	sw	$s0, CTX_S(0)($a0)
	sw	$s1, CTX_S(1)($a0)
	sw	$s2, CTX_S(2)($a0)
	sw	$s3, CTX_S(3)($a0)
	sw	$s4, CTX_S(4)($a0)
	sw	$s5, CTX_S(5)($a0)
	sw	$s6, CTX_S(6)($a0)
	sw	$s7, CTX_S(7)($a0)
	sw	$fp, CTX_FP($a0)
	sw	$sp, CTX_SP($a0)
	sw	$ra, CTX_RA($a0)
	lui	$t0, %hi(mips_kernel_sp)
	lw	$t1, %lo(mips_kernel_sp)($t0)
	sw	$t1, CTX_KERNEL_SP($a0)

	lw	$t1, CTX_KERNEL_SP($a1)
	sw	$t1, %lo(mips_kernel_sp)($t0)
	lw	$s0, CTX_S(0)($a1)
	lw	$s1, CTX_S(1)($a1)
	lw	$s2, CTX_S(2)($a1)
	lw	$s3, CTX_S(3)($a1)
	lw	$s4, CTX_S(4)($a1)
	lw	$s5, CTX_S(5)($a1)
	lw	$s6, CTX_S(6)($a1)
	lw	$s7, CTX_S(7)($a1)
	lw	$fp, CTX_FP($a1)
	lw	$sp, CTX_SP($a1)
	lw	$ra, CTX_RA($a1)
	jr	$ra
	nop
	.end	mips_context_switch

/* First switch into a new context: s0 = entry, s1 = its argument. */
	.globl	mips_context_start
	.ent	mips_context_start
mips_context_start:
	move	$a0, $s1
	move	$t9, $s0
	jalr	$t9
	addiu	$sp, $sp, -16
1:	b	1b			/* entry never returns */
	nop
	.end	mips_context_start

	.section .note.GNU-stack, "", %progbits
