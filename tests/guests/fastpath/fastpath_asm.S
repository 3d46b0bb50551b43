/* Exact instruction sequences for the fastpath guest: privileged
 * instructions back to back (as a refill handler or a context switch
 * writes them), every GPR as their operand, sequences across page
 * boundaries, eret into a pending interrupt, mapped accesses at known
 * addresses (<name>_at, <name>_branch) for the EPC checks, and the
 * user-mode snippets. */
#include "fastpath.h"

	.set	noreorder
	.set	noat

#define SENTINEL	0x5a5a5a5a

	.text

/* --- every GPR as an mtc0 source and an mfc0 destination ------------------ */

/* HI, LO and every GPR r = FP_PATTERN(r), or FP_PATTERN_SAME(r) when
 * `same`; $sp = FP_SWEEP_SP. */
	.macro	PRESET n, same
	li	$1, FP_HI(\n)
	mthi	$1
	li	$1, FP_LO(\n)
	mtlo	$1
	.irp	r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30, 31
	.if	\same
	li	$\r, FP_PATTERN_SAME(\r)
	.else
	li	$\r, FP_PATTERN(\r)
	.endif
	.endr
	li	$sp, FP_SWEEP_SP
	.endm

/* Step n: $n as the source of three mtc0 and, after a TLB write (tlbwi
 * at Index for even n, tlbwr for odd n), as the destination of an mfc0,
 * back to back; then every GPR, HI, LO and what the CP0 registers hold
 * go to the tables ($zero-based: no register is spared). */
	.macro	SWEEP n, same
	PRESET	\n, \same
	mtc0	$\n, $2			/* EntryLo0 */
	mtc0	$\n, $4, 2		/* UserLocal: all 32 bits */
	mtc0	$\n, $10		/* EntryHi */
	ehb
	.if	\n & 1
	tlbwr
	.else
	tlbwi
	.endif
	mfc0	$\n, $3			/* EntryLo1, set on entry */
	.irp	r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	sw	$\r, (FP_SWEEP_REGS + \n * 128 + \r * 4)($zero)
	.endr
	mfc0	$t0, $2
	sw	$t0, (FP_SWEEP_CP0 + \n * 32)($zero)
	mfc0	$t0, $4, 2
	sw	$t0, (FP_SWEEP_CP0 + \n * 32 + 4)($zero)
	mfc0	$t0, $10
	sw	$t0, (FP_SWEEP_CP0 + \n * 32 + 8)($zero)
	mfhi	$t0
	sw	$t0, (FP_SWEEP_CP0 + \n * 32 + 12)($zero)
	mflo	$t0
	sw	$t0, (FP_SWEEP_CP0 + \n * 32 + 16)($zero)
	.endm

/* void fp_gpr_sweep_<name>(uint32_t entrylo1): EntryLo1 = entrylo1, then
 * SWEEP 0 ... SWEEP 31. Interrupts must be off. */
	.macro	GPR_SWEEP name, same
	.globl	fp_gpr_sweep_\name
fp_gpr_sweep_\name:
	.irp	r, 16, 17, 18, 19, 20, 21, 22, 23, 28, 29, 30, 31
	sw	$\r, (FP_SWEEP_SAVE + \r * 4)($zero)
	.endr
	mtc0	$a0, $3
	ehb
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	SWEEP	\n, \same
	.endr
	.irp	r, 16, 17, 18, 19, 20, 21, 22, 23, 28, 29, 30, 31
	lw	$\r, (FP_SWEEP_SAVE + \r * 4)($zero)
	.endr
	jr	$ra
	nop
	.endm

/* Every EntryHi write changes the ASID ... */
	GPR_SWEEP new_asid, 0
/* ... or none does. */
	GPR_SWEEP same_asid, 1

/* --- a refill-style sequence across page boundaries ---------------------- */

