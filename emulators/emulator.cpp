// Emulator registry: the linker gathers every TERN_EMULATOR entry.
#include "emulators/emulator.hpp"

#include <string.h>

extern "C" {
extern const tern::EmulatorOps* const __start_tern_emulators[];
extern const tern::EmulatorOps* const __stop_tern_emulators[];
}

namespace tern {

const EmulatorOps* emulator_find(const char* compatible) {
    for (auto* p = __start_tern_emulators; p != __stop_tern_emulators; ++p)
        if (strcmp((*p)->compatible, compatible) == 0) return *p;
    return nullptr;
}

void emulator_for_each(void (*fn)(const EmulatorOps& ops, void* ctx), void* ctx) {
    for (auto* p = __start_tern_emulators; p != __stop_tern_emulators; ++p) fn(**p, ctx);
}

}  // namespace tern
