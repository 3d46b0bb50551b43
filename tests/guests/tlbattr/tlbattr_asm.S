/* Mapped loads and stores for the tlbattr guest, each at a known address
 * (<name>_at) for the EPC checks. */
	.set	noreorder
	.set	noat

	.text
/* uint32_t attr_lw(uint32_t va): v0 = 0x5a5a5a5a if the load faulted and
 * the handler skipped it. */
	.globl	attr_lw
	.globl	attr_lw_at
attr_lw:
	li	$v0, 0x5a5a5a5a
attr_lw_at:
	lw	$v0, 0($a0)
	jr	$ra
	nop

/* void attr_sw(uint32_t va, uint32_t value) */
	.globl	attr_sw
	.globl	attr_sw_at
attr_sw:
attr_sw_at:
	sw	$a1, 0($a0)
	jr	$ra
	nop