/* uint32_t (a0 = EntryLo0, a1 = EntryLo1, a2 = PageMask, a3 = EntryHi):
 * writes the four registers back to back, tlbwi at the caller's Index,
 * returns EntryLo0 as read back and writes UserLocal = a0 in the delay
 * slot of its return. Position-independent: fastpath.cpp copies it so
 * that each of its words in turn is the last word of a page. */
	.macro	STRADDLE_BODY
	mtc0	$a0, $2			/* 0 */
	mtc0	$a1, $3			/* 1 */
	mtc0	$a2, $5			/* 2 */
	mtc0	$a3, $10		/* 3 */
	ehb				/* 4 */
	tlbwi				/* 5 */
	ehb				/* 6 */
	mfc0	$v0, $2			/* 7 */
	jr	$ra			/* 8 */
	mtc0	$a0, $4, 2		/* 9: in the delay slot */
	.endm

	.globl	fp_straddle
	.globl	fp_straddle_end
fp_straddle:
	STRADDLE_BODY
fp_straddle_end:

/* The same in the ROM, with the page boundary between the first two
 * mtc0 (its own section, so only it is page-aligned). */
	.section .text.fp_straddle_rom, "ax"
	.balign	4096
	.space	4096 - 4
	.globl	fp_straddle_rom
fp_straddle_rom:
	STRADDLE_BODY

	.text

/* --- EntryHi with another ASID in the middle of a sequence ------------------ */

/* void fp_asid_mid(uint32_t lo0, uint32_t hi, uint32_t lo1) */
	.globl	fp_asid_mid
fp_asid_mid:
	mtc0	$a0, $2
	mtc0	$a1, $10
	mtc0	$a2, $3
	ehb
	jr	$ra
	nop

/* uint32_t fp_asid_load(uint32_t va, uint32_t hi, uint32_t lo0, uint32_t lo1):
 * the same three writes, then a load from va, which translates through
 * the new ASID; v0 = SENTINEL if the load faulted and was skipped. */
	.globl	fp_asid_load
	.globl	fp_asid_load_at
fp_asid_load:
	li	$v0, SENTINEL
	mtc0	$a2, $2
	mtc0	$a1, $10
	mtc0	$a3, $3
	ehb
fp_asid_load_at:
	lw	$v0, 0($a0)
	jr	$ra
	nop

/* --- eret into a pending interrupt ---------------------------------------- */

/* uint32_t fp_eret_irq(uint32_t status): Status = status | EXL (the
 * interrupt is held), EPC = fp_eret_target, then Cause.IP0 is raised and
 * eret clears EXL. If status enables IP0 the interrupt is taken at the
 * target before its first instruction runs. Returns how many times that
 * instruction ran (1), with interrupts disabled again. */
	.globl	fp_eret_irq
	.globl	fp_eret_target
fp_eret_irq:
	lui	$t0, %hi(fp_eret_target)
	addiu	$t0, $t0, %lo(fp_eret_target)
	mtc0	$t0, $14
	ori	$a0, $a0, 0x2
	mtc0	$a0, $12
	mfc0	$t1, $13
	ori	$t1, $t1, 0x100		/* Cause.IP0 */
	mtc0	$t1, $13
	move	$v0, $zero
	ehb
	eret
	li	$v0, 0x0BAD		/* never: eret has no delay slot */
fp_eret_target:
	addiu	$v0, $v0, 1
	di
	ehb
	jr	$ra
	nop

/* uint32_t fp_eret_batch(void): with EXL set, "mtc0 EPC; mtc0 UserLocal;
 * ehb; eret" back to back, both mtc0 writing fp_eret_batch_target.
 * Returns Status as read at the target (0xBAD if eret fell through). */
	.globl	fp_eret_batch
	.globl	fp_eret_batch_target
fp_eret_batch:
	mfc0	$t0, $12
	ori	$t0, $t0, 0x2
	mtc0	$t0, $12
	lui	$t1, %hi(fp_eret_batch_target)
	addiu	$t1, $t1, %lo(fp_eret_batch_target)
	ehb
	mtc0	$t1, $14
	mtc0	$t1, $4, 2
	ehb
	eret
	jr	$ra			/* never: eret has no delay slot */
	li	$v0, 0xBAD
fp_eret_batch_target:
	mfc0	$v0, $12
	jr	$ra
	nop

/* --- kernel-mode mapped accesses ------------------------------------------------ */

