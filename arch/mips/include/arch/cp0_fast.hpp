// What the assembly mfc0 fast path (cpu/exception.S) reads: byte offsets of
// the plainly stored registers inside mips::Cp0Model, checked against the
// class by cpu/cp0_fast.cpp so that a layout change cannot go unnoticed.
#pragma once

#define CP0_FAST_CONTEXT    36
#define CP0_FAST_USERLOCAL  40
#define CP0_FAST_BADVADDR   56
#define CP0_FAST_ENTRYHI    60
#define CP0_FAST_COMPARE    64
#define CP0_FAST_STATUS     68
#define CP0_FAST_EPC        80
#define CP0_FAST_EBASE      84
#define CP0_FAST_ERROREPC   120

/* mips_fast: the running guest VCPU, as the fast path sees it. */
#define FAST_CP0        0   /* its Cp0Model, 0 = no guest entered yet */
#define FAST_COUNT_BIAS 4   /* guest Count = host Count + bias */
#define FAST_AT         8   /* $at while the fast path runs */
#define FAST_HITS       12  /* mfc0s served since the VCPU's last exit to C */

#ifndef __ASSEMBLER__
#include <stdint.h>

namespace mips {
struct FastPath {
    uint32_t cp0;
    uint32_t count_bias;
    uint32_t at;
    uint32_t hits;
};
}  // namespace mips

extern "C" mips::FastPath mips_fast;
#endif
