/* The host TLB refill fast path. The vector at EBase+0x000 jumps here on
 * a refill (EXL was 0). A refill from user mode is a guest access:
 *  1. in the guest's kernel view, an address below FAST_KSEG0_LIMIT is
 *     guest KSEG0 RAM: its host EntryLo pair is computed directly;
 *  2. the running VCPU's soft TLB may hold the translation (C or this
 *     path computed it earlier);
 *  3. else, for an address the view maps through the guest TLB, the
 *     guest TLB is searched (when all its pages are 4 KiB): a hit on
 *     guest RAM is shadowed here; a miss is delivered to the guest as a
 *     TLB refill exception, as deliver_address_exception() would.
 * Anything else, and every refill from kernel mode, goes to the general
 * exception entry and so to C. Steps 1 and 2 use k0, k1 and $at; step 3
 * borrows t0-t5 too (all saved in mips_fast). */
#include "arch/fast_path.hpp"

	.set	noreorder
	.set	noat

#include "fast_path.inc"

	.text
	.globl	mips_refill_fast
	.ent	mips_refill_fast
mips_refill_fast:
	/* The stub parked k1 in DESAVE and k0 in mips_fast. */
	mfc0	$k0, $12			/* from user mode? */
	andi	$k0, $k0, 0x10
	beqz	$k0, .Lgeneral
	lui	$k1, %hi(mips_fast)
	addiu	$k1, $k1, %lo(mips_fast)
	sw	$at, FAST_AT($k1)

	mfc0	$k0, $8				/* BadVAddr */
	lw	$at, FAST_KSEG0_LIMIT($k1)
	sltu	$at, $k0, $at
	beqz	$at, 2f
	srl	$k0, $k0, 13
	/* 1. Guest KSEG0 RAM: EntryLo0 = lo(0) + (VPN2 << 7), EntryLo1 the next page. */
	sll	$k0, $k0, 7
	lw	$at, FAST_KSEG0_LO($k1)
	addu	$k0, $k0, $at
	mtc0	$k0, $2
	addiu	$k0, $k0, 0x40
	b	.Lwrite_random
	mtc0	$k0, $3

2:	/* 2. The soft TLB: Context.BadVPN2 picks the slot, EntryHi is the tag. */
	mfc0	$k0, $4
	andi	$k0, $k0, SOFT_TLB_INDEX_MASK
	lw	$at, FAST_SOFT_TLB($k1)
	beqz	$at, .Lgeneral_at
	addu	$k0, $k0, $at
	lw	$at, 0($k0)
	mfc0	$k1, $10
	bne	$at, $k1, .Lwalk
	nop
	lw	$at, 4($k0)
	mtc0	$at, $2
	lw	$at, 8($k0)
	mtc0	$at, $3

.Lwrite_random:
	mtc0	$zero, $5			/* 4 KiB shadow pages */
	ehb
	tlbwr
.Lreturn:
	lui	$k1, %hi(mips_fast)
	lw	$at, %lo(mips_fast + FAST_AT)($k1)
	lw	$k0, %lo(mips_fast + FAST_K0)($k1)	/* the guest's k0 and k1 back */
	ehb					/* EPC and DESAVE written */
	mfc0	$k1, $31
	eret

.Lgeneral_at:
	lw	$at, FAST_AT($k1)
.Lgeneral:
	j	mips_exception_entry
	nop

	.macro	SAVE_WALK
	sw	$t0, FAST_T0($k1)
	sw	$t1, FAST_T1($k1)
	sw	$t2, FAST_T2($k1)
	sw	$t3, FAST_T3($k1)
	.endm

	.macro	RESTORE_WALK
	lw	$t0, FAST_T0($k1)
	lw	$t1, FAST_T1($k1)
	lw	$t2, FAST_T2($k1)
	lw	$t3, FAST_T3($k1)
	.endm

/* 3. The guest TLB. t0 = the address, t1 = end of the keys, t2 = key
 * pointer, t3 = the address's VPN2, k0 = GuestTlb; once an entry's key
 * matched, t4 and t5 too. */
