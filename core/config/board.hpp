// The host board, as its device tree describes it (see docs/bindings.md).
#pragma once

#include <stdint.h>

#include "hal/console.hpp"
#include "lib/std.hpp"

namespace tern {

struct BoardInfo {
    char model[64] = {};
    char cpu_compatible[48] = {};
    uint64_t ram_base = 0;
    uint64_t ram_size = 0;
    uint64_t timer_hz = 0;          // /cpus "timebase-frequency", 0 if absent
    bool has_console = false;
    char console_path[64] = {};
    hal::ConsoleDevice console = {};
    char console_compatible[32] = {};
};

// Reads the board description from a flattened device tree. Returns
// Status::invalid, with `error` set, when the blob or a required node is
// malformed; `out` is then left unspecified.
Status parse_board(const void* dtb, BoardInfo& out, const char** error);

}  // namespace tern
