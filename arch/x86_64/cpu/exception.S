/* IDT entry stubs and the common entry/return path. Each stub makes the
 * stack look the same (an error code, 0 when the CPU pushes none, then the
 * vector), the common path saves a TrapFrame and calls x86_trap(frame). */
#include "arch/trap_frame.hpp"

/* Vectors with stubs: the 32 exceptions and 16 interrupt vectors for the
 * PC's i8259 pair. The other gates stay not-present, so a stray vector
 * shows up as a #NP naming it. */
#define STUB_VECTORS 48

	.altmacro
	.macro	vector_stub n
	.balign	16
x86_vector_\n:
	.if (\n == 8) || ((\n >= 10) && (\n <= 14)) || (\n == 17) || (\n == 21) || (\n == 29) || (\n == 30)
	/* the CPU pushed an error code */
	.else
	pushq	$0
	.endif
	pushq	$\n
	jmp	x86_exception_entry
	.endm

	.macro	vector_address n
	.quad	x86_vector_\n
	.endm

	.text
	.set	vector, 0
	.rept	STUB_VECTORS
	vector_stub %vector
	.set	vector, vector + 1
	.endr

	.type	x86_exception_entry, @function
x86_exception_entry:
	push	%rax
	push	%rbx
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%rbp
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, %rdi
	cld				/* the ABI's direction flag */
	call	x86_trap
	/* x86_trap handled it: resume the interrupted code */
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rbp
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rbx
	pop	%rax
	add	$16, %rsp		/* vector, error code */
	iretq
	.size	x86_exception_entry, . - x86_exception_entry

	.section .rodata
	.balign	8
	.globl	x86_vector_stubs
	.globl	x86_vector_stubs_end
x86_vector_stubs:
	.set	vector, 0
	.rept	STUB_VECTORS
	vector_address %vector
	.set	vector, vector + 1
	.endr
x86_vector_stubs_end:

	.section .note.GNU-stack, "", @progbits
