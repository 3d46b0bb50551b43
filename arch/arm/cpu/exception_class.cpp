// Names of ESR_ELx exception classes (Arm ARM D17.2.37), for reports.
#include "arch/sysregs.hpp"

namespace arm {
namespace {

struct ClassName {
    uint8_t ec;
    const char* mnemonic;
    const char* description;
};

constexpr ClassName class_names[] = {
    {0x00, "UNKNOWN", "unknown reason (undefined instruction)"},
    {0x01, "WFx", "trapped WFI or WFE"},
    {0x07, "FP_ACCESS", "trapped FP/SIMD access"},
    {0x0e, "IL", "illegal execution state"},
    {0x15, "SVC", "SVC instruction (AArch64)"},
    {0x16, "HVC", "HVC instruction (AArch64)"},
    {0x17, "SMC", "SMC instruction (AArch64)"},
    {0x18, "SYS", "trapped MSR, MRS or system instruction"},
    {0x20, "IABT_LOW", "instruction abort from a lower EL"},
    {0x21, "IABT", "instruction abort at the current EL"},
    {0x22, "PC_ALIGN", "PC alignment fault"},
    {0x24, "DABT_LOW", "data abort from a lower EL"},
    {0x25, "DABT", "data abort at the current EL"},
    {0x26, "SP_ALIGN", "SP alignment fault"},
    {0x2c, "FP_EXC", "floating-point exception (AArch64)"},
    {0x2f, "SERROR", "SError interrupt"},
    {0x30, "BREAKPT_LOW", "breakpoint from a lower EL"},
    {0x31, "BREAKPT", "breakpoint at the current EL"},
    {0x32, "STEP_LOW", "software step from a lower EL"},
    {0x33, "STEP", "software step at the current EL"},
    {0x34, "WATCHPT_LOW", "watchpoint from a lower EL"},
    {0x35, "WATCHPT", "watchpoint at the current EL"},
    {0x3c, "BRK", "BRK instruction (AArch64)"},
};

const ClassName* find(uint32_t ec) {
    for (const ClassName& c : class_names)
        if (c.ec == ec) return &c;
    return nullptr;
}

}  // namespace

const char* exception_class_name(uint32_t ec) {
    const ClassName* c = find(ec);
    return c != nullptr ? c->mnemonic : "EC?";
}

const char* exception_class_description(uint32_t ec) {
    const ClassName* c = find(ec);
    return c != nullptr ? c->description : "reserved or unlisted exception class";
}

}  // namespace arm
