/* The guest CP0 fast path: a guest kernel's mfc0, mtc0, eret, tlbwr and
 * tlbwi served without a trap frame and without C (docs/mips.md, "Fast
 * paths"). The general exception vector jumps here on Coprocessor
 * Unusable, the interrupted context's k0 parked in mips_fast, k1 in
 * DESAVE, and $k1 = &mips_fast.
 *
 * The instructions that follow the trapping one are served in the same
 * exit while they are fast-path instructions too (nop and ehb are
 * skipped), as in a refill handler's "mtc0 EntryLo0; mtc0 EntryLo1; ehb;
 * tlbwr": the guest resumes at the first one that is not, which runs or
 * traps as usual. A batch never leaves the page it started in (the page
 * just executed from, so fetching from it cannot fault here), and ends
 * with an eret, or after a TLB write (which may evict the code page's
 * host entry) unless the next instruction, read before the write, is an
 * eret.
 *
 * Anything unusual (another instruction or register, an ASID change, a
 * large page, an interrupt an eret would let in, a fault in a delay slot,
 * another coprocessor, ...) goes to mips_exception_entry with every
 * register as the guest left it when nothing was served yet, and ends
 * the batch otherwise. Only what C's emulation would do is done here;
 * vcpu_emulate.cpp is the reference.
 *
 * Registers: k1 = &mips_fast, k0 = the guest's Cp0Model, t0 = guest PC,
 * t1 = instruction, t2 = value, at scratch (at, t0-t2 saved in
 * mips_fast; TLB writes borrow t3-t7, v0 and v1 as well). */
#include "arch/fast_path.hpp"

	.set	noreorder
	.set	noat
	.option	pic0		/* entered by an absolute j from the vector: no $t9 stub */

#include "fast_path.inc"

	.text
	.globl	mips_cop0_fast
	.ent	mips_cop0_fast
mips_cop0_fast:
	lw	$k0, FAST_KERNEL_VIEW($k1)	/* the guest in kernel mode? */
	beqz	$k0, .Lslow
	sw	$at, FAST_AT($k1)
	sw	$t0, FAST_T0($k1)
	sw	$t1, FAST_T1($k1)
	sw	$t2, FAST_T2($k1)
	lw	$k0, FAST_CP0($k1)
	mfc0	$t0, $14
	lw	$t1, 0($t0)			/* the page was just executed from */
	srl	$at, $t1, 26
	xori	$at, $at, 0x10			/* COP0 (else: a delay slot's branch, */
	bnez	$at, .Lnone			/*  another coprocessor) */
	nop

/* t1: the COP0 instruction at t0. */
.Ldecode:
	srl	$at, $t1, 21
	andi	$at, $at, 0x1F			/* rs */
	beqz	$at, .Lmfc0
	xori	$t2, $at, 0x04
	beqz	$t2, .Lmtc0
	xori	$t2, $at, 0x10			/* CO */
	beqz	$t2, .Lco
	nop

/* Not a fast-path instruction: after a batch the guest resumes at it;
 * else the general exit, everything as the guest left it. */
.Lnone:
	mfc0	$at, $14
	bne	$at, $t0, .Ldone
	nop
	lw	$t0, FAST_T0($k1)
	lw	$t1, FAST_T1($k1)
	lw	$t2, FAST_T2($k1)
	lw	$at, FAST_AT($k1)
.Lslow:
	j	mips_exception_entry
	nop

/* One instruction served: the next one too, if it is a COP0 one on this
 * page (nop and ehb are stepped over). */
.Ladvance:
	addiu	$t0, $t0, 4
	andi	$at, $t0, 0xFFF
	beqz	$at, .Ldone
	nop
	lw	$t1, 0($t0)
	srl	$at, $t1, 26
	xori	$at, $at, 0x10
	beqz	$at, .Ldecode
	xori	$at, $t1, 0xC0
	beqz	$at, .Ladvance			/* ehb */
	nop
	beqz	$t1, .Ladvance			/* nop */
	nop
