// Names of MIPS exception codes, for reports.
#include "arch/cp0_regs.hpp"

namespace mips {
namespace {

struct ExcName {
    const char* mnemonic;
    const char* description;
};

constexpr ExcName exc_names[32] = {
    {"Int", "interrupt"},
    {"Mod", "TLB modification"},
    {"TLBL", "TLB miss or invalid on load/fetch"},
    {"TLBS", "TLB miss or invalid on store"},
    {"AdEL", "address error on load/fetch"},
    {"AdES", "address error on store"},
    {"IBE", "bus error on instruction fetch"},
    {"DBE", "bus error on data access"},
    {"Sys", "syscall"},
    {"Bp", "breakpoint"},
    {"RI", "reserved instruction"},
    {"CpU", "coprocessor unusable"},
    {"Ov", "arithmetic overflow"},
    {"Tr", "trap"},
    {"14", "reserved"},
    {"FPE", "floating-point exception"},
    {"16", "implementation-specific"},
    {"17", "implementation-specific"},
    {"C2E", "coprocessor 2 exception"},
    {"TLBRI", "TLB read inhibit"},
    {"TLBXI", "TLB execute inhibit"},
    {"21", "reserved"},
    {"MDMX", "MDMX unusable"},
    {"WATCH", "watch"},
    {"MCheck", "machine check"},
    {"Thread", "thread"},
    {"DSPDis", "DSP disabled"},
    {"27", "reserved"},
    {"28", "reserved"},
    {"29", "reserved"},
    {"CacheErr", "cache error"},
    {"31", "reserved"},
};

}  // namespace

const char* exc_code_name(uint32_t code) { return exc_names[code & 31].mnemonic; }
const char* exc_code_description(uint32_t code) { return exc_names[code & 31].description; }

}  // namespace mips
