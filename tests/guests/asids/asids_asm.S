/* User-mode entry and exit for the asids guest, and its user-mode
 * snippets (as in the usermode guest). Snippets run at their link address
 * minus the guest's KSEG0 base through a global TLB mapping of the ROM;
 * each ends in syscall, which the Sys hook turns into a return to kernel
 * mode at user_return. */
	.set	noreorder
	.set	noat

	.text
/* run_user and user_return: runtime/user_mode.S. */

/* uint32_t kernel_lw(uint32_t va): a kernel-mode load; v0 = 0x5a5a5a5a
 * if it faulted and the handler skipped it. */
	.globl	kernel_lw
kernel_lw:
	li	$v0, 0x5a5a5a5a
	lw	$v0, 0($a0)
	jr	$ra
	nop

	.align	4
/* a0 = address: v0 = the word there (0x5a5a5a5a if the load faulted and
 * was skipped). */
	.globl	user_load
	.globl	user_load_at
user_load:
	li	$v0, 0x5a5a5a5a
user_load_at:
	lw	$v0, 0($a0)
	syscall

/* a0 = address, a1 = value: stores it. */
	.globl	user_store
	.globl	user_store_at
user_store:
user_store_at:
	sw	$a1, 0($a0)
	syscall