.Ldone:
	mtc0	$t0, $14
	lw	$t0, FAST_T0($k1)
	lw	$t1, FAST_T1($k1)
	lw	$t2, FAST_T2($k1)
	lw	$at, FAST_AT($k1)
	lw	$k0, FAST_K0($k1)		/* the guest's own k0 and k1 */
	ehb					/* EPC (and DESAVE) written */
	mfc0	$k1, $31
	eret

/* ---------------------------------------------------------------- mfc0 */
.Lmfc0:
	andi	$at, $t1, 0x07F8		/* bits 10:3 must be zero */
	bnez	$at, .Lnone
	srl	$t2, $t1, 8
	andi	$t2, $t2, 0xF8			/* rd * 8 */
	lui	$at, %hi(.Lmf_table)
	addu	$at, $at, $t2
	addiu	$at, $at, %lo(.Lmf_table)
	jr	$at
	andi	$t2, $t1, 7			/* sel */

	.macro	CASE label
	b	\label
	nop
	.endm
.Lmf_table:					/* by rd, 8 bytes each */
	CASE	.Lmf_index			/* 0 */
	CASE	.Lnone				/* 1 Random: C */
	CASE	.Lmf_entrylo0			/* 2 */
	CASE	.Lmf_entrylo1			/* 3 */
	CASE	.Lmf_context			/* 4: Context, UserLocal */
	CASE	.Lmf_pagemask			/* 5 */
	CASE	.Lmf_wired			/* 6 */
	CASE	.Lnone				/* 7 HWREna: C */
	CASE	.Lmf_badvaddr			/* 8 */
	CASE	.Lmf_count			/* 9 */
	CASE	.Lmf_entryhi			/* 10 */
	CASE	.Lmf_compare			/* 11 */
	CASE	.Lmf_status			/* 12 */
	CASE	.Lmf_cause			/* 13 */
	CASE	.Lmf_epc			/* 14 */
	CASE	.Lmf_prid			/* 15: PRId, EBase */
	.rept	14				/* 16-29: Config and the rest: C */
	CASE	.Lnone
	.endr
	CASE	.Lmf_errorepc			/* 30 */
	CASE	.Lnone				/* 31 DESAVE */

	/* sel 0 only: the value into t2 */
	.macro	MF_FIELD label, offset
\label:
	bnez	$t2, .Lnone
	nop
	b	.Lmf_got
	lw	$t2, \offset($k0)
	.endm
	MF_FIELD .Lmf_index, CP0_INDEX
	MF_FIELD .Lmf_entrylo0, CP0_ENTRYLO0
	MF_FIELD .Lmf_entrylo1, CP0_ENTRYLO1
	MF_FIELD .Lmf_pagemask, CP0_PAGEMASK
	MF_FIELD .Lmf_wired, CP0_WIRED
	MF_FIELD .Lmf_badvaddr, CP0_BADVADDR
	MF_FIELD .Lmf_entryhi, CP0_ENTRYHI
	MF_FIELD .Lmf_compare, CP0_COMPARE
	MF_FIELD .Lmf_status, CP0_STATUS
	MF_FIELD .Lmf_epc, CP0_EPC
	MF_FIELD .Lmf_errorepc, CP0_ERROREPC
.Lmf_context:
	bnez	$t2, 1f
	xori	$at, $t2, 2			/* (4, 2) UserLocal */
	b	.Lmf_got
	lw	$t2, CP0_CONTEXT($k0)
1:	bnez	$at, .Lnone
	nop
	b	.Lmf_got
	lw	$t2, CP0_USERLOCAL($k0)
.Lmf_prid:
	xori	$at, $t2, 1			/* (15, 1) EBase */
	beqz	$at, .Lmf_ebase
	nop
	bnez	$t2, .Lnone
	lui	$t2, 0x0001			/* (15, 0): the virtual 24K's PRId */
	b	.Lmf_got
	ori	$t2, $t2, 0x9300
.Lmf_ebase:
	b	.Lmf_got
	lw	$t2, CP0_EBASE($k0)
.Lmf_count:
	bnez	$t2, .Lnone
	mfc0	$t2, $9
	lw	$at, FAST_COUNT_BIAS($k1)
	b	.Lmf_got
	addu	$t2, $t2, $at
