// The cost of a delivered timer interrupt: a fixed amount of work, once
// with the timer interrupting every `period` Count ticks (the handler
// re-arms Compare) and once with the timer masked. The extra time divided
// by the number of interrupts is the cost of one; natively that is the
// guest handler alone, as a guest it adds the hypervisor's delivery
// (timer event, injection, the handler's mfc0/mtc0 and eret exits).
#include "bench.hpp"

using namespace guest;

namespace {

constexpr uint32_t period = 20000;       // Count ticks between interrupts
volatile unsigned interrupts;

void on_timer(Frame&) {
    interrupts = interrupts + 1;
    set_compare(read_count() + period);
}

void work() {
    volatile uint32_t sink = 0;
    for (unsigned i = 0; i < 400000; ++i) sink = sink + i;  // volatile: not optimized away
}

}  // namespace

int main() {
    constexpr uint32_t ip7 = 1u << timer_ip;
    bench::result("timer_quiet_counts", bench::measure(work));

    (void)set_exception_hook(ExcCode::Int, on_timer);
    interrupts = 0;
    set_compare(read_count() + period);
    unmask_irqs(ip7);
    ei();
    uint32_t busy = bench::measure(work);
    di();
    mask_irqs(ip7);
    bench::result("timer_busy_counts", busy);
    bench::result("timer_interrupts", interrupts);
    guest::done();
}
