/* The preempt guest's user-mode task and the kernel's way into and out of
 * user mode.
 *
 * preempt_task runs in user mode, in a loop that never ends by itself
 * (unless it reaches its iteration limit or finds an error): it keeps a
 * counter both in s0 and in the first word of its data page, checks that
 * its data page still holds its own pattern (even and odd page), and that
 * 21 registers and HI/LO still hold the values it gave them. Only the
 * timer interrupt takes the CPU away from it. It never uses $sp: the
 * kernel gives each task its own kernel stack there, which the runtime's
 * exception entry saves the interrupted task's frame on. */
	.set	noreorder
	.set	noat

	.text
/* void run_tasks(uint32_t user_pc, uint32_t a0, uint32_t a1, uint32_t a2,
 *                uint32_t task_sp [on the stack]):
 * saves the callee-saved registers and sp (tasks_kernel_sp), then erets to
 * user_pc in user mode with interrupts enabled, a0-a2 and sp = task_sp.
 * The kernel comes back at tasks_return with sp restored. */
	.globl	run_tasks
	.globl	tasks_return
run_tasks:
	lw	$t2, 16($sp)		/* 5th argument: the task's sp */
	addiu	$sp, $sp, -48
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
	la	$t0, tasks_kernel_sp
	sw	$sp, 0($t0)
	mtc0	$a0, $14		/* EPC = user entry */
	mfc0	$t0, $12
	li	$t1, ~0x1f		/* KSU, ERL, EXL, IE */
	and	$t0, $t0, $t1
	ori	$t0, $t0, 0x13		/* KSU = user, EXL, IE: eret enters user mode */
	mtc0	$t0, $12
	ehb
	move	$a0, $a1
	move	$a1, $a2
	move	$a2, $a3
	move	$sp, $t2
	eret
tasks_return:
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

/* The invariant registers: register k of this list holds a0 + k. */
#define INVARIANTS $1, $3, $7, $9, $10, $11, $12, $13, $14, $15, $24, $25, \
		   $17, $18, $19, $20, $21, $22, $23, $28, $30
#define HI_XOR	0x1234
#define LO_XOR	0x4321

/* preempt_task: a0 = pattern, a1 = the data page's user address, a2 =
 * iteration limit. Data page words: [0] counter, [4] pattern, [8] error
 * (1 counter, 2 pattern, 3 register, 4 HI/LO, 5 limit reached), and the
 * pattern again at 0x1004 (the odd page). */
	.align	4
	.globl	preempt_task
	.globl	preempt_task_end
preempt_task:
	move	$s0, $zero
	sw	$zero, 0($a1)
	sw	$zero, 8($a1)
	.set	k, 1
	.irp	r, INVARIANTS
	addiu	\r, $a0, k
	.set	k, k + 1
	.endr
	xori	$t0, $a0, HI_XOR
	mthi	$t0
	xori	$t0, $a0, LO_XOR
	mtlo	$t0
1:	lw	$t0, 0($a1)		/* the counter in memory = s0 */
	bne	$t0, $s0, 8f
	li	$v0, 1
	addiu	$s0, $s0, 1
	sw	$s0, 0($a1)
	lw	$t0, 4($a1)		/* our pattern, even page */
	bne	$t0, $a0, 8f
	li	$v0, 2
	lw	$t0, 0x1004($a1)	/* our pattern, odd page */
	bne	$t0, $a0, 8f
	nop
	li	$v0, 3
	.set	k, 1
	.irp	r, INVARIANTS
	addiu	$t0, $a0, k
	bne	\r, $t0, 8f		/* (the next addiu is in the delay slot) */
	.set	k, k + 1
	.endr
	nop
	li	$v0, 4
	mfhi	$t0
	xori	$t0, $t0, HI_XOR
	bne	$t0, $a0, 8f
	mflo	$t0
	xori	$t0, $t0, LO_XOR
	bne	$t0, $a0, 8f
	nop
	bne	$s0, $a2, 1b
	nop
	li	$v0, 5
8:	sw	$v0, 8($a1)		/* error or limit: tell the kernel */
	syscall
	b	8b
	nop
preempt_task_end:

	.bss
	.globl	tasks_kernel_sp
	.align	2
tasks_kernel_sp:	.space	4
