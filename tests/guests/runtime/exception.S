/* The common exception entry of a test guest: saves a guest::Frame on the
 * current stack, calls exception_dispatch, restores the frame (with EPC and
 * Status) and returns with eret. Entered from a vector stub with EXL set,
 * k1 = the vector's address; k0 and k1 are not preserved (o32 reserves them
 * for exception handlers). */
#include "frame_layout.h"

	.set	noreorder
	.set	noat

#define OFF(x)	(ARG_SAVE_AREA + (x))
#define SAVE(n)		sw	$n, OFF(FRAME_GPR(n))($sp)
#define RESTORE(n)	lw	$n, OFF(FRAME_GPR(n))($sp)

	.text
	.globl	exception_entry
exception_entry:
	move	$k0, $sp
	addiu	$sp, $sp, -(FRAME_SIZE + ARG_SAVE_AREA)
	sw	$k0, OFF(FRAME_GPR(29))($sp)
	sw	$zero, OFF(FRAME_GPR(0))($sp)
	SAVE(1); SAVE(2); SAVE(3); SAVE(4); SAVE(5); SAVE(6); SAVE(7)
	SAVE(8); SAVE(9); SAVE(10); SAVE(11); SAVE(12); SAVE(13); SAVE(14); SAVE(15)
	SAVE(16); SAVE(17); SAVE(18); SAVE(19); SAVE(20); SAVE(21); SAVE(22); SAVE(23)
	SAVE(24); SAVE(25); SAVE(28); SAVE(30); SAVE(31)
	sw	$k1, OFF(FRAME_GPR(27))($sp)
	sw	$k1, OFF(FRAME_VECTOR)($sp)
	mfhi	$t0
	sw	$t0, OFF(FRAME_HI)($sp)
	mflo	$t0
	sw	$t0, OFF(FRAME_LO)($sp)
	mfc0	$t0, $12		/* Status */
	sw	$t0, OFF(FRAME_STATUS)($sp)
	mfc0	$t0, $13		/* Cause */
	sw	$t0, OFF(FRAME_CAUSE)($sp)
	mfc0	$t0, $14		/* EPC */
	sw	$t0, OFF(FRAME_EPC)($sp)
	mfc0	$t0, $8			/* BadVAddr */
	sw	$t0, OFF(FRAME_BADVADDR)($sp)

	jal	exception_dispatch
	addiu	$a0, $sp, ARG_SAVE_AREA

	/* Status as the hook left it, but with EXL kept set until the eret
	 * so that no interrupt is taken on the way out. */
	lw	$t0, OFF(FRAME_STATUS)($sp)
	ori	$t0, $t0, 0x2
	mtc0	$t0, $12
	lw	$t0, OFF(FRAME_EPC)($sp)
	mtc0	$t0, $14
	lw	$t0, OFF(FRAME_HI)($sp)
	mthi	$t0
	lw	$t0, OFF(FRAME_LO)($sp)
	mtlo	$t0
	RESTORE(1); RESTORE(2); RESTORE(3); RESTORE(4); RESTORE(5); RESTORE(6); RESTORE(7)
	RESTORE(8); RESTORE(9); RESTORE(10); RESTORE(11); RESTORE(12); RESTORE(13)
	RESTORE(14); RESTORE(15); RESTORE(16); RESTORE(17); RESTORE(18); RESTORE(19)
	RESTORE(20); RESTORE(21); RESTORE(22); RESTORE(23); RESTORE(24); RESTORE(25)
	RESTORE(28); RESTORE(30); RESTORE(31)
	RESTORE(29)
	ehb				/* MTC0 EPC/Status -> ERET (PRA 2.8.1) */
	eret

/* The BEV=0 vector stub use_ram_vectors() copies to RAM; it patches the
 * immediates of the first two instructions with the vector's address. */
	.globl	vector_template
	.globl	vector_template_end
vector_template:
	lui	$k1, 0
	ori	$k1, $k1, 0
	lui	$k0, %hi(exception_entry)
	addiu	$k0, $k0, %lo(exception_entry)
	jr	$k0
	nop
vector_template_end:

/* void sync_icache(uint32_t va, uint32_t len): SYNCI every line of the range
 * (step from RDHWR SYNCI_Step, 0 = nothing to do), then an instruction
 * hazard barrier on return (PRA: SYNCI, JR.HB). */
	.globl	sync_icache
sync_icache:
	rdhwr	$t0, $1
	beqz	$t0, 2f
	addu	$a1, $a0, $a1
	subu	$t1, $zero, $t0
	and	$a0, $a0, $t1
1:	synci	0($a0)
	addu	$a0, $a0, $t0
	sltu	$t1, $a0, $a1
	bnez	$t1, 1b
	nop
2:	sync
	jr.hb	$ra
	nop

/* void idle(void): see cpu.hpp. */
	.globl	idle
	.globl	idle_wait
idle:
	ei
	ehb
idle_wait:
	wait
	di
	jr.hb	$ra
	nop
