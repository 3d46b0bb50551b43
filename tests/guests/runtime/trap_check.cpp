// Exception checks against last_trap (trap_check.hpp).
#include "trap_check.hpp"

#include "check.hpp"
#include "exception.hpp"

namespace guest {

void check_trap(const char* what, const ExpectedTrap& e) {
    CheckScope scope(what);
    const Trap& t = last_trap;
    CHECK_EQ("exceptions taken", t.count, 1);
    CHECK_EQ("ExcCode", cause::ExcCode::get(t.cause), static_cast<uint32_t>(e.code));
    CHECK_EQ("EPC", t.epc, e.epc);
    CHECK_EQ("Cause.BD", cause::BD::get(t.cause), e.in_delay_slot ? 1 : 0);
    if (e.check_badvaddr) {
        CHECK_EQ("BadVAddr", t.badvaddr, e.badvaddr);
    }
    if (e.check_ce) {
        CHECK_EQ("Cause.CE", cause::CE::get(t.cause), e.ce);
    }
    if (e.vector != 0) {
        CHECK_EQ("vector", t.vector, e.vector);
    }
}

}  // namespace guest
