// CPU-bound workload: FNV-style hashing over a 64 KiB buffer in cached RAM.
// The same instructions run natively and as a guest; only the hypervisor's
// exits differ (a few shadow fills and host timer interrupts).
#include "bench.hpp"

namespace {

constexpr unsigned words = 16384;
uint32_t buffer[words];

uint32_t workload(unsigned rounds) {
    uint32_t h = 2166136261u;
    for (unsigned r = 0; r < rounds; ++r) {
        for (unsigned i = 0; i < words; ++i) {
            h = (h ^ (buffer[i] + i + r)) * 16777619u;
            buffer[i] = h;
        }
    }
    return h;
}

}  // namespace

int main() {
    uint32_t hash = 0;
    uint32_t counts = bench::measure([&] { hash = workload(100); });
    bench::result("cpu_counts", counts);
    bench::result("cpu_hash", hash);
    guest::done();
}
