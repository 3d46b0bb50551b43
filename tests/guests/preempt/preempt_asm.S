/* The preempt guest's user-mode task (the kernel enters it with the
 * runtime's run_user_task).
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