.Lmf_cause:					/* the timer drives TI and IP7 */
	bnez	$t2, .Lnone
	lbu	$at, CP0_TIMER_PENDING($k0)
	beqz	$at, .Lmf_got
	lw	$t2, CP0_CAUSE($k0)
	lui	$at, 0x4000
	ori	$at, $at, 0x8000
	b	.Lmf_got
	or	$t2, $t2, $at

/* The value in t2 goes to rt. */
.Lmf_got:
	srl	$t1, $t1, 13
	andi	$t1, $t1, 0xF8			/* rt * 8 */
	lui	$at, %hi(.Lrt_write)
	addu	$at, $at, $t1
	addiu	$at, $at, %lo(.Lrt_write)
	jr	$at
	nop
.Lrt_write:					/* by rt, 8 bytes each */
	b	.Lmf_done			/* $zero */
	nop
	b	.Lmf_done
	sw	$t2, FAST_AT($k1)
	.irp	n, 2, 3, 4, 5, 6, 7
	b	.Lmf_done
	move	$\n, $t2
	.endr
	b	.Lmf_done
	sw	$t2, FAST_T0($k1)
	b	.Lmf_done
	sw	$t2, FAST_T1($k1)
	b	.Lmf_done
	sw	$t2, FAST_T2($k1)
	.irp	n, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25
	b	.Lmf_done
	move	$\n, $t2
	.endr
	b	.Lmf_done
	sw	$t2, FAST_K0($k1)
	b	.Lmf_done
	mtc0	$t2, $31
	.irp	n, 28, 29, 30, 31
	b	.Lmf_done
	move	$\n, $t2
	.endr
.Lmf_done:
	lw	$at, FAST_HITS_MFC0($k1)
	addiu	$at, $at, 1
	b	.Ladvance
	sw	$at, FAST_HITS_MFC0($k1)

/* ---------------------------------------------------------------- mtc0 */
.Lmtc0:
	andi	$at, $t1, 0x07F8		/* bits 10:3 must be zero */
	bnez	$at, .Lnone
	srl	$t2, $t1, 13
	andi	$t2, $t2, 0xF8			/* rt * 8 */
	lui	$at, %hi(.Lrt_read)
	addu	$at, $at, $t2
	addiu	$at, $at, %lo(.Lrt_read)
	jr	$at
	nop
.Lrt_read:					/* rt into t2, 8 bytes each */
	b	.Lmt_got
	move	$t2, $zero
	b	.Lmt_got
	lw	$t2, FAST_AT($k1)
	.irp	n, 2, 3, 4, 5, 6, 7
	b	.Lmt_got
	move	$t2, $\n
	.endr
	b	.Lmt_got
	lw	$t2, FAST_T0($k1)
	b	.Lmt_got
	lw	$t2, FAST_T1($k1)
	b	.Lmt_got
	lw	$t2, FAST_T2($k1)
	.irp	n, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25
	b	.Lmt_got
	move	$t2, $\n
	.endr
	b	.Lmt_got
	lw	$t2, FAST_K0($k1)
	b	.Lmt_got
	mfc0	$t2, $31
	.irp	n, 28, 29, 30, 31
	b	.Lmt_got
	move	$t2, $\n
	.endr

/* The value in t2 goes to (rd, sel): the registers a TLB refill
 * handler writes first. */
.Lmt_got:
	andi	$at, $t1, 0xF807		/* (rd << 11) | sel */
	.macro	MT_CASE key, prev, label
	xori	$at, $at, \key ^ \prev
	beqz	$at, \label
	.endm
	MT_CASE	0x1000, 0, .Lmt_entrylo0	/* (2, 0) */
	MT_CASE	0x1800, 0x1000, .Lmt_entrylo1	/* (3, 0) */
	MT_CASE	0x2000, 0x1800, .Lmt_context	/* (4, 0) */
	MT_CASE	0x5000, 0x2000, .Lmt_entryhi	/* (10, 0) */
	MT_CASE	0x2800, 0x5000, .Lmt_pagemask	/* (5, 0) */
	MT_CASE	0x7000, 0x2800, .Lmt_epc	/* (14, 0) */
	MT_CASE	0x2002, 0x7000, .Lmt_userlocal	/* (4, 2) */
	MT_CASE	0xF000, 0x2002, .Lmt_errorepc	/* (30, 0) */
	nop
	b	.Lnone
	nop

