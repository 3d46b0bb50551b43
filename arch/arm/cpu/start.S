/* AArch64 start-up: QEMU's -kernel loads this ELF at its link address and
 * enters _start at the highest EL it emulates below EL3 (EL1 for -M virt,
 * EL2 with virtualization=on), MMU and caches off, exceptions masked.
 * x0 may hold a device tree address (Linux boot protocol); keep it. */

/* Constants the C++ side spells with arch/sysregs.hpp types. */
#define HCR_EL2_RW          (1 << 31)     /* EL1 runs AArch64 */
#define CNTHCTL_EL1PCTEN    (1 << 0)      /* EL1 may read the physical counter */
#define CNTHCTL_EL1PCEN     (1 << 1)      /* ... and use the physical timer */
#define CPTR_EL2_RES1       0x33ff        /* TFP (bit 10) clear: FP/SIMD not trapped */
#define SCTLR_EL1_RES1      0x30d00800    /* MMU, caches, alignment checks off */
#define SPSR_EL1H_MASKED    0x3c5         /* EL1 with SP_EL1, D/A/I/F masked */
#define CPACR_FPEN_ON       (3 << 20)     /* EL0/EL1 FP/SIMD not trapped */

	.section .text.start, "ax"
	.globl	_start
	.type	_start, %function
_start:
	msr	daifset, #0xf
	mov	x19, x0
	mrs	x20, CurrentEL
	ubfx	x20, x20, #2, #2		/* the EL we were started at */
	cmp	x20, #1
	b.eq	at_el1
	cmp	x20, #2
	b.ne	unsupported_el

	/* EL2: the stub runs all of Tern at EL1 (the EL2 backend is future
	 * work), so hand EL1 a clean AArch64 world and drop to it. SCTLR_EL1
	 * and CPTR_EL2 have UNKNOWN reset values on hardware. */
	mov	x0, #HCR_EL2_RW
	msr	hcr_el2, x0
	mov	x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr		/* virtual count == physical count */
	mov	x0, #CPTR_EL2_RES1
	msr	cptr_el2, x0
	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	mov	x0, #SPSR_EL1H_MASKED
	msr	spsr_el2, x0
	adr	x0, at_el1
	msr	elr_el2, x0
	eret

at_el1:
	/* Debian's libfdt.a uses SIMD registers: FP/SIMD must not trap. Tern's
	 * own code is built with -mgeneral-regs-only. */
	mov	x0, #CPACR_FPEN_ON
	msr	cpacr_el1, x0
	isb
	adrp	x0, __boot_stack_top
	add	x0, x0, :lo12:__boot_stack_top
	mov	sp, x0

	/* BSS is 16-byte aligned at both ends (link.ld). */
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b

2:	mov	x0, x19
	mov	x1, x20
	bl	arm_boot
	b	halt

unsupported_el:
	/* EL3 (-M virt,secure=on): no firmware to hand EL1 over properly. */
halt:	wfe
	b	halt
	.size	_start, . - _start
	.ltorg

	.section .note.GNU-stack, "", %progbits