.Lwalk:
	lui	$k1, %hi(mips_fast)
	addiu	$k1, $k1, %lo(mips_fast)
	SAVE_WALK
	mfc0	$t0, $8
	srl	$at, $t0, 30			/* 1: KSEG2/3 (moved), 0: below 1 GiB */
	lw	$t1, FAST_KERNEL_VIEW($k1)
	bne	$at, $t1, .Lwalk_general	/* not mapped through the guest TLB in this view */
	lw	$k0, FAST_TLB($k1)
	lw	$at, GTLB_LARGE($k0)
	bnez	$at, .Lwalk_general		/* a large page could cover it: C */
	lw	$t1, FAST_TLB_KEYS_END($k1)
	addiu	$t2, $k0, GTLB_KEYS
	srl	$t3, $t0, 13
	sll	$t3, $t3, 13
1:	lw	$at, 0($t2)			/* eight keys at a time */
	.irp	n, 1, 2, 3, 4, 5, 6, 7
	beq	$at, $t3, .Lkey\n
	lw	$at, 4 * \n($t2)
	.endr
	beq	$at, $t3, .Lkey8
	addiu	$t2, $t2, 32
	bne	$t2, $t1, 1b
	nop
	b	.Lmiss
	nop
.Lkey8:	b	.Lkey
	addiu	$t2, $t2, -4
	.irp	n, 1, 2, 3, 4, 5, 6, 7
.Lkey\n:
	b	.Lkey
	addiu	$t2, $t2, 4 * (\n - 1)
	.endr

/* keys[i] (at t2) has the VPN2: entry i matches if global or of the
 * guest's ASID; else the search goes on. */
.Lkey:
	sw	$t4, FAST_T4($k1)
	sw	$t5, FAST_T5($k1)
.Lkey_again:
	subu	$t4, $t2, $k0
	sll	$t4, $t4, 2
	addu	$t4, $t4, $k0
	addiu	$t4, $t4, -4 * GTLB_KEYS	/* t4: &entries[i] */
	lw	$at, 0($t4)
	lw	$t5, FAST_GUEST_ASID($k1)
	andi	$at, $at, 0xFF
	beq	$at, $t5, .Lhit
	lw	$at, 8($t4)
	lw	$t5, 12($t4)
	and	$at, $at, $t5
	andi	$at, $at, 0x1			/* G */
	bnez	$at, .Lhit
	nop
2:	addiu	$t2, $t2, 4
	beq	$t2, $t1, 3f
	nop
	lw	$at, 0($t2)
	bne	$at, $t3, 2b
	nop
	b	.Lkey_again
	nop
3:	lw	$t4, FAST_T4($k1)
	lw	$t5, FAST_T5($k1)
	b	.Lmiss
	nop

/* A guest TLB hit on a 4 KiB entry: its shadow, as fill_shadow() would
 * make it when the frames are RAM (a half that is not gets an invalid
 * host half: its access comes back through C). */
.Lhit:
	lw	$t2, 8($t4)
	lw	$t3, 12($t4)
	lw	$t1, FAST_RAM_PFN_LIMIT($k1)
	lw	$k0, FAST_RAM_LO($k1)
	SHADOW_LO $t4, $t2, $at, $t1, $k0
	SHADOW_LO $t5, $t3, $at, $t1, $k0
	or	$at, $t4, $t5
	beqz	$at, .Lhit_general		/* nothing in RAM to map: C decides */
	nop
	mtc0	$t4, $2
	mtc0	$t5, $3
	mtc0	$zero, $5
	ehb
	tlbwr
	lw	$t1, FAST_SOFT_TLB($k1)		/* and the soft TLB */
	mfc0	$t2, $10
	srl	$at, $t0, 9
	andi	$at, $at, SOFT_TLB_INDEX_MASK
	addu	$t1, $t1, $at
	sw	$t2, 0($t1)
	sw	$t4, 4($t1)
	sw	$t5, 8($t1)
	COUNT_HIT FAST_HITS_FILL
	lw	$t4, FAST_T4($k1)
	lw	$t5, FAST_T5($k1)
	RESTORE_WALK
	b	.Lreturn
	nop

/* No guest TLB entry: a TLB refill exception for the guest, taken at its
 * refill vector (EXL is clear; else C takes it to the general vector). */
