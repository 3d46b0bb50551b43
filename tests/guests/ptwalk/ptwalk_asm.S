/* The ptwalk guest's TLB refill handler and its mapped load/store.
 *
 * ptwalk_refill is copied to the refill vector (EBase + 0x000 with
 * Status.BEV = 0) by ptwalk.cpp. It is the classic MIPS refill handler
 * (PRA 4.10 and 9.5 "Context"; Linux's build_get_ptep for 32-bit PTEs):
 * on a TLB Refill the CPU loads Context.BadVPN2 (bits 22:4) with
 * VA 31:13 and keeps the PTEBase the OS wrote in bits 31:23, so Context is
 * a pointer into a linear page table with 16 bytes per even/odd page pair.
 * This table has 8 bytes per pair (two 32-bit EntryLo values, as Linux's
 * 32-bit PTEs), so the BadVPN2 part is shifted right by one:
 *
 *     slot = PTEBase + (BadVPN2 << 3),  slot[0] = EntryLo0, slot[1] = EntryLo1
 *
 * The CPU also loaded EntryHi with the VPN2 and the current ASID (PageMask
 * is 4 KiB throughout), so tlbwr writes exactly the missing entry at
 * Random. Only k0/k1 are used; the handler counts its invocations
 * (ptwalk_refills) and records Context (ptwalk_last_context). */
	.set	noreorder
	.set	noat

	.text
	.globl	ptwalk_refill
	.globl	ptwalk_refill_end
ptwalk_refill:
	mfc0	$k0, $4			/* Context */
	lui	$k1, 0xff80
	and	$k1, $k0, $k1		/* PTEBase */
	xor	$k0, $k0, $k1		/* BadVPN2 << 4 */
	srl	$k0, $k0, 1		/* BadVPN2 << 3: 8 bytes per pair */
	addu	$k1, $k1, $k0		/* the pair's slot */
	lw	$k0, 0($k1)		/* even page */
	lw	$k1, 4($k1)		/* odd page */
	mtc0	$k0, $2			/* EntryLo0 */
	mtc0	$k1, $3			/* EntryLo1 */
	ehb
	tlbwr
	lui	$k0, %hi(ptwalk_refills)
	lw	$k1, %lo(ptwalk_refills)($k0)
	addiu	$k1, $k1, 1
	sw	$k1, %lo(ptwalk_refills)($k0)
	mfc0	$k1, $4
	sw	$k1, %lo(ptwalk_last_context)($k0)
	eret
ptwalk_refill_end:

/* uint32_t ptwalk_lw(uint32_t va): v0 = 0x5a5a5a5a if the load faulted
 * and the handler skipped it. */
	.globl	ptwalk_lw
	.globl	ptwalk_lw_at
ptwalk_lw:
	li	$v0, 0x5a5a5a5a
ptwalk_lw_at:
	lw	$v0, 0($a0)
	jr	$ra
	nop

/* void ptwalk_sw(uint32_t va, uint32_t value) */
	.globl	ptwalk_sw
	.globl	ptwalk_sw_at
ptwalk_sw:
ptwalk_sw_at:
	sw	$a1, 0($a0)
	jr	$ra
	nop

/* uint32_t ptwalk_lw_delay(uint32_t va, uint32_t* reached): the load in
 * the delay slot of a taken branch-and-link. A refill there has EPC = the
 * branch and Cause.BD set; the handler's eret re-executes the branch (PRA
 * 6.1.2). Returns the loaded word; *reached = 1 when the branch target
 * was reached, the fall-through path never. */
	.globl	ptwalk_lw_delay
ptwalk_lw_delay:
	move	$t0, $ra
	li	$v1, 0
	bal	1f
	lw	$v0, 0($a0)
	li	$v1, 2			/* not reached: the branch is taken */
1:	addiu	$v1, $v1, 1
	jr	$t0
	sw	$v1, 0($a1)

/* uint32_t ptwalk_lw_not_taken(uint32_t va): the load in the delay slot of
 * a branch that is not taken. */
	.globl	ptwalk_lw_not_taken
ptwalk_lw_not_taken:
	bne	$zero, $zero, 1f
	lw	$v0, 0($a0)
	jr	$ra
	nop
1:	jr	$ra
	li	$v0, 0

	.bss
	.align	3
	.globl	ptwalk_refills
	.globl	ptwalk_last_context
ptwalk_refills:		.space	4
ptwalk_last_context:	.space	4
