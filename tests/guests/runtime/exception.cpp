// Exception dispatch to per-ExcCode hooks, the recording hook and the BEV=0
// vector installer (exception.hpp).
#include "exception.hpp"

#include "address_map.hpp"
#include "check.hpp"
#include "print.hpp"
#include "trap_check.hpp"

// exception.S
extern "C" const uint32_t vector_template[];
extern "C" const uint32_t vector_template_end[];
extern "C" const char idle_wait[];

namespace guest {

Trap last_trap;

namespace {

ExceptionHook hooks[exc_code_count];

const char* const exc_names[exc_code_count] = {
    "Int", "Mod", "TLBL", "TLBS", "AdEL", "AdES", "IBE", "DBE",
    "Sys", "Bp",  "RI",   "CpU",  "Ov",   "Tr",   "MSAFPE", "FPE",
    "16",  "17",  "C2E",  "TLBRI", "TLBXI", "MSADis", "MDMX", "WATCH",
    "MCheck", "Thread", "DSPDis", "27", "28", "29", "CacheErr", "31",
};

[[noreturn]] void unexpected(const Frame& f) {
    const uint32_t code = cause::ExcCode::get(f.cause);
    printf("FAIL: unexpected exception %s (ExcCode %u) at EPC 0x%08x: Cause 0x%08x "
           "Status 0x%08x BadVAddr 0x%08x vector 0x%08x ra 0x%08x\n",
           exc_names[code], code, f.epc, f.cause, f.status, f.badvaddr, f.vector,
           f.gpr[reg::ra]);
    done();
}

}  // namespace

// Called by exception.S with EXL set and the saved frame.
extern "C" void exception_dispatch(Frame& f);
extern "C" void exception_dispatch(Frame& f) {
    // An interrupt just before idle()'s WAIT: resume as if the WAIT had
    // executed and been woken, not in a WAIT nothing may ever end.
    if (f.exc_code() == ExcCode::Int && f.epc == addr(idle_wait)) {
        f.epc += 4;
    }
    const ExceptionHook hook = hooks[cause::ExcCode::get(f.cause)];
    if (hook == nullptr) {
        unexpected(f);
    }
    hook(f);
}

ExceptionHook set_exception_hook(ExcCode code, ExceptionHook hook) {
    ExceptionHook& slot = hooks[static_cast<uint32_t>(code)];
    const ExceptionHook old = slot;
    slot = hook;
    return old;
}

void reset_trap() { last_trap = Trap{}; }

void skip_faulting_instruction(Frame& f) { f.epc += f.in_delay_slot() ? 8 : 4; }

void record_trap(const Frame& f) {
    last_trap.count++;
    last_trap.cause = f.cause;
    last_trap.epc = f.epc;
    last_trap.badvaddr = f.badvaddr;
    last_trap.status = f.status;
    last_trap.vector = f.vector;
    last_trap.entryhi = mfc0<cp0::entryhi>();
    last_trap.context = mfc0<cp0::context>();
}

void record_and_skip(Frame& f) {
    record_trap(f);
    skip_faulting_instruction(f);
}

void record_and_resume(Frame& f) { record_trap(f); }

void record_and_return(Frame& f) {
    record_trap(f);
    f.epc = f.gpr[reg::ra];
}

void catch_exception(ExcCode code) {
    set_exception_hook(code, record_and_skip);
    reset_trap();
}

void use_ram_vectors(uint32_t ebase_value) {
    // EBase bits 31:30 read 10b whatever is written (PRA 9.38).
    const uint32_t base = map::from_arch(0x80000000u | (ebase_value & ebase::ExceptionBase::mask));
    const uint32_t words = static_cast<uint32_t>(vector_template_end - vector_template);
    static constexpr uint32_t offsets[] = {map::vec_refill, map::vec_general, map::vec_interrupt};
    for (const uint32_t offset : offsets) {
        const uint32_t vector = base + offset;
        auto* dst = reinterpret_cast<uint32_t*>(vector);
        for (uint32_t i = 0; i < words; ++i) {
            dst[i] = vector_template[i];
        }
        // The template starts "lui k1, 0; ori k1, k1, 0": patch in the
        // vector's own address so the frame records which one was taken.
        dst[0] = (dst[0] & 0xFFFF0000u) | (vector >> 16);
        dst[1] = (dst[1] & 0xFFFF0000u) | (vector & 0xFFFFu);
        sync_icache(vector, words * 4);
    }
    const uint32_t st = mfc0<cp0::status>();
    mtc0_ehb<cp0::status>(st | status::BEV::mask);
    mtc0_ehb<cp0::ebase>(ebase_value);
    mtc0_ehb<cp0::status>(st & ~status::BEV::mask);
}

void use_rom_vectors() { mtc0_ehb<cp0::status>(mfc0<cp0::status>() | status::BEV::mask); }

}  // namespace guest