/* uint32_t fp_lw(uint32_t va): v0 = SENTINEL if the load faulted. */
	.globl	fp_lw
	.globl	fp_lw_at
fp_lw:
	li	$v0, SENTINEL
fp_lw_at:
	lw	$v0, 0($a0)
	jr	$ra
	nop

/* void fp_sw(uint32_t va, uint32_t value) */
	.globl	fp_sw
	.globl	fp_sw_at
fp_sw:
fp_sw_at:
	sw	$a1, 0($a0)
	jr	$ra
	nop

/* The load in the delay slot of a taken beq, a not-taken bne and a jr;
 * every path continues right after the slot (docs/guest-tests.md, "Delay
 * slots"). The not-taken condition is on a register: QEMU translates
 * "bne $zero, $zero" as a nop and its slot as an ordinary instruction. */
	.globl	fp_lw_beq
	.globl	fp_lw_beq_branch
fp_lw_beq:
	li	$v0, SENTINEL
fp_lw_beq_branch:
	beq	$zero, $zero, 1f
	lw	$v0, 0($a0)
1:	jr	$ra
	nop

	.globl	fp_lw_bne
	.globl	fp_lw_bne_branch
fp_lw_bne:
	li	$v0, SENTINEL
	move	$t8, $zero
fp_lw_bne_branch:
	bne	$t8, $zero, 1f
	lw	$v0, 0($a0)
1:	jr	$ra
	nop

	.globl	fp_lw_jr
	.globl	fp_lw_jr_branch
fp_lw_jr:
	li	$v0, SENTINEL
	lui	$t9, %hi(.Lfp_lw_jr_target)
	addiu	$t9, $t9, %lo(.Lfp_lw_jr_target)
fp_lw_jr_branch:
	jr	$t9
	lw	$v0, 0($a0)
.Lfp_lw_jr_target:
	jr	$ra
	nop

/* --- a refill handler that misses itself ---------------------------------------- */

/* Copied to EBase + 0x000: loads through the pointer in fp_nested_va (an
 * unmapped KSEG2 address), so its own load misses with EXL = 1. */
	.globl	fp_nested_refill
	.globl	fp_nested_refill_end
fp_nested_refill:
	lui	$k0, %hi(fp_nested_va)
	lw	$k0, %lo(fp_nested_va)($k0)
	lw	$k0, 0($k0)
	eret				/* not reached */
fp_nested_refill_end:

/* --- a software refill handler -------------------------------------------------- */

/* A Linux-style refill handler, copied to EBase + 0x000. fp_page_table
 * holds 256 page pairs (EntryLo0, EntryLo1), indexed by BadVPN2 mod 256
 * (Context bits 11:4). It counts its runs in fp_refills first, so that it
 * ends in the classic back-to-back "mtc0 EntryLo0; mtc0 EntryLo1; ehb;
 * tlbwr; eret". Only k0 and k1. */
	.globl	fp_sw_refill
	.globl	fp_sw_refill_end
fp_sw_refill:
	lui	$k0, %hi(fp_refills)
	lw	$k1, %lo(fp_refills)($k0)
	addiu	$k1, $k1, 1
	sw	$k1, %lo(fp_refills)($k0)
	mfc0	$k0, $4			/* Context: BadVPN2 in bits 22:4 */
	srl	$k0, $k0, 1		/* 8 bytes per pair */
	andi	$k0, $k0, 0x7F8		/* 256 pairs (PTEBase falls off) */
	lui	$k1, %hi(fp_page_table)
	addu	$k1, $k1, $k0
	lw	$k0, %lo(fp_page_table)($k1)
	lw	$k1, %lo(fp_page_table + 4)($k1)
	mtc0	$k0, $2
	mtc0	$k1, $3
	ehb
	tlbwr
	eret
fp_sw_refill_end:

/* --- a refill handler's first instruction -------------------------------------- */

/* Refill handlers that begin, as nearly all do, with an mfc0 of BadVAddr,
 * Context or EntryHi into k0 or k1 (a hypervisor may serve that
 * instruction together with the refill it delivers). Each stub, copied
 * to EBase + 0x000, records the value in fp_first_value and goes on in
 * fp_first_common, which maps the missing pair onto fp_first_lo[0..1]. */
	.globl	fp_first_badvaddr_k1
	.globl	fp_first_context_k1
	.globl	fp_first_entryhi_k0
	.macro	FIRST_MFC0 label, dst, tmp, reg
