// Spinlock implementation (single CPU: interrupt masking plus a held flag).
#include "sync/spinlock.hpp"

#include "console.hpp"

namespace tern {

hal::IrqFlags Spinlock::lock() {
    hal::IrqFlags flags = hal::irq_save();
    if (held_) panic("spinlock %p taken twice", static_cast<void*>(this));
    held_ = true;
    return flags;
}

void Spinlock::unlock(hal::IrqFlags flags) {
    held_ = false;
    hal::irq_restore(flags);
}

}  // namespace tern
