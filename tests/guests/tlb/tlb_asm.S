/* Mapped loads and stores for the tlb guest, each at a known address
 * (<name>_at) for the EPC checks. */
	.set	noreorder
	.set	noat

	.text
/* uint32_t tlb_lw(uint32_t va): v0 = 0x5a5a5a5a if the load faulted. */
	.globl	tlb_lw
	.globl	tlb_lw_at
tlb_lw:
	li	$v0, 0x5a5a5a5a
tlb_lw_at:
	lw	$v0, 0($a0)
	jr	$ra
	nop

/* void tlb_sw(uint32_t va, uint32_t value) */
	.globl	tlb_sw
	.globl	tlb_sw_at
tlb_sw:
tlb_sw_at:
	sw	$a1, 0($a0)
	jr	$ra
	nop

/* uint32_t tlb_lw_exl(uint32_t va): the load with Status.EXL already set
 * and EPC preloaded with tlb_lw_exl_resume. A TLB miss with EXL = 1 goes to
 * the general vector, not the refill vector, and leaves EPC alone (PRA
 * 6.2.1, 6.2.11): the handler's eret lands on the resume label (v0 = 1). */
	.globl	tlb_lw_exl
	.globl	tlb_lw_exl_resume
tlb_lw_exl:
	la	$t0, tlb_lw_exl_resume
	mtc0	$t0, $14
	mfc0	$t1, $12
	ori	$t1, $t1, 0x2
	mtc0	$t1, $12
	ehb
	lw	$v0, 0($a0)
	jr	$ra			/* EPC was changed: wrong */
	li	$v0, 0
tlb_lw_exl_resume:
	jr	$ra
	li	$v0, 1