.Lmt_entrylo0:					/* PFN, C, D, V, G */
	lui	$at, 0x03FF
	ori	$at, $at, 0xFFFF
	and	$t2, $t2, $at
	b	.Lmt_done
	sw	$t2, CP0_ENTRYLO0($k0)
.Lmt_entrylo1:
	lui	$at, 0x03FF
	ori	$at, $at, 0xFFFF
	and	$t2, $t2, $at
	b	.Lmt_done
	sw	$t2, CP0_ENTRYLO1($k0)
.Lmt_context:					/* PTEBase; BadVPN2 stays */
	lui	$at, 0xFF80
	and	$t2, $t2, $at
	lw	$t1, CP0_CONTEXT($k0)
	lui	$at, 0x007F
	ori	$at, $at, 0xFFF0
	and	$t1, $t1, $at
	or	$t2, $t2, $t1
	b	.Lmt_done
	sw	$t2, CP0_CONTEXT($k0)
.Lmt_userlocal:
	b	.Lmt_done
	sw	$t2, CP0_USERLOCAL($k0)
.Lmt_pagemask:					/* only 4 KiB pages here */
	lui	$at, 0x1FFF
	ori	$at, $at, 0xE000
	and	$at, $t2, $at
	bnez	$at, .Lnone
	nop
	b	.Lmt_done
	sw	$zero, CP0_PAGEMASK($k0)
.Lmt_entryhi:					/* VPN2 and the same ASID */
	lui	$at, 0xFFFF
	ori	$at, $at, 0xE0FF
	and	$t2, $t2, $at
	lw	$at, CP0_ENTRYHI($k0)
	xor	$at, $at, $t2
	andi	$at, $at, 0xFF
	bnez	$at, .Lnone			/* a new ASID: C enters another view */
	nop
	b	.Lmt_done
	sw	$t2, CP0_ENTRYHI($k0)
.Lmt_epc:
	b	.Lmt_done
	sw	$t2, CP0_EPC($k0)
.Lmt_errorepc:
	b	.Lmt_done
	sw	$t2, CP0_ERROREPC($k0)
.Lmt_done:
	lw	$at, FAST_HITS_MTC0($k1)
	addiu	$at, $at, 1
	b	.Ladvance
	sw	$at, FAST_HITS_MTC0($k1)

/* ------------------------------------------ COP0 with CO: eret, tlbwr/i */
.Lco:						/* whole words: funct and zeros */
	lui	$at, 0x4200
	ori	$t2, $at, 0x0018
	beq	$t1, $t2, .Leret
	ori	$t2, $at, 0x0006
	beq	$t1, $t2, .Ltlbwr
	ori	$t2, $at, 0x0002
	beq	$t1, $t2, .Ltlbwi
	nop
	b	.Lnone
	nop

/* eret from exception level (ERL set: C). The guest goes on at EPC in
 * the view KSU gives; when clearing EXL lets an interrupt in, C delivers
 * it. Ends the batch. */
.Leret:
	lw	$t1, CP0_STATUS($k0)
	andi	$at, $t1, 0x4			/* ERL */
	bnez	$at, .Lnone
	ori	$t1, $t1, 0x2
	xori	$t1, $t1, 0x2			/* t1: Status without EXL */
	andi	$at, $t1, 0x1			/* IE */
	beqz	$at, 2f
	lw	$t2, CP0_CAUSE($k0)
	lbu	$at, CP0_TIMER_PENDING($k0)
	beqz	$at, 1f
	nop
	ori	$t2, $t2, 0x8000		/* the timer's IP7 */
1:	and	$t2, $t2, $t1
	andi	$t2, $t2, 0xFF00		/* IP & IM */
	bnez	$t2, .Lnone
	nop
