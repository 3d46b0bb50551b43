// The cost of an emulated mfc0: the same loop once with `mfc0 Status` and
// once with a `nop` in its place. Natively both cost one instruction more
// per iteration than the loop itself; in a guest the difference is the
// round trip through the hypervisor.
#include "bench.hpp"

namespace {

constexpr unsigned iterations = 20000;

void loop_mfc0() {
    for (unsigned i = 0; i < iterations; ++i) asm volatile("mfc0 $t0, $12" ::: "t0", "memory");
}

void loop_nop() {
    for (unsigned i = 0; i < iterations; ++i) asm volatile("nop" ::: "t0", "memory");
}

}  // namespace

int main() {
    bench::result("mfc0_iterations", iterations);
    bench::result("mfc0_counts", bench::measure(loop_mfc0));
    bench::result("nop_counts", bench::measure(loop_nop));
    guest::done();
}
