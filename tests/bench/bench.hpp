// Shared by the benchmark guests: results are printed as
// "bench-result: <key> <value>" lines that scripts/bench.py reads.
#pragma once

#include "guest.hpp"

namespace bench {

inline void result(const char* key, uint32_t value) {
    guest::printf("bench-result: %s %u\n", key, value);
}

// Count ticks taken by fn(), read with mfc0 (emulated in a guest: its cost
// is constant and amortized over the workload).
template <typename Fn>
uint32_t measure(Fn fn) {
    uint32_t start = guest::read_count();
    fn();
    return guest::counts_since(start);
}

}  // namespace bench