2:	sw	$t1, CP0_STATUS($k0)
	lw	$t0, CP0_EPC($k0)
	lw	$at, FAST_NESTED($k1)		/* not stuck in exceptions */
	sw	$zero, 0($at)
	andi	$at, $t1, 0x18			/* KSU = user: the user view */
	beqz	$at, 3f
	nop
	VIEW_USER
3:	COUNT_HIT FAST_HITS_ERET
	b	.Ldone
	nop

	.macro	SAVE_TLBW
	sw	$t3, FAST_T3($k1)
	sw	$t4, FAST_T4($k1)
	sw	$t5, FAST_T5($k1)
	sw	$t6, FAST_T6($k1)
	sw	$t7, FAST_T7($k1)
	sw	$v0, FAST_V0($k1)
	sw	$v1, FAST_V1($k1)
	.endm

	.macro	RESTORE_TLBW
	lw	$t3, FAST_T3($k1)
	lw	$t4, FAST_T4($k1)
	lw	$t5, FAST_T5($k1)
	lw	$t6, FAST_T6($k1)
	lw	$t7, FAST_T7($k1)
	lw	$v0, FAST_V0($k1)
	lw	$v1, FAST_V1($k1)
	.endm

/* The host TLB writes below rely on the host PageMask being 0 (4 KiB
 * shadows): it is, except inside host_tlb_map() with interrupts off, and
 * never while a guest runs.
 *
 * tlbwi and tlbwr of a 4 KiB entry, as Cp0Model::tlbwi/tlbwr followed
 * by shadow_invalidate() of the replaced entry when that is a 4 KiB,
 * non-global one (else C). Then the new entry's shadow is installed for
 * the view the guest resumes in, when its frames are RAM: the refill the
 * retried access would take is saved. Registers: t4 = GuestTlb, t5 =
 * index, t6 = Random after a tlbwr, t7 = its new state (0 for tlbwi),
 * t3 = the next instruction (0 on another page). */
.Ltlbwi:
	SAVE_TLBW
	lw	$t4, FAST_TLB($k1)
	lw	$at, CP0_PAGEMASK($k0)
	bnez	$at, .Ltlbw_none
	lw	$t5, CP0_INDEX($k0)
	andi	$t5, $t5, 0x3F
	lw	$at, GTLB_SIZE($t4)
	sltu	$at, $t5, $at
	beqz	$at, .Ltlbw_none		/* an Index past the TLB: C wraps it */
	nop
	b	.Ltlbw_write
	move	$t7, $zero

.Ltlbwr:
	SAVE_TLBW
	lw	$t4, FAST_TLB($k1)
	lw	$at, CP0_PAGEMASK($k0)
	bnez	$at, .Ltlbw_none
	lbu	$at, CP0_RANDOM_RESET($k0)
	bnez	$at, .Ltlbw_none		/* Wired was written: C resets Random */
	lw	$t6, GTLB_SIZE($t4)
	lw	$t7, CP0_WIRED($k0)
	addiu	$at, $t7, 1
	sltu	$at, $at, $t6
	beqz	$at, .Ltlbw_none		/* at most one unwired entry: C */
	/* GuestTlb::peek_random(Wired): with no reset pending Random is in
	 * [Wired, size) (only C writes Wired, and it sets the reset). */
	lw	$t5, GTLB_RANDOM($t4)
	lw	$t2, GTLB_RANDOM_STATE($t4)	/* GuestTlb::random_index: xorshift32 */
	sll	$at, $t2, 13
	xor	$t2, $t2, $at
	srl	$at, $t2, 17
	xor	$t2, $t2, $at
	sll	$at, $t2, 5
	xor	$t2, $t2, $at
	subu	$t1, $t6, $t7			/* span = size - Wired */
	mfhi	$v0				/* the guest's HI and LO */
	mflo	$v1
	multu	$t2, $t1
	mfhi	$t1
	mthi	$v0
	mtlo	$v1
	addu	$t1, $t1, $t7			/* Wired + (state * span >> 32) */
	bne	$t1, $t5, 3f			/* never the index just used */
	nop
	addiu	$t1, $t1, 1
	sltu	$at, $t1, $t6
	bnez	$at, 3f
	nop
	move	$t1, $t7
