// What kernel_main learned at boot, for the rest of the core.
#pragma once

#include "cmdline.hpp"
#include "config/board.hpp"

namespace tern {

[[nodiscard]] const BoardInfo& kernel_board();
[[nodiscard]] const CommandLine& kernel_cmdline();

}  // namespace tern
