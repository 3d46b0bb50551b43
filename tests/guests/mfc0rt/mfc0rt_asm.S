/* mfc0_every_rt(out): `mfc0 $n, PRId` then `mfc0 $n, Status` for every
 * GPR n except $0 and $sp, storing what each register received into
 * out[2n] and out[2n+1]. Exercises the emulation's (and its assembly fast
 * path's) write-back to every register, $at, $k0 and $k1 included. */
	.set	noreorder
	.set	noat
	.text
	.globl	mfc0_every_rt
	.ent	mfc0_every_rt
mfc0_every_rt:
	addiu	$sp, $sp, -304		/* 32 saved GPRs + 2 x 32 results */
	.irp	n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30, 31
	sw	$\n, (\n * 4)($sp)
	.endr
	.irp	n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30, 31
	mfc0	$\n, $15
	sw	$\n, (128 + \n * 8)($sp)
	mfc0	$\n, $12
	sw	$\n, (132 + \n * 8)($sp)
	.endr
	lw	$4, (4 * 4)($sp)		/* out */
	move	$2, $zero
1:	addu	$3, $sp, $2
	lw	$5, 128($3)
	addu	$6, $4, $2
	sw	$5, 0($6)
	addiu	$2, $2, 4
	sltiu	$7, $2, 256
	bnez	$7, 1b
	nop
	.irp	n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30, 31
	lw	$\n, (\n * 4)($sp)
	.endr
	jr	$ra
	addiu	$sp, $sp, 304
	.end	mfc0_every_rt