3:	move	$t6, $t1
	move	$t7, $t2

.Ltlbw_write:
	sll	$at, $t5, 4
	addu	$t2, $t4, $at			/* t2: &entries[index] */
	lw	$at, 4($t2)
	bnez	$at, .Ltlbw_none		/* replacing a large page: C */
	lw	$t1, 8($t2)
	lw	$at, 12($t2)
	or	$v0, $t1, $at
	andi	$v0, $v0, 0x2
	beqz	$v0, .Lold_done			/* never valid: never shadowed */
	and	$v0, $t1, $at
	andi	$v0, $v0, 0x1
	bnez	$v0, .Ltlbw_none		/* global: C forgets every shadow */
	/* From here on the write happens: read the next instruction while
	 * the code page is surely mapped. */
	addiu	$t3, $t0, 4
	andi	$at, $t3, 0xFFF
	beqz	$at, 1f
	move	$t3, $zero
	lw	$t3, 4($t0)
1:	lw	$t1, 0($t2)			/* the old EntryHi */
	srl	$v0, $t1, 30			/* 1: kernel view (KSEG2/3); 0: user view */
	sltiu	$at, $v0, 2
	beqz	$at, .Lold_done			/* 0x80000000 and up: never shadowed */
	andi	$at, $t1, 0xFF
	lw	$v1, FAST_GUEST_ASID($k1)
	bne	$at, $v1, 2f
	nop
	bnez	$v0, 3f				/* the current ASID: its host ASIDs are known */
	lw	$v1, FAST_HOST_ASID_KERNEL($k1)
	b	3f
	lw	$v1, FAST_HOST_ASID_USER($k1)
2:	sll	$v0, $v0, ASIDS_VIEW_SHIFT	/* another: the VCPU's ASID table */
	sll	$at, $at, ASIDS_SLOT_SHIFT
	addu	$v0, $v0, $at
	lw	$at, FAST_ASIDS($k1)
	addu	$v0, $v0, $at			/* &slots[view][its ASID] */
	lw	$v1, 0($v0)
	lw	$at, FAST_GENERATION($k1)
	bne	$v1, $at, .Lold_done		/* no current host ASID: no shadow */
	lhu	$v1, 4($v0)
	lw	$at, FAST_ASIDS($k1)
	lhu	$at, ASIDS_EPOCH($at)
	bne	$v1, $at, .Lold_done
	lbu	$v1, 6($v0)			/* its host ASID */
3:	srl	$t1, $t1, 13
	sll	$t1, $t1, 13
	or	$t1, $t1, $v1			/* t1: the shadow's host EntryHi */
	mtc0	$t1, $10
	ehb
	tlbp
	ehb
	mfc0	$at, $0
	bltz	$at, 4f				/* not in the host TLB */
	sll	$v0, $at, 13
	lui	$v1, 0x8000			/* a unique EntryHi nothing maps */
	addu	$v0, $v0, $v1
	mtc0	$v0, $10
	mtc0	$zero, $2
	mtc0	$zero, $3
	ehb
	tlbwi
	ehb
4:	lw	$v0, FAST_SOFT_TLB($k1)		/* and its soft TLB slot */
	srl	$at, $t1, 9
	andi	$at, $at, SOFT_TLB_INDEX_MASK
	addu	$v0, $v0, $at
	lw	$at, 0($v0)
	bne	$at, $t1, .Lwrite_new
	lui	$at, 0x8000
	b	.Lwrite_new
	sw	$at, 0($v0)
.Lold_done:
	addiu	$t3, $t0, 4			/* the next instruction, as above */
	andi	$at, $t3, 0xFFF
	beqz	$at, .Lwrite_new
	move	$t3, $zero
	lw	$t3, 4($t0)
