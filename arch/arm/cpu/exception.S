/* The EL1 exception vector table and the common entry/return path. Every
 * entry saves a TrapFrame and calls arm_trap(frame); frame->vector says
 * which of the 16 entries was taken. */
#include "arch/trap_frame.hpp"

/* One 128-byte vector entry: make room for the frame, free x0/x1, note
 * the entry number and join the common path. */
	.macro	vector_entry number
	.balign	128
	sub	sp, sp, #TF_SIZE
	stp	x0, x1, [sp, #TF_X(0)]
	mov	x1, #\number
	b	arm_exception_entry
	.endm

	.section .text.vectors, "ax"
	.balign	2048			/* VBAR_EL1 bits 10:0 are RES0 */
	.globl	arm_vectors
arm_vectors:
	/* Current EL with SP_EL0, current EL with SP_ELx, lower EL AArch64,
	 * lower EL AArch32; each: synchronous, IRQ, FIQ, SError. */
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector_entry \n
	.endr

	.text
	.type	arm_exception_entry, %function
arm_exception_entry:
	stp	x2, x3, [sp, #TF_X(2)]
	stp	x4, x5, [sp, #TF_X(4)]
	stp	x6, x7, [sp, #TF_X(6)]
	stp	x8, x9, [sp, #TF_X(8)]
	stp	x10, x11, [sp, #TF_X(10)]
	stp	x12, x13, [sp, #TF_X(12)]
	stp	x14, x15, [sp, #TF_X(14)]
	stp	x16, x17, [sp, #TF_X(16)]
	stp	x18, x19, [sp, #TF_X(18)]
	stp	x20, x21, [sp, #TF_X(20)]
	stp	x22, x23, [sp, #TF_X(22)]
	stp	x24, x25, [sp, #TF_X(24)]
	stp	x26, x27, [sp, #TF_X(26)]
	stp	x28, x29, [sp, #TF_X(28)]
	add	x2, sp, #TF_SIZE		/* the interrupted code's sp */
	stp	x30, x2, [sp, #TF_X(30)]
	mrs	x2, elr_el1
	mrs	x3, spsr_el1
	stp	x2, x3, [sp, #TF_ELR]
	mrs	x2, esr_el1
	mrs	x3, far_el1
	stp	x2, x3, [sp, #TF_ESR]
	str	x1, [sp, #TF_VECTOR]
	mov	x0, sp
	bl	arm_trap
	/* fall through: arm_trap handled it, resume the interrupted code */

	.globl	arm_exception_return
arm_exception_return:
	ldp	x2, x3, [sp, #TF_ELR]
	msr	elr_el1, x2
	msr	spsr_el1, x3
	ldp	x0, x1, [sp, #TF_X(0)]
	ldp	x2, x3, [sp, #TF_X(2)]
	ldp	x4, x5, [sp, #TF_X(4)]
	ldp	x6, x7, [sp, #TF_X(6)]
	ldp	x8, x9, [sp, #TF_X(8)]
	ldp	x10, x11, [sp, #TF_X(10)]
	ldp	x12, x13, [sp, #TF_X(12)]
	ldp	x14, x15, [sp, #TF_X(14)]
	ldp	x16, x17, [sp, #TF_X(16)]
	ldp	x18, x19, [sp, #TF_X(18)]
	ldp	x20, x21, [sp, #TF_X(20)]
	ldp	x22, x23, [sp, #TF_X(22)]
	ldp	x24, x25, [sp, #TF_X(24)]
	ldp	x26, x27, [sp, #TF_X(26)]
	ldp	x28, x29, [sp, #TF_X(28)]
	ldr	x30, [sp, #TF_X(30)]
	add	sp, sp, #TF_SIZE
	eret
	.size	arm_exception_entry, . - arm_exception_entry

	.section .note.GNU-stack, "", %progbits
