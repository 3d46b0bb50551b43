// Wait queues: entities block on them until another entity or an
// interrupt handler wakes them.
#pragma once

#include "lib/list.hpp"

namespace tern {

class Vcpu;

class WaitQueue {
public:
    // Blocks the current entity until woken. Call with interrupts disabled
    // (the caller checked its condition under the same disable), returns
    // with them disabled.
    void wait_locked();
    // Makes the first waiter ready; false if there was none.
    bool wake_one();
    // Makes every waiter ready; returns how many.
    unsigned wake_all();
    bool empty() const { return !waiters_.linked(); }
    // Takes `v` off this queue if it is on it (destroy, pause paths).
    void forget(Vcpu& v);

private:
    ListNode waiters_;
};

}  // namespace tern
