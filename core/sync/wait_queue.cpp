// Wait queues, semaphores and mutexes.
#include "sync/wait_queue.hpp"

#include "console.hpp"
#include "sched/scheduler.hpp"
#include "sync/semaphore.hpp"
#include "sync/spinlock.hpp"
#include "vcpu.hpp"

namespace tern {
namespace {

Vcpu* owner_of(ListNode* node) { return List<Vcpu, &Vcpu::queue_node>::owner(node); }

}  // namespace

void WaitQueue::wait_locked() {
    Vcpu& self = sched_current();
    waiters_.insert_before(self.queue_node);
    sched_block_locked();
}

bool WaitQueue::wake_one() {
    IrqGuard guard;
    if (!waiters_.linked()) return false;
    Vcpu* v = owner_of(waiters_.next);
    v->queue_node.unlink();
    sched_wake(*v);
    return true;
}

unsigned WaitQueue::wake_all() {
    IrqGuard guard;
    unsigned n = 0;
    while (waiters_.linked()) {
        Vcpu* v = owner_of(waiters_.next);
        v->queue_node.unlink();
        sched_wake(*v);
        ++n;
    }
    return n;
}

void WaitQueue::forget(Vcpu& v) {
    IrqGuard guard;
    for (ListNode* n = waiters_.next; n != &waiters_; n = n->next) {
        if (n == &v.queue_node) {
            n->unlink();
            return;
        }
    }
}

void Semaphore::down() {
    IrqGuard guard;
    while (count_ == 0) waiters_.wait_locked();
    --count_;
}

bool Semaphore::try_down() {
    IrqGuard guard;
    if (count_ == 0) return false;
    --count_;
    return true;
}

void Semaphore::up() {
    IrqGuard guard;
    ++count_;
    waiters_.wake_one();
}

void Mutex::lock() {
    IrqGuard guard;
    Vcpu* self = &sched_current();
    if (owner_ == self) panic("mutex %p locked twice by %s", static_cast<void*>(this), self->name);
    while (owner_ != nullptr) waiters_.wait_locked();
    owner_ = self;
}

bool Mutex::try_lock() {
    IrqGuard guard;
    if (owner_ != nullptr) return false;
    owner_ = &sched_current();
    return true;
}

void Mutex::unlock() {
    IrqGuard guard;
    if (owner_ != &sched_current())
        panic("mutex %p unlocked by %s, not its owner", static_cast<void*>(this),
              sched_current().name);
    owner_ = nullptr;
    waiters_.wake_one();
}

}  // namespace tern
