/* Entering and leaving guest user mode, shared by the guests that run
 * user-mode code (usermode, asids, preempt, fastpath). */
	.set	noreorder
	.set	noat

	.text
/* void run_user(uint32_t user_pc, uint32_t a0, uint32_t a1): saves the
 * callee-saved registers and sp (user_kernel_sp), then erets to user_pc
 * with Status.KSU = user and the user's a0/a1 (EntryHi.ASID stays as the
 * caller left it). The guest's Sys hook resumes at user_return with sp
 * restored (return_to_kernel in user_mode.hpp).
 *
 * void run_user_task(uint32_t user_pc, uint32_t a0, uint32_t a1,
 *                    uint32_t a2, uint32_t user_sp [on the stack]):
 * the same with a2 too, sp = user_sp and interrupts enabled (Status.IE),
 * for a task a timer interrupt preempts. */
	.globl	run_user
	.globl	run_user_task
	.globl	user_return
run_user:
	move	$t2, $zero		/* sp: the kernel's */
	b	1f
	li	$t3, 0x12		/* KSU = user, EXL: eret enters user mode */
run_user_task:
	lw	$t2, 16($sp)		/* 5th argument: the task's sp */
	li	$t3, 0x13		/* ... and IE */
1:	addiu	$sp, $sp, -48
	sw	$s0, 0($sp)
	sw	$s1, 4($sp)
	sw	$s2, 8($sp)
	sw	$s3, 12($sp)
	sw	$s4, 16($sp)
	sw	$s5, 20($sp)
	sw	$s6, 24($sp)
	sw	$s7, 28($sp)
	sw	$gp, 32($sp)
	sw	$fp, 36($sp)
	sw	$ra, 40($sp)
	la	$t0, user_kernel_sp
	sw	$sp, 0($t0)
	mtc0	$a0, $14		/* EPC = user entry */
	mfc0	$t0, $12
	li	$t1, ~0x1f		/* KSU, ERL, EXL, IE */
	and	$t0, $t0, $t1
	or	$t0, $t0, $t3
	mtc0	$t0, $12
	ehb
	move	$a0, $a1
	move	$a1, $a2
	beqz	$t2, 2f
	move	$a2, $a3
	move	$sp, $t2
2:	eret
user_return:
	lw	$s0, 0($sp)
	lw	$s1, 4($sp)
	lw	$s2, 8($sp)
	lw	$s3, 12($sp)
	lw	$s4, 16($sp)
	lw	$s5, 20($sp)
	lw	$s6, 24($sp)
	lw	$s7, 28($sp)
	lw	$gp, 32($sp)
	lw	$fp, 36($sp)
	lw	$ra, 40($sp)
	jr	$ra
	addiu	$sp, $sp, 48

	.bss
	.globl	user_kernel_sp
	.align	2
user_kernel_sp:	.space	4
