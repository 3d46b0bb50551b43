/* Branch cases for the delayslot guest. Each case is a function
 * uint64_t case(uint32_t a0, uint32_t a1) that executes one branch or jump
 * with "mfc0 $v0, ErrorEPC" in its delay slot (under Tern an emulated
 * instruction, so the hypervisor must also emulate the branch to resume)
 * and returns v0 = what the slot loaded (0x5a5a5a5a if it was nullified)
 * and v1 = 1 if control reached the branch target, 0 if it fell through.
 * The link registers a linking branch wrote are stored in ds_link_ra and
 * ds_link_t7. <case>_at labels the branch. */
	.set	noreorder
	.set	noat

#define SENTINEL 0x5a5a5a5a

	.macro	BEGIN name
	.globl	\name
	.globl	\name\()_at
	.type	\name, @function
\name:
	move	$t9, $ra		/* linking branches overwrite ra */
	move	$t7, $zero
	li	$v0, SENTINEL
	la	$t8, 8f			/* target for jr / jalr */
	.endm

	.macro	END
	li	$v1, 0			/* fall-through path */
	b	9f
	nop
8:	li	$v1, 1			/* branch target */
9:	la	$t0, ds_link_ra
	sw	$ra, 0($t0)
	la	$t0, ds_link_t7
	sw	$t7, 0($t0)
	jr	$t9
	nop
	.endm

	/* CASE name, branch: the branch (to label 8f) with mfc0 in its slot. */
	.macro	CASE name, branch:vararg
	BEGIN	\name
\name\()_at:
	\branch
	mfc0	$v0, $30		/* ErrorEPC */
	END
	.endm

	.text
	CASE	ds_beq, beq $a0, $a1, 8f
	CASE	ds_bne, bne $a0, $a1, 8f
	CASE	ds_blez, blez $a0, 8f
	CASE	ds_bgtz, bgtz $a0, 8f
	CASE	ds_bltz, bltz $a0, 8f
	CASE	ds_bgez, bgez $a0, 8f
	CASE	ds_bltzal, bltzal $a0, 8f
	CASE	ds_bgezal, bgezal $a0, 8f
	CASE	ds_beql, beql $a0, $a1, 8f
	CASE	ds_bnel, bnel $a0, $a1, 8f
	CASE	ds_blezl, blezl $a0, 8f
	CASE	ds_bgtzl, bgtzl $a0, 8f
	CASE	ds_bltzl, bltzl $a0, 8f
	CASE	ds_bgezl, bgezl $a0, 8f
	CASE	ds_bltzall, bltzall $a0, 8f
	CASE	ds_bgezall, bgezall $a0, 8f
	CASE	ds_j, j 8f
	CASE	ds_jal, jal 8f
	CASE	ds_jr, jr $t8
	CASE	ds_jalr, jalr $t8
	CASE	ds_jalr_t7, jalr $t7, $t8
	CASE	ds_jr_hb, jr.hb $t8
	CASE	ds_jalr_hb, jalr.hb $t8

/* The slot overwrites the branch's own source register: the branch uses
 * the value from before the slot (the branch reads its operands first). */
	BEGIN	ds_beq_clobber
	move	$v0, $zero
ds_beq_clobber_at:
	beq	$v0, $zero, 8f		/* taken: v0 is 0 here */
	mfc0	$v0, $30
	END

	BEGIN	ds_jr_clobber
	move	$v0, $t8
ds_jr_clobber_at:
	jr	$v0			/* to 8f, whatever the slot loads */
	mfc0	$v0, $30
	END

	.bss
	.globl	ds_link_ra
	.globl	ds_link_t7
	.align	2
ds_link_ra:	.space	4
ds_link_t7:	.space	4