.Lwrite_new:
	/* The new entry (GuestTlb::write with PageMask 0) and its key. */
	lw	$t1, CP0_ENTRYHI($k0)		/* VPN2 | ASID, stored masked */
	lw	$v0, CP0_ENTRYLO0($k0)
	lw	$v1, CP0_ENTRYLO1($k0)
	or	$at, $v0, $v1			/* one G for both halves: */
	andi	$at, $at, 0x1
	beqz	$at, 1f				/*  none (the usual case) */
	and	$at, $v0, $v1
	andi	$at, $at, 0x1			/*  else both halves' AND */
	srl	$v0, $v0, 1
	sll	$v0, $v0, 1
	or	$v0, $v0, $at
	srl	$v1, $v1, 1
	sll	$v1, $v1, 1
	or	$v1, $v1, $at
1:	sw	$t1, 0($t2)
	sw	$zero, 4($t2)
	sw	$v0, 8($t2)
	sw	$v1, 12($t2)
	sll	$at, $t5, 2
	addu	$t2, $t4, $at
	srl	$at, $t1, 13
	sll	$at, $at, 13
	sw	$at, GTLB_KEYS($t2)
	beqz	$t7, 5f				/* tlbwr: Random moves on */
	nop
	sw	$t7, GTLB_RANDOM_STATE($t4)
	sw	$t6, GTLB_RANDOM($t4)
	sw	$t6, CP0_RANDOM($k0)
5:
	/* Its shadow in the view the guest resumes in (after the eret when
	 * at exception level). Its ASID is EntryHi's: the current one. */
	lw	$at, CP0_STATUS($k0)
	andi	$t4, $at, 0x4			/* ERL: leave it to a refill */
	bnez	$t4, .Ltlbw_done
	andi	$t4, $at, 0x2
	beqz	$t4, 6f				/* EXL clear: the kernel view stays */
	addiu	$t4, $zero, 1
	andi	$t4, $at, 0x18
	sltiu	$t4, $t4, 1			/* t4: 1 when KSU is kernel */
6:	srl	$at, $t1, 30
	bne	$at, $t4, .Ltlbw_done		/* that view does not map it through the TLB */
	lw	$t7, FAST_RAM_PFN_LIMIT($k1)
	lw	$t2, FAST_RAM_LO($k1)
	SHADOW_LO $t5, $v0, $at, $t7, $t2
	SHADOW_LO $t6, $v1, $at, $t7, $t2
	or	$at, $t5, $t6
	beqz	$at, .Ltlbw_done
	lw	$t7, FAST_HOST_ASID_KERNEL($k1)
	bnez	$t4, 7f
	nop
	lw	$t7, FAST_HOST_ASID_USER($k1)
7:	srl	$t1, $t1, 13
	sll	$t1, $t1, 13
	or	$t1, $t1, $t7			/* the shadow's host EntryHi */
	mtc0	$t1, $10
	ehb
	tlbp
	ehb
	mfc0	$at, $0
	mtc0	$t5, $2
	mtc0	$t6, $3
	ehb
	bltz	$at, 8f
	nop
	tlbwi
	b	9f
	nop
8:	tlbwr
9:	lw	$v0, FAST_SOFT_TLB($k1)
	srl	$at, $t1, 9
	andi	$at, $at, SOFT_TLB_INDEX_MASK
	addu	$v0, $v0, $at
	sw	$t1, 0($v0)
	sw	$t5, 4($v0)
	sw	$t6, 8($v0)

/* The kernel view's host ASID again; the batch goes on only with an
 * eret (read before the write). */
.Ltlbw_done:
	lw	$at, FAST_HOST_ASID_KERNEL($k1)
	mtc0	$at, $10
	ehb
	COUNT_HIT FAST_HITS_TLBW
	lui	$at, 0x4200
	ori	$at, $at, 0x0018
	bne	$t3, $at, 1f
	addiu	$t0, $t0, 4
	RESTORE_TLBW
	b	.Leret
	nop
1:	RESTORE_TLBW
	b	.Ldone
	nop

.Ltlbw_none:
	RESTORE_TLBW
	b	.Lnone
	nop
	.end	mips_cop0_fast

	.section .note.GNU-stack, "", %progbits
