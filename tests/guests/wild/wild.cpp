// wild: a guest kernel that reaches outside its address space. Its moved
// kernel segments end at 0x7FFFFFFF; 0x80000000 and up is the hypervisor,
// never visible to a guest. A jump, load or store there must come back to
// the guest as an Address Error (what the guest's user-mode host access
// raises) -- or the hypervisor may stop the guest with a report; the
// integration test accepts either, but never a hypervisor crash. The last
// check touches guest-physical memory no region covers (a bus error on
// real hardware); again, an exception or a clean stop.
//
// Runs only under Tern: on bare hardware these addresses are the real
// kernel segments.
#include "guest.hpp"

using namespace guest;

extern "C" const char wild_load_at[], wild_store_at[], wild_hole_at[];

namespace {

using Jump = void (*)();

void jump_to(uint32_t target) {
    auto fn = reinterpret_cast<Jump>(static_cast<uintptr_t>(target));
    fn();  // the AdEL hook returns to ra, i.e. here
}

uint32_t load_from(uint32_t va) {
    uint32_t v = 0x5a5a5a5a;
    asm volatile(".set push\n\t.set noreorder\n"
                 ".globl wild_load_at\nwild_load_at:\n\t"
                 "lw %0, 0(%1)\n\t.set pop"
                 : "+r"(v) : "r"(va) : "memory");
    return v;
}

void store_to(uint32_t va) {
    asm volatile(".set push\n\t.set noreorder\n"
                 ".globl wild_store_at\nwild_store_at:\n\t"
                 "sw $zero, 0(%0)\n\t.set pop"
                 : : "r"(va) : "memory");
}

uint32_t load_from_hole(uint32_t va) {
    uint32_t v = 0x5a5a5a5a;
    asm volatile(".set push\n\t.set noreorder\n"
                 ".globl wild_hole_at\nwild_hole_at:\n\t"
                 "lw %0, 0(%1)\n\t.set pop"
                 : "+r"(v) : "r"(va) : "memory");
    return v;
}

}  // namespace

int main() {
    catch_exception(ExcCode::AdEL);
    set_exception_hook(ExcCode::AdEL, record_and_return);
    info("jumping to 0x80000000");
    jump_to(0x80000000);
    check_trap("jump to 0x80000000", {.code = ExcCode::AdEL,
                                      .epc = 0x80000000,
                                      .check_badvaddr = true,
                                      .badvaddr = 0x80000000});

    catch_exception(ExcCode::AdEL);
    const uint32_t v = load_from(0x80000000);
    check_trap("load from 0x80000000", {.code = ExcCode::AdEL,
                                        .epc = addr(wild_load_at),
                                        .check_badvaddr = true,
                                        .badvaddr = 0x80000000});
    CHECK_EQ("load from 0x80000000: rt unchanged", v, 0x5a5a5a5a);

    catch_exception(ExcCode::AdES);
    store_to(0xFFFFFFF0);
    check_trap("store to 0xFFFFFFF0", {.code = ExcCode::AdES,
                                       .epc = addr(wild_store_at),
                                       .check_badvaddr = true,
                                       .badvaddr = 0xFFFFFFF0});

    // KSEG0 0x10000000: guest-physical 0x10000000, outside RAM, ROM and
    // every device. A Data Bus Error (ExcCode 7) is the hardware answer.
    catch_exception(ExcCode::DBE);
    info("loading from guest-physical 0x10000000 (no region)");
    load_from_hole(map::cached(0x10000000));
    CHECK_EQ("load from unbacked guest-physical memory: Data Bus Error", last_trap.count, 1);
    CHECK_EQ("... EPC", last_trap.epc, addr(wild_hole_at));
    done();
}