.Lmiss:
	lw	$k0, FAST_CP0($k1)
	lw	$t1, CP0_STATUS($k0)
	andi	$at, $t1, 0x2
	bnez	$at, .Lwalk_general
	ori	$t1, $t1, 0x2			/* EXL */
	sw	$t1, CP0_STATUS($k0)
	mfc0	$t2, $13			/* TLBL or TLBS, and BD, as the host's */
	lui	$at, 0x8000
	ori	$at, $at, 0x007C
	and	$t2, $t2, $at
	lw	$t3, CP0_CAUSE($k0)
	lui	$at, 0x4FFF			/* BD, CE and ExcCode replaced */
	ori	$at, $at, 0xFF83
	and	$t3, $t3, $at
	or	$t3, $t3, $t2
	sw	$t3, CP0_CAUSE($k0)
	mfc0	$at, $14			/* EPC: the access, or its branch */
	sw	$at, CP0_EPC($k0)
	sw	$t0, CP0_BADVADDR($k0)
	srl	$t2, $t0, 13
	sll	$t2, $t2, 13			/* VPN2 */
	lw	$at, CP0_ENTRYHI($k0)		/* EntryHi: VPN2, the ASID stays */
	andi	$at, $at, 0xFF
	or	$at, $at, $t2
	sw	$at, CP0_ENTRYHI($k0)
	srl	$t2, $t2, 9			/* Context.BadVPN2 (bits 22:4) */
	lw	$at, CP0_CONTEXT($k0)
	lui	$t3, 0xFF80
	and	$at, $at, $t3
	or	$at, $at, $t2
	sw	$at, CP0_CONTEXT($k0)
	lw	$at, FAST_NESTED($k1)
	sw	$zero, 0($at)
	lw	$at, FAST_REFILL_VECTOR($k1)
	mtc0	$at, $14
	lw	$at, FAST_KERNEL_VIEW($k1)
	bnez	$at, 5f
	nop
	VIEW_KERNEL
	ehb
5:	COUNT_HIT FAST_HITS_REFILL
	/* A refill handler's first instruction is nearly always an mfc0 of
	 * BadVAddr, Context or EntryHi into k0 or k1: when it is, serve it
	 * now, from the state just delivered, instead of taking it as a trap
	 * of its own (read through the hypervisor's view of the guest's RAM;
	 * FAST_REFILL_INSN is 0 when the vector is not there). */
	lw	$t2, FAST_REFILL_INSN($k1)
	beqz	$t2, 9f
	lui	$at, 0xFFFE
	lw	$t3, 0($t2)
	ori	$at, $at, 0x07FF		/* all but rt's low bit and rd */
	and	$at, $t3, $at
	lui	$t2, 0x401A			/* mfc0 k0, rd, 0 */
	bne	$at, $t2, 9f
	srl	$at, $t3, 11
	andi	$at, $at, 31			/* rd */
	xori	$t2, $at, 8			/* BadVAddr */
	beqz	$t2, 6f
	move	$t2, $t0
	xori	$t2, $at, 4			/* Context */
	beqz	$t2, 6f
	lw	$t2, CP0_CONTEXT($k0)
	xori	$t2, $at, 10			/* EntryHi */
	bnez	$t2, 9f
	nop
	lw	$t2, CP0_ENTRYHI($k0)
6:	srl	$at, $t3, 16			/* rt: k1 (parked in DESAVE) or k0 */
	andi	$at, $at, 1
	beqz	$at, 7f
	nop
	b	8f
	mtc0	$t2, $31
7:	sw	$t2, FAST_K0($k1)
8:	lw	$at, FAST_REFILL_VECTOR($k1)
	addiu	$at, $at, 4
	mtc0	$at, $14
	COUNT_HIT FAST_HITS_MFC0
9:
	RESTORE_WALK
	b	.Lreturn
	nop

.Lhit_general:
	lw	$t4, FAST_T4($k1)
	lw	$t5, FAST_T5($k1)
.Lwalk_general:
	RESTORE_WALK
	lw	$at, FAST_AT($k1)
	j	mips_exception_entry
	nop
	.end	mips_refill_fast

/* The stub copied to EBase + 0x000. */
	.section .text.vectors, "ax"
	.option	pic0			/* j stays an absolute jump (no b) */
	.globl	mips_refill_stub
	.globl	mips_refill_stub_end
mips_refill_stub:
	mtc0	$k1, $31
	lui	$k1, %hi(mips_fast)
	j	mips_refill_fast
	sw	$k0, %lo(mips_fast + FAST_K0)($k1)
mips_refill_stub_end:

	.section .note.GNU-stack, "", %progbits
