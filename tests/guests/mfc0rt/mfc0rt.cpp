// mfc0rt: an emulated mfc0 writes its result to whichever GPR names it
// (MIPS32 vol. II, MFC0), including $at, $k0 and $k1, which Tern's
// assembly fast path handles specially, and leaves every other register
// alone (checked by the callee-saved restore in the helper).
#include "guest.hpp"

using namespace guest;

extern "C" void mfc0_every_rt(uint32_t* out);

namespace {
uint32_t results[64];
}

int main() {
    const uint32_t status = mfc0<cp0::status>();
    mfc0_every_rt(results);
    for (unsigned n = 1; n < 32; ++n) {
        if (n == 29) continue;  // $sp
        CHECK_EQ("mfc0 PRId into a GPR", results[2 * n], 0x00019300u);
        CHECK_EQ("mfc0 Status into a GPR", results[2 * n + 1], status);
    }
    done();
}
