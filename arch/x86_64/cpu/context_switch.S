/* x86_context_switch(from, to): save the callee-saved registers of the
 * running context into *from, resume *to. */
#include "arch/context.hpp"

	.text
	.globl	x86_context_switch
	.type	x86_context_switch, @function
x86_context_switch:
	mov	%rbx, CTX_RBX(%rdi)
	mov	%rbp, CTX_RBP(%rdi)
	mov	%r12, CTX_R12(%rdi)
	mov	%r13, CTX_R13(%rdi)
	mov	%r14, CTX_R14(%rdi)
	mov	%r15, CTX_R15(%rdi)
	pop	%rax			/* our return address: where *from resumes */
	mov	%rax, CTX_RIP(%rdi)
	mov	%rsp, CTX_RSP(%rdi)

	mov	CTX_RBX(%rsi), %rbx
	mov	CTX_RBP(%rsi), %rbp
	mov	CTX_R12(%rsi), %r12
	mov	CTX_R13(%rsi), %r13
	mov	CTX_R14(%rsi), %r14
	mov	CTX_R15(%rsi), %r15
	mov	CTX_RSP(%rsi), %rsp
	jmp	*CTX_RIP(%rsi)
	.size	x86_context_switch, . - x86_context_switch

/* First switch into a new context: r12 = entry, r13 = its argument; rsp
 * is 16-byte aligned, so the call leaves the ABI's alignment. */
	.globl	x86_context_start
	.type	x86_context_start, @function
x86_context_start:
	mov	%r13, %rdi
	call	*%r12
1:	hlt				/* entry never returns */
	jmp	1b
	.size	x86_context_start, . - x86_context_start

	.section .note.GNU-stack, "", @progbits
