/* The host TLB refill fast path. The vector at EBase+0x000 jumps here on
 * a refill (EXL was 0). A refill from user mode is a guest access:
 *  - in the guest's kernel view, an address below kseg0_limit is guest
 *    KSEG0 RAM: its host EntryLo pair is computed directly;
 *  - otherwise the running VCPU's soft TLB may hold the translation the C
 *    slow path computed earlier (a guest KSEG1 page, a guest TLB hit).
 * Anything else, and every refill from kernel mode, goes to the general
 * exception entry and so to C. Only k0, k1 and $at (saved) are used. */
#include "arch/refill.hpp"

	.set	noreorder
	.set	noat
	.text
	.globl	mips_refill_fast
	.ent	mips_refill_fast
mips_refill_fast:
	/* The stub parked k1 in DESAVE and k0 in mips_kscratch. */
	mfc0	$k0, $12			/* from user mode? */
	andi	$k0, $k0, 0x10
	beqz	$k0, 9f
	lui	$k1, %hi(mips_refill)
	addiu	$k1, $k1, %lo(mips_refill)
	sw	$at, REFILL_SCRATCH($k1)

	mfc0	$k0, $8				/* BadVAddr */
	lw	$at, REFILL_KSEG0_LIMIT($k1)
	sltu	$at, $k0, $at
	beqz	$at, 2f
	srl	$k0, $k0, 13
	/* Guest KSEG0 RAM: EntryLo0 = lo(0) + (VPN2 << 7), EntryLo1 the next page. */
	sll	$k0, $k0, 7
	lw	$at, REFILL_KSEG0_LO($k1)
	addu	$k0, $k0, $at
	mtc0	$k0, $2
	addiu	$k0, $k0, 0x40
	b	3f
	mtc0	$k0, $3

2:	/* The soft TLB: Context.BadVPN2 picks the slot, EntryHi is the tag. */
	mfc0	$k0, $4
	andi	$k0, $k0, SOFT_TLB_INDEX_MASK
	lw	$at, REFILL_SOFT_TLB($k1)
	beqz	$at, 8f
	addu	$k0, $k0, $at
	lw	$at, 0($k0)
	mfc0	$k1, $10
	bne	$at, $k1, 8f
	nop
	lw	$at, 4($k0)
	mtc0	$at, $2
	lw	$at, 8($k0)
	mtc0	$at, $3

3:	mtc0	$zero, $5			/* 4 KiB shadow pages */
	ehb
	tlbwr
	lui	$k1, %hi(mips_refill)
	lw	$at, %lo(mips_refill + REFILL_SCRATCH)($k1)
	lui	$k1, %hi(mips_kscratch)		/* the guest's k0 and k1 back */
	lw	$k0, %lo(mips_kscratch)($k1)
	mfc0	$k1, $31
	eret

8:	lui	$k1, %hi(mips_refill)
	lw	$at, %lo(mips_refill + REFILL_SCRATCH)($k1)
9:	lui	$k0, %hi(mips_exception_entry)
	addiu	$k0, $k0, %lo(mips_exception_entry)
	jr	$k0
	nop
	.end	mips_refill_fast

/* The stub copied to EBase + 0x000. */
	.section .text.vectors, "ax"
	.globl	mips_refill_stub
	.globl	mips_refill_stub_end
mips_refill_stub:
	mtc0	$k1, $31
	lui	$k1, %hi(mips_kscratch)
	sw	$k0, %lo(mips_kscratch)($k1)
	lui	$k0, %hi(mips_refill_fast)
	addiu	$k0, $k0, %lo(mips_refill_fast)
	jr	$k0
	nop
mips_refill_stub_end:

	.section .note.GNU-stack, "", %progbits
