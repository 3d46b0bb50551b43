// Hypervisor threads on top of the scheduler.
#include "thread.hpp"

#include <stdlib.h>
#include <string.h>

#include "hal/context.hpp"
#include "hal/irq.hpp"
#include "mem/heap.hpp"
#include "sched/scheduler.hpp"
#include "timer.hpp"

namespace tern {
namespace {

// First code a new thread runs: the switch left interrupts disabled.
void thread_trampoline(void* arg) {
    auto* self = static_cast<Vcpu*>(arg);
    hal::irq_enable();
    self->entry(self->arg);
    thread_exit(0);
}

}  // namespace

Vcpu* thread_create(const char* name, Vcpu::Entry entry, void* arg, unsigned priority,
                    size_t stack_size) {
    return entity_create(name, entry, arg, priority, stack_size, true);
}

Vcpu* entity_create(const char* name, Vcpu::Entry entry, void* arg, unsigned priority,
                    size_t stack_size, bool orphan) {
    if (name == nullptr || entry == nullptr || priority >= priority_levels || stack_size < 1024)
        return nullptr;
    Vcpu* t = heap_new<Vcpu>();
    if (t == nullptr) return nullptr;
    t->stack = heap().alloc(stack_size);
    if (t->stack == nullptr) {
        heap_delete(t);
        return nullptr;
    }
    t->stack_size = stack_size;
    size_t n = strnlen(name, sizeof(t->name) - 1);
    memcpy(t->name, name, n);
    t->name[n] = '\0';
    t->priority = static_cast<uint8_t>(priority);
    t->entry = entry;
    t->arg = arg;
    t->orphan = orphan;
    hal::context_init(t->context, t->stack, stack_size, thread_trampoline, t);
    sched_register(*t);
    return t;
}

Status thread_start(Vcpu& t) {
    if (t.state != VcpuState::created) return Status::busy;
    sched_make_ready(t);
    return Status::ok;
}

Status thread_pause(Vcpu& t) {
    if (&t == &sched_idle() || t.state == VcpuState::exited || t.state == VcpuState::created)
        return Status::invalid;
    sched_pause(t);
    return Status::ok;
}

Status thread_resume(Vcpu& t) {
    if (t.state != VcpuState::paused && !t.pause_pending) return Status::invalid;
    sched_resume(t);
    return Status::ok;
}

void thread_yield() { sched_yield(); }

void thread_sleep_ns(uint64_t ns) { sched_sleep_until(clock_ns() + ns); }
void thread_sleep_ms(uint64_t ms) { thread_sleep_ns(ms * 1'000'000); }

void thread_exit(int code) {
    sched_current().exit_code = code;
    sched_exit_current();
}

int thread_join(Vcpu& t) {
    hal::IrqFlags flags = hal::irq_save();
    while (t.state != VcpuState::exited) t.exit_waiters.wait_locked();
    hal::irq_restore(flags);
    return t.exit_code;
}

Status thread_destroy(Vcpu& t) {
    if (!t.orphan) return Status::busy;
    return entity_destroy(t);
}

Status entity_destroy(Vcpu& t) {
    if (&t == &sched_current() || &t == &sched_idle()) return Status::busy;
    if (t.state != VcpuState::exited) sched_forget(t);
    sched_unregister(t);
    heap().free(t.stack);
    heap_delete(&t);
    return Status::ok;
}

Vcpu& thread_current() { return sched_current(); }

Vcpu* thread_find(const char* id_or_name) {
    char* end = nullptr;
    unsigned long id = strtoul(id_or_name, &end, 10);
    bool numeric = end != id_or_name && *end == '\0';
    for (Vcpu& v : sched_all()) {
        if (numeric ? v.id == id : strcmp(v.name, id_or_name) == 0) return &v;
    }
    return nullptr;
}

}  // namespace tern
