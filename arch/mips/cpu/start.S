/* MIPS start-up: QEMU's Malta boot code jumps here in kernel mode with
 * a0 = argc, a1 = argv, a2 = envp, a3 = RAM size (all KSEG0 values). */
#include "arch/trap_frame.hpp"

	.set	noreorder
	.section .text.start, "ax"
	.globl	_start
	.ent	_start
_start:
	/* Kernel mode, interrupts off, EXL/ERL clear, CU0 on; BEV stays set
	 * until mips_boot has installed the vectors at EBase. */
	lui	$t0, 0x1040		/* CU0 | BEV */
	mtc0	$t0, $12
	ehb
	lui	$gp, %hi(_gp)		/* libfdt is abicalls code: it needs $gp */
	addiu	$gp, $gp, %lo(_gp)
	lui	$sp, %hi(__boot_stack_top)
	addiu	$sp, $sp, %lo(__boot_stack_top)
	move	$s0, $a0
	move	$s1, $a1
	move	$s2, $a2
	move	$s3, $a3

	lui	$t0, %hi(__bss_start)
	addiu	$t0, $t0, %lo(__bss_start)
	lui	$t1, %hi(__bss_end)
	addiu	$t1, $t1, %lo(__bss_end)
1:	beq	$t0, $t1, 2f
	nop
	sw	$zero, 0($t0)
	b	1b
	addiu	$t0, $t0, 4

2:	move	$a0, $s0
	move	$a1, $s1
	move	$a2, $s2
	move	$a3, $s3
	jal	mips_boot
	addiu	$sp, $sp, -16		/* o32: room for the callee's $a0-$a3 */
3:	wait
	b	3b
	nop
	.end	_start

	.section .note.GNU-stack, "", %progbits
