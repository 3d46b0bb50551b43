// Checks arch/cp0_fast.hpp against mips::Cp0Model's layout, and holds the
// running guest VCPU's state for the assembly mfc0 fast path.
#include <stddef.h>

#include "arch/cp0_fast.hpp"
#include "cp0_model.hpp"

namespace mips {

struct Cp0ModelLayout {
    static_assert(offsetof(Cp0Model, context_) == CP0_FAST_CONTEXT);
    static_assert(offsetof(Cp0Model, userlocal_) == CP0_FAST_USERLOCAL);
    static_assert(offsetof(Cp0Model, badvaddr_) == CP0_FAST_BADVADDR);
    static_assert(offsetof(Cp0Model, entryhi_) == CP0_FAST_ENTRYHI);
    static_assert(offsetof(Cp0Model, compare_) == CP0_FAST_COMPARE);
    static_assert(offsetof(Cp0Model, status_) == CP0_FAST_STATUS);
    static_assert(offsetof(Cp0Model, epc_) == CP0_FAST_EPC);
    static_assert(offsetof(Cp0Model, ebase_) == CP0_FAST_EBASE);
    static_assert(offsetof(Cp0Model, errorepc_) == CP0_FAST_ERROREPC);
};

}  // namespace mips
