// Counting semaphore and a (non-recursive) mutex, on wait queues.
#pragma once

#include <stdint.h>

#include "sync/wait_queue.hpp"

namespace tern {

class Vcpu;

class Semaphore {
public:
    explicit Semaphore(uint32_t initial = 0) : count_(initial) {}
    void down();                    // blocks while the count is zero
    [[nodiscard]] bool try_down();
    void up();                      // safe from interrupt handlers
    uint32_t count() const { return count_; }

private:
    uint32_t count_;  // changed only with interrupts disabled
    WaitQueue waiters_;
};

class Mutex {
public:
    void lock();
    [[nodiscard]] bool try_lock();
    void unlock();                  // by the owner only (a bug otherwise: panic)
    const Vcpu* owner() const { return owner_; }

private:
    Vcpu* owner_ = nullptr;
    WaitQueue waiters_;
};

}  // namespace tern
