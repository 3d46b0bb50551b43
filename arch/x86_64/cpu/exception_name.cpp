// Names of x86 exception vectors (SDM vol. 3A, table 6-1), for reports.
#include "arch/cpu_regs.hpp"

namespace x86 {
namespace {

struct ExceptionName {
    const char* mnemonic;
    const char* description;
};

constexpr ExceptionName exception_names[exception_vectors] = {
    {"#DE", "divide error"},
    {"#DB", "debug"},
    {"NMI", "non-maskable interrupt"},
    {"#BP", "breakpoint (int3)"},
    {"#OF", "overflow (into)"},
    {"#BR", "bound range exceeded"},
    {"#UD", "invalid opcode"},
    {"#NM", "device not available (x87/SSE)"},
    {"#DF", "double fault"},
    {"9", "coprocessor segment overrun"},
    {"#TS", "invalid TSS"},
    {"#NP", "segment not present"},
    {"#SS", "stack-segment fault"},
    {"#GP", "general protection"},
    {"#PF", "page fault"},
    {"15", "reserved"},
    {"#MF", "x87 floating-point error"},
    {"#AC", "alignment check"},
    {"#MC", "machine check"},
    {"#XM", "SIMD floating-point exception"},
    {"#VE", "virtualization exception"},
    {"#CP", "control protection"},
    {"22", "reserved"},
    {"23", "reserved"},
    {"24", "reserved"},
    {"25", "reserved"},
    {"26", "reserved"},
    {"27", "reserved"},
    {"#HV", "hypervisor injection"},
    {"#VC", "VMM communication"},
    {"#SX", "security exception"},
    {"31", "reserved"},
};

}  // namespace

const char* exception_name(unsigned vector) {
    return vector < exception_vectors ? exception_names[vector].mnemonic : "INT";
}

const char* exception_description(unsigned vector) {
    return vector < exception_vectors ? exception_names[vector].description
                                      : "interrupt on a vector nobody owns";
}

}  // namespace x86
