/* MMIO instruction sequences for the mmio guest: every GPR as the data
 * register of a device load and store, and device accesses in delay slots.
 * Under Tern each device access traps and is decoded and emulated. */
	.set	noreorder
	.set	noat

/* void mmio_gpr_roundtrip(uint32_t scr, uint8_t result[32]): for each GPR n
 * except zero, k0, k1, sp and the base t0: sb n <- 0x80+n to the scratch
 * register, clear n, lbu it back into n; result[n] = 0 if n came back
 * right. t0 itself is done with t1 as the base. */
	.macro	ROUNDTRIP n, base
	li	$\n, 0x80 + \n
	sb	$\n, 0(\base)
	li	$\n, 0
	lbu	$\n, 0(\base)
	xori	$\n, $\n, 0x80 + \n
	sltu	$\n, $zero, $\n
	sb	$\n, \n($a1)
	.endm

	.text
	.globl	mmio_gpr_roundtrip
	.type	mmio_gpr_roundtrip, @function
mmio_gpr_roundtrip:
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
	sw	$a1, 44($sp)
	move	$t0, $a0
	/* a1 (5) holds the result array: it is tested last, from the stack. */
	.irp	n, 1, 2, 3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 30, 31
	ROUNDTRIP \n, $t0
	.endr
	move	$t1, $t0
	ROUNDTRIP 8, $t1
	move	$t0, $t1
	li	$a1, 0x85		/* a1 itself: the result goes via t2 */
	sb	$a1, 0($t0)
	li	$a1, 0
	lbu	$a1, 0($t0)
	xori	$a1, $a1, 0x85
	sltu	$a1, $zero, $a1
	lw	$t2, 44($sp)
	sb	$a1, 5($t2)
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

/* uint32_t mmio_store_in_taken_slot(uint32_t addr, uint32_t v): sb in the
 * delay slot of a taken branch; returns 1 if the branch went to its target. */
	.globl	mmio_store_in_taken_slot
mmio_store_in_taken_slot:
	beq	$zero, $zero, 1f
	sb	$a1, 0($a0)
	jr	$ra
	li	$v0, 0
1:	jr	$ra
	li	$v0, 1

/* uint32_t mmio_load_in_not_taken_slot(uint32_t addr): lbu in the delay
 * slot of a branch not taken (on a register, see exceptions_asm.S);
 * returns the loaded value, or 0xffffffff if the branch was taken. */
	.globl	mmio_load_in_not_taken_slot
mmio_load_in_not_taken_slot:
	move	$t8, $zero
	bne	$t8, $zero, 1f
	lbu	$v0, 0($a0)
	jr	$ra
	nop
1:	jr	$ra
	li	$v0, -1

/* uint64_t mmio_load_in_jr_slot(uint32_t addr): jr t0 with "lbu t0" in
 * the slot: the jump uses t0 as it was before the load. Returns v0 = t0
 * after the load, v1 = 1 if the jump went to its target. */
	.globl	mmio_load_in_jr_slot
mmio_load_in_jr_slot:
	la	$t0, 1f
	jr	$t0
	lbu	$t0, 0($a0)
	move	$v0, $t0
	jr	$ra
	li	$v1, 0
1:	move	$v0, $t0
	jr	$ra
	li	$v1, 1

/* uint64_t mmio_store_in_jal_slot(uint32_t addr, uint32_t v): jal with sw
 * in the slot; returns v0 = the link value jal wrote, v1 = the address of
 * the jal. */
	.globl	mmio_store_in_jal_slot
mmio_store_in_jal_slot:
	move	$t9, $ra
	la	$v1, 2f
2:	jal	1f
	sw	$a1, 0($a0)
	nop				/* the link address: not reached */
1:	move	$v0, $ra
	jr	$t9
	nop

/* uint32_t mmio_load_in_likely_slot(uint32_t addr, uint32_t taken): beql
 * with lbu in the slot; the slot runs only if the branch is taken. Returns
 * the loaded value or 0x5a5a5a5a. */
	.globl	mmio_load_in_likely_slot
mmio_load_in_likely_slot:
	li	$v0, 0x5a5a5a5a
	li	$t0, 1
	beql	$a1, $t0, 1f
	lbu	$v0, 0($a0)
1:	jr	$ra
	nop
