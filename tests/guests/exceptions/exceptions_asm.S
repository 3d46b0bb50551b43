/* Instruction snippets for the exceptions guest. Each snippet is a function;
 * <name>_at labels the instruction EPC must name: the faulting instruction,
 * or the branch when the faulting one sits in its delay slot. Every branch
 * targets the instruction after its delay slot, so the recording hook can
 * resume at EPC + 8 whether or not the branch was taken. v0 is preset to
 * 0x5a5a5a5a and returned, to show a faulting load or add left its
 * destination alone. */
	.set	noreorder
	.set	noat

#define SENTINEL 0x5a5a5a5a

	.macro	FUNC name
	.globl	\name
	.globl	\name\()_at
	.type	\name, @function
	.endm

/* The instruction on its own. */
	.macro	PLAIN name, insn:vararg
	FUNC	\name
\name:
	li	$v0, SENTINEL
\name\()_at:
	\insn
	jr	$ra
	nop
	.endm

/* In the delay slot of a taken branch. */
	.macro	SLOT_TAKEN name, insn:vararg
	FUNC	\name
\name:
	li	$v0, SENTINEL
\name\()_at:
	beq	$zero, $zero, 1f
	\insn
1:	jr	$ra
	nop
	.endm

/* In the delay slot of a branch that is not taken (BD is still set). The
 * condition is on a register: QEMU translates "bne $zero, $zero" as a nop
 * and its slot as an ordinary instruction. */
	.macro	SLOT_NOT_TAKEN name, insn:vararg
	FUNC	\name
\name:
	li	$v0, SENTINEL
	move	$t8, $zero
\name\()_at:
	bne	$t8, $zero, 1f
	\insn
1:	jr	$ra
	nop
	.endm

/* In the delay slot of jr (the target is the next instruction but one). */
	.macro	SLOT_JR name, insn:vararg
	FUNC	\name
\name:
	li	$v0, SENTINEL
	la	$t9, 1f
\name\()_at:
	jr	$t9
	\insn
1:	jr	$ra
	nop
	.endm

	.text
/* Opcode 0x18 (DADDI in MIPS64) is reserved in MIPS32: Reserved
 * Instruction. 0x44084000 is mfc1 t0, $f0 (COP1: Coprocessor Unusable, CE=1
 * without an FPU or with Status.CU1 = 0); 0x48020000 is mfc2 v0, $0 (COP2,
 * CE=2). Written as words: guests are built soft-float. */
	PLAIN	exc_syscall, syscall
	PLAIN	exc_break, break
	PLAIN	exc_reserved, .word 0x60000000
	PLAIN	exc_teq, teq $zero, $zero
	PLAIN	exc_add_overflow, add $v0, $a0, $a1
	PLAIN	exc_addi_overflow, addi $v0, $a0, 1
	PLAIN	exc_lw, lw $v0, 0($a0)
	PLAIN	exc_lh, lh $v0, 0($a0)
	PLAIN	exc_sw, sw $a1, 0($a0)
	PLAIN	exc_sh, sh $a1, 0($a0)
	PLAIN	exc_cop1, .word 0x44084000
	PLAIN	exc_cop2, .word 0x48020000

	SLOT_TAKEN	exc_syscall_bd, syscall
	SLOT_TAKEN	exc_break_bd, break
	SLOT_TAKEN	exc_reserved_bd, .word 0x60000000
	SLOT_TAKEN	exc_teq_bd, teq $zero, $zero
	SLOT_TAKEN	exc_add_overflow_bd, add $v0, $a0, $a1
	SLOT_TAKEN	exc_lw_bd, lw $v0, 0($a0)
	SLOT_TAKEN	exc_sw_bd, sw $a1, 0($a0)
	SLOT_TAKEN	exc_cop1_bd, .word 0x44084000
	SLOT_NOT_TAKEN	exc_syscall_bd_not_taken, syscall
	SLOT_NOT_TAKEN	exc_lw_bd_not_taken, lw $v0, 0($a0)
	SLOT_JR		exc_syscall_bd_jr, syscall
	SLOT_JR		exc_sw_bd_jr, sw $a1, 0($a0)

/* uint32_t exc_fetch(uint32_t target): jumps to a misaligned target; the
 * AdEL on the fetch has EPC = BadVAddr = target (PRA 6.2.8). The hook
 * returns to ra. */
	FUNC	exc_fetch
exc_fetch:
exc_fetch_at:
	jr	$a0
	nop

/* uint32_t exc_syscall_exl(void): syscall with Status.EXL already set.
 * EPC is preloaded with exc_syscall_exl_resume; the exception must not
 * change it (PRA 6.2.1: EPC and Cause.BD are only loaded when EXL = 0), so
 * the handler's eret (hook: record_and_resume) lands there: v0 = 1. */
	FUNC	exc_syscall_exl
	.globl	exc_syscall_exl_resume
exc_syscall_exl:
	la	$t0, exc_syscall_exl_resume
	mtc0	$t0, $14
	mfc0	$t1, $12
	ori	$t1, $t1, 0x2
	mtc0	$t1, $12
	ehb
exc_syscall_exl_at:
	syscall
	jr	$ra			/* EPC was changed: wrong */
	li	$v0, 0
exc_syscall_exl_resume:
	jr	$ra
	li	$v0, 1

/* uint32_t exc_eret_erl(void): ERET with both ERL and EXL set returns to
 * ErrorEPC and clears ERL only (PRA ERET: "if StatusERL = 1 then PC <-
 * ErrorEPC; StatusERL <- 0 else PC <- EPC; StatusEXL <- 0"). Returns Status
 * as seen after the eret, or 0xffffffff if it went to EPC instead. Leaves
 * EXL and ERL clear. */
	FUNC	exc_eret_erl
exc_eret_erl:
	la	$t0, 1f
	mtc0	$t0, $30		/* ErrorEPC */
	la	$t0, 2f
	mtc0	$t0, $14		/* EPC */
	mfc0	$t1, $12
	ori	$t1, $t1, 0x6		/* ERL | EXL */
	mtc0	$t1, $12
	ehb
exc_eret_erl_at:
	eret
1:	mfc0	$v0, $12
	b	3f
	nop
2:	li	$v0, -1
3:	mfc0	$t1, $12
	li	$t0, ~0x6
	and	$t1, $t1, $t0
	mtc0	$t1, $12
	ehb
	jr	$ra
	nop
