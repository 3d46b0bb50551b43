// Spinlocks that save and restore the interrupt state. Tern runs on one
// CPU, so taking the lock is disabling interrupts; the `held` flag catches
// recursive locking, which would be a deadlock on SMP.
#pragma once

#include "hal/irq.hpp"

namespace tern {

class Spinlock {
public:
    [[nodiscard]] hal::IrqFlags lock();
    void unlock(hal::IrqFlags flags);
    bool held() const { return held_; }

private:
    volatile bool held_ = false;
};

class SpinlockGuard {
public:
    explicit SpinlockGuard(Spinlock& lock) : lock_(lock), flags_(lock.lock()) {}
    ~SpinlockGuard() { lock_.unlock(flags_); }
    SpinlockGuard(const SpinlockGuard&) = delete;
    SpinlockGuard& operator=(const SpinlockGuard&) = delete;

private:
    Spinlock& lock_;
    hal::IrqFlags flags_;
};

// Disables interrupts for a scope (the scheduler's and timer's lock).
class IrqGuard {
public:
    IrqGuard() : flags_(hal::irq_save()) {}
    ~IrqGuard() { hal::irq_restore(flags_); }
    IrqGuard(const IrqGuard&) = delete;
    IrqGuard& operator=(const IrqGuard&) = delete;

private:
    hal::IrqFlags flags_;
};

}  // namespace tern
