/* Reset entry and BEV=1 exception vectors of a test guest. Linked at the
 * moved reset vector 0x3FC00000 (guest.ld): guest-physical 0x1FC00000 seen
 * through the guest's KSEG1, where the VCPU starts with Status = BEV | ERL.
 * The BEV=1 vectors sit at reset + 0x200/0x380/0x400 (PRA 6.2.1). */
#include "frame_layout.h"

	.set	noreorder
	.set	noat

/* A vector: k1 = its own address (for the frame), then exception_entry.
 * The refill vector has 0x80 bytes, the others more: six words fit all. */
	.macro	ROM_VECTOR
1:	lui	$k1, %hi(1b)
	addiu	$k1, $k1, %lo(1b)
	lui	$k0, %hi(exception_entry)
	addiu	$k0, $k0, %lo(exception_entry)
	jr	$k0
	nop
	.endm

	.section .text.reset, "ax"
	.globl	_reset
_reset:
	lui	$k0, %hi(reset_continue)
	addiu	$k0, $k0, %lo(reset_continue)
	jr	$k0
	nop

	.org	0x200
bev_refill:		/* TLB refill with EXL = 0 */
	ROM_VECTOR
	.org	0x380
bev_general:		/* everything else */
	ROM_VECTOR
	.org	0x400
bev_interrupt:		/* interrupts when Cause.IV = 1 */
	ROM_VECTOR

	.text
reset_continue:
	/* The reset Status and Cause, before this code changes Status. */
	mfc0	$s0, $12
	mfc0	$s1, $13

	/* Leave the reset state for plain kernel mode: ERL and EXL clear (an
	 * eret with ERL set would return to ErrorEPC), BEV kept, all
	 * interrupts masked. */
	lui	$t0, 0x0040		/* Status.BEV */
	mtc0	$t0, $12
	ehb

	la	$sp, __stack_top

	la	$t0, __bss_start
	la	$t1, __bss_end
1:	beq	$t0, $t1, 2f
	nop
	sw	$zero, 0($t0)
	b	1b
	addiu	$t0, $t0, 4

	/* .data is linked where it is loaded (ROM is writable in Tern);
	 * copy it only if a linker script places it elsewhere. */
2:	la	$t0, __data_start
	la	$t1, __data_end
	la	$t2, __data_load
	beq	$t0, $t2, 4f
	nop
3:	beq	$t0, $t1, 4f
	nop
	lw	$t3, 0($t2)
	sw	$t3, 0($t0)
	addiu	$t0, $t0, 4
	b	3b
	addiu	$t2, $t2, 4

4:	la	$t0, reset_status
	sw	$s0, 0($t0)
	la	$t0, reset_cause
	sw	$s1, 0($t0)

	/* C++ constructors (test guests should not need any). */
	la	$s2, __init_array_start
	la	$s3, __init_array_end
5:	beq	$s2, $s3, 6f
	nop
	lw	$t9, 0($s2)
	jalr	$t9
	addiu	$s2, $s2, 4
	b	5b
	nop

6:	jal	main
	nop
	jal	main_returned
	nop
