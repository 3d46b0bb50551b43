/* User-mode entry and exit for the usermode guest, and the user-mode
 * snippets. Snippets run at their link address minus the guest's KSEG0
 * base (Tern: the same address) through a TLB mapping of the ROM, so they
 * use only PC-relative branches; each ends in syscall, which the guest's
 * Sys hook turns into a return to kernel mode. */
	.set	noreorder
	.set	noat

	.text
/* run_user and user_return: runtime/user_mode.S. */

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

