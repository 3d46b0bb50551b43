/* k0/k1 across hypervisor exits, for the kregs guest. Each function loads
 * k0/k1 with known values, does something that makes the hypervisor run
 * (the guest sees no exception), and returns v0 = k0, v1 = k1. */
	.set	noreorder
	.set	noat

#define K0_VALUE 0x6b306b30
#define K1_VALUE 0x6b316b31

	.macro	BEGIN name
	.globl	\name
	.type	\name, @function
\name:
	li	$k0, K0_VALUE
	li	$k1, K1_VALUE
	.endm

	.macro	END
	move	$v0, $k0
	jr	$ra
	move	$v1, $k1
	.endm

	.text
/* A load from a0: a page the host TLB has not mapped yet. */
	BEGIN	kregs_load
	lw	$t0, 0($a0)
	END

/* A store to a0. */
	BEGIN	kregs_store
	sw	$zero, 0($a0)
	END

/* An emulated CP0 read and write. */
	BEGIN	kregs_cp0
	mfc0	$t0, $30
	mtc0	$t0, $30
	ehb
	END

/* A device register load (a0 = its address). */
	BEGIN	kregs_mmio
	lbu	$t0, 0($a0)
	END

/* An emulated RDHWR. */
	BEGIN	kregs_rdhwr
	rdhwr	$t0, $2
	END

/* a0 iterations of a loop that checks k0/k1 every time, long enough for
 * host timer interrupts (and, with other guests, world switches). Stops
 * at the first change. */
	BEGIN	kregs_spin
	li	$t8, K0_VALUE
	li	$t9, K1_VALUE
1:	bne	$k0, $t8, 2f
	nop
	bne	$k1, $t9, 2f
	addiu	$a0, $a0, -1
	bnez	$a0, 1b
	nop
2:	END
