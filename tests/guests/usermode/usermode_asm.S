/* User-mode entry and exit for the usermode guest, and the user-mode
 * snippets. Snippets run at their link address minus the guest's KSEG0
 * base (Tern: the same address) through a TLB mapping of the ROM, so they
 * use only PC-relative branches; each ends in syscall, which the guest's
 * Sys hook turns into a return to kernel mode. */
	.set	noreorder
	.set	noat

	.text
/* void run_user(uint32_t user_pc, uint32_t a0, uint32_t a1): saves the
 * callee-saved registers and sp (user_kernel_sp), then erets to user_pc
 * with Status.KSU = user and the user's a0/a1. The Sys hook resumes at
 * user_return with sp restored. */
	.globl	run_user
	.globl	user_return
run_user:
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
	la	$t0, user_kernel_sp
	sw	$sp, 0($t0)
	mtc0	$a0, $14		/* EPC = user entry */
	mfc0	$t0, $12
	li	$t1, ~0x1f		/* KSU, ERL, EXL, IE */
	and	$t0, $t0, $t1
	ori	$t0, $t0, 0x12		/* KSU = user, EXL: eret enters user mode */
	mtc0	$t0, $12
	ehb
	move	$a0, $a1
	move	$a1, $a2
	eret
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

	.macro	USER name
	.globl	\name
	.globl	\name\()_at
\name:
	li	$v0, 0x5a5a5a5a
	li	$v1, 0x5a5a5a5a
	.endm

	.macro	USER_END name
	.globl	\name\()_syscall
\name\()_syscall:
	syscall
	.endm

	.align	4
/* The start of the user-mode code (mapped to user mode by the guest). */
	.globl	user_code_start
user_code_start:

	USER	user_nothing
user_nothing_at:
	nop
	USER_END user_nothing

	USER	user_rdhwr_ulr
user_rdhwr_ulr_at:
	rdhwr	$v0, $29
	USER_END user_rdhwr_ulr

	USER	user_rdhwr_cc
user_rdhwr_cc_at:
	rdhwr	$v0, $2
	USER_END user_rdhwr_cc

	USER	user_rdhwr_cpunum
user_rdhwr_cpunum_at:
	rdhwr	$v0, $0
	USER_END user_rdhwr_cpunum

	USER	user_mfc0
user_mfc0_at:
	mfc0	$v0, $12
	USER_END user_mfc0

	USER	user_di
user_di_at:
	di	$v0
	USER_END user_di

	/* a0 = address: loads it into v0, v1 = the load's address */
	USER	user_load
user_load_at:
	lw	$v0, 0($a0)
	USER_END user_load

	/* a0 = address, a1 = value: stores, then loads it back into v0 */
	USER	user_store
user_store_at:
	sw	$a1, 0($a0)
	lw	$v0, 0($a0)
	USER_END user_store

	.globl	user_code_end
user_code_end:

	.bss
	.globl	user_kernel_sp
	.align	2
user_kernel_sp:	.space	4