\label:
	mfc0	\dst, \reg
	lui	\tmp, %hi(fp_first_value)
	sw	\dst, %lo(fp_first_value)(\tmp)
	lui	\tmp, %hi(fp_first_common)	/* an absolute jump: the stub runs at EBase */
	addiu	\tmp, \tmp, %lo(fp_first_common)
	jr	\tmp
	nop
	.endm
	FIRST_MFC0 fp_first_badvaddr_k1, $k1, $k0, $8
	FIRST_MFC0 fp_first_context_k1, $k1, $k0, $4
	FIRST_MFC0 fp_first_entryhi_k0, $k0, $k1, $10
fp_first_common:
	lui	$k0, %hi(fp_first_lo)
	lw	$k1, %lo(fp_first_lo)($k0)
	mtc0	$k1, $2
	lw	$k1, %lo(fp_first_lo + 4)($k0)
	mtc0	$k1, $3
	ehb
	tlbwr
	eret

/* --- user-mode snippets ----------------------------------------------------------- */

/* They run at their link address, mapped for user mode by a global TLB
 * entry for the ROM; each ends in syscall (the guest's Sys hook returns
 * to kernel mode). run_user passes a0 and a1. */
	.balign	16

/* a0 = address: v0 = the word there (SENTINEL if the load faulted). */
	.globl	fp_user_load
	.globl	fp_user_load_at
fp_user_load:
	li	$v0, SENTINEL
fp_user_load_at:
	lw	$v0, 0($a0)
	syscall

/* a0 = address, a1 = value. */
	.globl	fp_user_store
	.globl	fp_user_store_at
fp_user_store:
fp_user_store_at:
	sw	$a1, 0($a0)
	syscall

/* a0 = a page pair: v0 = the tag word at +0, v1 = the counter at
 * +0x1004 (the odd page) after incrementing it there. */
	.globl	fp_user_count
fp_user_count:
	lw	$v0, 0($a0)
	lw	$v1, 0x1004($a0)
	addiu	$v1, $v1, 1
	sw	$v1, 0x1004($a0)
	syscall

/* The first syscall asks the kernel to return with an interrupt pending
 * and enabled: it must be taken at fp_user_irq_resume, before the
 * addiu. v0 = how many times the addiu ran. */
	.globl	fp_user_irq
	.globl	fp_user_irq_arm
	.globl	fp_user_irq_resume
fp_user_irq:
	move	$v0, $zero
fp_user_irq_arm:
	syscall
fp_user_irq_resume:
	addiu	$v0, $v0, 1
	syscall

/* a0 = the first page, a1 = pages (>= 1): v0 = the sum of the words at
 * +0x10 of pages 0 .. a1 - 1, each also stored at +0x14 of its page.
 * Each page's load sits in the delay slot of the loop's branch (taken,
 * and not taken at the end, when it loads page a1, which must be mapped
 * too), so refills there have EPC = the branch and Cause.BD set. */
	.globl	fp_user_walk
fp_user_walk:
	move	$v0, $zero
	lw	$t0, 0x10($a0)
1:	addu	$v0, $v0, $t0
	sw	$t0, 0x14($a0)
	addiu	$a1, $a1, -1
	addiu	$a0, $a0, 0x1000
	bnez	$a1, 1b
	lw	$t0, 0x10($a0)
	syscall

	.bss
	.align	2
	.globl	fp_nested_va
fp_nested_va:	.space	4
	.globl	fp_refills
fp_refills:	.space	4
	.globl	fp_first_value
fp_first_value:	.space	4
	.balign	8		/* %lo(fp_first_lo + 4) needs no carry */
	.globl	fp_first_lo
fp_first_lo:	.space	8
	/* 2 KiB-aligned: %lo(fp_page_table + 4) needs no carry */
	.balign	2048
	.globl	fp_page_table
fp_page_table:	.space	256 * 8
