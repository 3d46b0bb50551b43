// The Kconfig selection as typed constants. The only file in core that
// includes the generated header; everything else asks this one.
#pragma once

#include "tern_config.h"

namespace tern::config {

inline constexpr const char* arch = CONFIG_ARCH;
inline constexpr const char* board = CONFIG_BOARD;
inline constexpr const char* cpu = CONFIG_CPU;
inline constexpr unsigned heap_size_kb = CONFIG_HEAP_SIZE_KB;
inline constexpr unsigned sched_timeslice_ms = CONFIG_SCHED_TIMESLICE_MS;
inline constexpr unsigned mterm_line_max = CONFIG_MTERM_LINE_MAX;
inline constexpr unsigned mterm_history = CONFIG_MTERM_HISTORY;

#ifdef CONFIG_EMU_NS16550
inline constexpr bool emu_ns16550 = true;
#else
inline constexpr bool emu_ns16550 = false;
#endif

#ifdef CONFIG_DEBUG_SELFTEST
inline constexpr bool debug_selftest = true;
#else
inline constexpr bool debug_selftest = false;
#endif

#ifdef CONFIG_DEBUG_VERBOSE_BOOT
inline constexpr bool verbose_boot = true;
#else
inline constexpr bool verbose_boot = false;
#endif

}  // namespace tern::config
