/* x86-64 start-up. QEMU's multiboot loader (-kernel) enters _start in
 * 32-bit protected mode, paging off, interrupts off, with EAX = the loader
 * magic and EBX = the multiboot information. This code identity-maps the
 * first 4 GiB, enters long mode and calls x86_boot(magic, info). */
#include "arch/segments.hpp"

#define MULTIBOOT_MAGIC     0x1badb002
#define MULTIBOOT_FLAGS     ((1 << 0) | (1 << 1))  /* page-align modules, memory info */

#define CR0_MP              (1 << 1)    /* WAIT honours TS */
#define CR0_EM              (1 << 2)    /* x87/SSE emulation: must be off for SSE */
#define CR0_PG              (1 << 31)
#define CR4_PAE             (1 << 5)
#define CR4_OSFXSR          (1 << 9)    /* SSE instructions and FXSAVE */
#define CR4_OSXMMEXCPT      (1 << 10)   /* SIMD FP exceptions as #XM */
#define MSR_EFER            0xc0000080
#define EFER_LME            (1 << 8)    /* long mode enable */

#define PTE_PRESENT         (1 << 0)
#define PTE_WRITE           (1 << 1)
#define PTE_LARGE           (1 << 7)    /* in a page directory: a 2 MiB page */
#define MAPPED_GIB          4           /* one page directory per GiB */

/* The multiboot header: 4-byte aligned within the first 8 KiB of the file
 * (link.ld puts it first). With bit 16 clear the loader takes the load
 * addresses from the ELF program headers. */
	.section .multiboot, "a"
	.balign	4
	.long	MULTIBOOT_MAGIC
	.long	MULTIBOOT_FLAGS
	.long	-(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

	.section .text.start, "ax"
	.code32
	.globl	_start
	.type	_start, @function
_start:
	cli
	cld
	mov	%eax, %esi			/* kept for x86_boot */
	mov	$__boot_stack_top, %esp

	/* BSS first: the page tables live there. */
	mov	$__bss_start, %edi
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	xor	%eax, %eax
	rep stosb

	/* PML4[0] -> PDPT; PDPT[0..3] -> four page directories of 2 MiB
	 * pages mapping 0-4 GiB 1:1 (RAM, the 32-bit PCI hole, local APIC).
	 * The high halves of the entries stay zero from the BSS clear. */
	mov	$x86_pdpt, %eax
	or	$(PTE_PRESENT | PTE_WRITE), %eax
	mov	%eax, x86_pml4
	mov	$x86_page_dirs, %eax
	or	$(PTE_PRESENT | PTE_WRITE), %eax
	xor	%ecx, %ecx
1:	mov	%eax, x86_pdpt(, %ecx, 8)
	add	$4096, %eax
	inc	%ecx
	cmp	$MAPPED_GIB, %ecx
	jne	1b
	mov	$(PTE_PRESENT | PTE_WRITE | PTE_LARGE), %eax
	xor	%ecx, %ecx
2:	mov	%eax, x86_page_dirs(, %ecx, 8)
	add	$0x200000, %eax
	inc	%ecx
	cmp	$(MAPPED_GIB * 512), %ecx
	jne	2b

	/* Long mode: PAE paging with the PML4, EFER.LME, then paging on (SDM
	 * 10.8.5). The far jump through the 64-bit code descriptor leaves
	 * compatibility mode. */
	mov	$x86_pml4, %eax
	mov	%eax, %cr3
	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr
	mov	%cr0, %eax
	or	$CR0_PG, %eax
	mov	%eax, %cr0
	lgdt	x86_gdt_pointer
	ljmp	$GDT_KERNEL_CODE, $long_mode

	.code64
long_mode:
	mov	$GDT_KERNEL_DATA, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	xor	%eax, %eax
	mov	%eax, %fs			/* FS base comes from the MSR (x86_boot) */
	mov	%eax, %gs
	mov	$__boot_stack_top, %rsp

	/* SSE on: Debian's libfdt.a is built by the host compiler, which may
	 * use SSE registers. Tern's own code is built without them. */
	mov	%cr0, %rax
	and	$~CR0_EM, %rax
	or	$CR0_MP, %rax
	mov	%rax, %cr0
	mov	%cr4, %rax
	or	$(CR4_OSFXSR | CR4_OSXMMEXCPT), %rax
	mov	%rax, %cr4

	mov	%esi, %edi			/* the loader magic, zero-extended */
	mov	%ebx, %esi			/* the multiboot information */
	call	x86_boot
3:	hlt
	jmp	3b
	.size	_start, . - _start

	.data
	.balign	8
x86_gdt:
	.quad	0
	.quad	0x00af9b000000ffff		/* GDT_KERNEL_CODE: 64-bit, DPL 0, accessed */
	.quad	0x00cf93000000ffff		/* GDT_KERNEL_DATA: read/write, accessed */
x86_gdt_end:
x86_gdt_pointer:
	.word	x86_gdt_end - x86_gdt - 1
	.quad	x86_gdt

	.bss
	.balign	4096
x86_pml4:
	.skip	4096
x86_pdpt:
	.skip	4096
x86_page_dirs:
	.skip	4096 * MAPPED_GIB

	.section .note.GNU-stack, "", @progbits
