// delayslot: an emulated instruction (mfc0 ErrorEPC) in the delay slot of
// every MIPS32r2 branch and jump, taken and not taken. The hypervisor traps
// on the mfc0, so to resume it must emulate the branch too: evaluate the
// condition on the registers as they were before the slot, write the link
// register (PRA / MIPS32 ISA: "GPR[31] <- PC + 8", unconditionally for the
// -AL forms), and skip the slot of a not-taken branch-likely, which is
// nullified and never executes.
#include "guest.hpp"

using namespace guest;

using BranchCase = uint64_t (*)(uint32_t, uint32_t);

#define CASES(X)                                                                         \
    X(ds_beq) X(ds_bne) X(ds_blez) X(ds_bgtz) X(ds_bltz) X(ds_bgez) X(ds_bltzal)         \
    X(ds_bgezal) X(ds_beql) X(ds_bnel) X(ds_blezl) X(ds_bgtzl) X(ds_bltzl) X(ds_bgezl)   \
    X(ds_bltzall) X(ds_bgezall) X(ds_j) X(ds_jal) X(ds_jr) X(ds_jalr) X(ds_jalr_t7)      \
    X(ds_jr_hb) X(ds_jalr_hb) X(ds_beq_clobber) X(ds_jr_clobber)
#define DECLARE(name) \
    extern "C" uint64_t name(uint32_t, uint32_t); \
    extern "C" const char name##_at[];
CASES(DECLARE)
extern "C" uint32_t ds_link_ra;
extern "C" uint32_t ds_link_t7;

namespace {

constexpr uint32_t sentinel = 0x5a5a5a5a;
constexpr uint32_t slot_value_expected = 0x600DF00D;

enum class Link { none, ra, t7 };

struct Case {
    const char* name;
    BranchCase fn;
    const char* at;
    uint32_t a0;
    uint32_t a1;
    bool taken;
    bool likely;
    Link link;
};

constexpr uint32_t neg = 0xFFFFFFFF;

const Case cases[] = {
    {"beq taken", ds_beq, ds_beq_at, 5, 5, true, false, Link::none},
    {"beq not taken", ds_beq, ds_beq_at, 5, 6, false, false, Link::none},
    {"bne taken", ds_bne, ds_bne_at, 5, 6, true, false, Link::none},
    {"bne not taken", ds_bne, ds_bne_at, 5, 5, false, false, Link::none},
    {"blez taken", ds_blez, ds_blez_at, 0, 0, true, false, Link::none},
    {"blez not taken", ds_blez, ds_blez_at, 1, 0, false, false, Link::none},
    {"bgtz taken", ds_bgtz, ds_bgtz_at, 1, 0, true, false, Link::none},
    {"bgtz not taken", ds_bgtz, ds_bgtz_at, 0, 0, false, false, Link::none},
    {"bltz taken", ds_bltz, ds_bltz_at, neg, 0, true, false, Link::none},
    {"bltz not taken", ds_bltz, ds_bltz_at, 0, 0, false, false, Link::none},
    {"bgez taken", ds_bgez, ds_bgez_at, 0, 0, true, false, Link::none},
    {"bgez not taken", ds_bgez, ds_bgez_at, neg, 0, false, false, Link::none},
    {"bltzal taken", ds_bltzal, ds_bltzal_at, neg, 0, true, false, Link::ra},
    {"bltzal not taken", ds_bltzal, ds_bltzal_at, 0, 0, false, false, Link::ra},
    {"bgezal taken", ds_bgezal, ds_bgezal_at, 0, 0, true, false, Link::ra},
    {"bgezal not taken", ds_bgezal, ds_bgezal_at, neg, 0, false, false, Link::ra},
    {"beql taken", ds_beql, ds_beql_at, 7, 7, true, true, Link::none},
    {"beql not taken", ds_beql, ds_beql_at, 7, 8, false, true, Link::none},
    {"bnel taken", ds_bnel, ds_bnel_at, 7, 8, true, true, Link::none},
    {"bnel not taken", ds_bnel, ds_bnel_at, 7, 7, false, true, Link::none},
    {"blezl taken", ds_blezl, ds_blezl_at, neg, 0, true, true, Link::none},
    {"blezl not taken", ds_blezl, ds_blezl_at, 1, 0, false, true, Link::none},
    {"bgtzl taken", ds_bgtzl, ds_bgtzl_at, 1, 0, true, true, Link::none},
    {"bgtzl not taken", ds_bgtzl, ds_bgtzl_at, 0, 0, false, true, Link::none},
    {"bltzl taken", ds_bltzl, ds_bltzl_at, neg, 0, true, true, Link::none},
    {"bltzl not taken", ds_bltzl, ds_bltzl_at, 0, 0, false, true, Link::none},
    {"bgezl taken", ds_bgezl, ds_bgezl_at, 0, 0, true, true, Link::none},
    {"bgezl not taken", ds_bgezl, ds_bgezl_at, neg, 0, false, true, Link::none},
    {"bltzall taken", ds_bltzall, ds_bltzall_at, neg, 0, true, true, Link::ra},
    {"bltzall not taken", ds_bltzall, ds_bltzall_at, 0, 0, false, true, Link::ra},
    {"bgezall taken", ds_bgezall, ds_bgezall_at, 0, 0, true, true, Link::ra},
    {"bgezall not taken", ds_bgezall, ds_bgezall_at, neg, 0, false, true, Link::ra},
    {"j", ds_j, ds_j_at, 0, 0, true, false, Link::none},
    {"jal", ds_jal, ds_jal_at, 0, 0, true, false, Link::ra},
    {"jr", ds_jr, ds_jr_at, 0, 0, true, false, Link::none},
    {"jalr", ds_jalr, ds_jalr_at, 0, 0, true, false, Link::ra},
    {"jalr t7", ds_jalr_t7, ds_jalr_t7_at, 0, 0, true, false, Link::t7},
    {"jr.hb", ds_jr_hb, ds_jr_hb_at, 0, 0, true, false, Link::none},
    {"jalr.hb", ds_jalr_hb, ds_jalr_hb_at, 0, 0, true, false, Link::ra},
    {"beq on the register the slot loads", ds_beq_clobber, ds_beq_clobber_at, 0, 0, true, false,
     Link::none},
    {"jr on the register the slot loads", ds_jr_clobber, ds_jr_clobber_at, 0, 0, true, false,
     Link::none},
};

void run(const Case& c) {
    CheckScope scope(c.name);
    const uint64_t r = c.fn(c.a0, c.a1);
    const uint32_t slot_value = static_cast<uint32_t>(r);
    const uint32_t path = static_cast<uint32_t>(r >> 32);
    CHECK_EQ(c.taken ? "went to the target" : "fell through", path, c.taken ? 1 : 0);
    // A branch-likely that is not taken nullifies its delay slot.
    const bool slot_runs = c.taken || !c.likely;
    CHECK_EQ(slot_runs ? "slot executed" : "slot nullified", slot_value,
             slot_runs ? slot_value_expected : sentinel);
    if (c.link == Link::ra) {
        CHECK_EQ("ra = branch + 8", ds_link_ra, addr(c.at) + 8);
    } else if (c.link == Link::t7) {
        CHECK_EQ("t7 = jalr + 8", ds_link_t7, addr(c.at) + 8);
    }
}

}  // namespace

int main() {
    mtc0_ehb<cp0::errorepc>(slot_value_expected);
    for (const Case& c : cases) {
        run(c);
    }
    done();
}
