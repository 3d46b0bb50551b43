// Hypervisor threads ("hyperthreads"): orphan Vcpus running hypervisor code
// in kernel mode, scheduled beside guest VCPUs.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "lib/std.hpp"
#include "vcpu.hpp"

namespace tern {

inline constexpr size_t default_stack_size = 8192;

// Creates a thread (state created; not running until thread_start).
// nullptr when the heap is full or an argument is bad.
[[nodiscard]] Vcpu* thread_create(const char* name, Vcpu::Entry entry, void* arg,
                                  unsigned priority = default_priority,
                                  size_t stack_size = default_stack_size);
Status thread_start(Vcpu& t);
Status thread_pause(Vcpu& t);
Status thread_resume(Vcpu& t);
void thread_yield();
void thread_sleep_ns(uint64_t ns);
void thread_sleep_ms(uint64_t ms);
[[noreturn]] void thread_exit(int code);
// Waits until `t` has exited and returns its exit code.
int thread_join(Vcpu& t);
// Stops `t` if it still runs and frees it. Status::busy for the caller
// itself or for a guest VCPU (guests own those).
Status thread_destroy(Vcpu& t);

// The general form, also used for guest VCPUs (orphan = false).
[[nodiscard]] Vcpu* entity_create(const char* name, Vcpu::Entry entry, void* arg,
                                  unsigned priority, size_t stack_size, bool orphan);
Status entity_destroy(Vcpu& t);

[[nodiscard]] Vcpu& thread_current();
// The entity with this id or name, or nullptr.
[[nodiscard]] Vcpu* thread_find(const char* id_or_name);

}  // namespace tern
