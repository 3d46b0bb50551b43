/* arm_context_switch(from, to): save the callee-saved registers of the
 * running context into *from, resume *to. */
#include "arch/context.hpp"

	.text
	.globl	arm_context_switch
	.type	arm_context_switch, %function
arm_context_switch:
	stp	x19, x20, [x0, #CTX_X(19)]
	stp	x21, x22, [x0, #CTX_X(21)]
	stp	x23, x24, [x0, #CTX_X(23)]
	stp	x25, x26, [x0, #CTX_X(25)]
	stp	x27, x28, [x0, #CTX_X(27)]
	stp	x29, x30, [x0, #CTX_FP]
	mov	x9, sp
	str	x9, [x0, #CTX_SP]

	ldp	x19, x20, [x1, #CTX_X(19)]
	ldp	x21, x22, [x1, #CTX_X(21)]
	ldp	x23, x24, [x1, #CTX_X(23)]
	ldp	x25, x26, [x1, #CTX_X(25)]
	ldp	x27, x28, [x1, #CTX_X(27)]
	ldp	x29, x30, [x1, #CTX_FP]
	ldr	x9, [x1, #CTX_SP]
	mov	sp, x9
	ret
	.size	arm_context_switch, . - arm_context_switch

/* First switch into a new context: x19 = entry, x20 = its argument. */
	.globl	arm_context_start
	.type	arm_context_start, %function
arm_context_start:
	mov	x0, x20
	blr	x19
1:	wfe				/* entry never returns */
	b	1b
	.size	arm_context_start, . - arm_context_start

	.section .note.GNU-stack, "", %progbits
