// The schedulable entity. Guest VCPUs and hypervisor threads ("orphan"
// VCPUs, as Xvisor calls them) are both Vcpus, so the scheduler has one set
// of queues and one policy for both.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "arch/context.hpp"
#include "arch/vcpu_state.hpp"
#include "lib/list.hpp"
#include "sync/wait_queue.hpp"
#include "timer.hpp"

namespace tern {

enum class VcpuState : uint8_t {
    created,   // not started yet
    ready,     // on the run queue
    running,
    sleeping,  // waiting for its wake timer
    blocked,   // on a wait queue
    paused,    // stopped by pause(), until resume()
    exited,
};
const char* vcpu_state_name(VcpuState s);

inline constexpr unsigned priority_levels = 8;  // 0 lowest .. 7 highest
inline constexpr unsigned default_priority = 3;

struct VcpuStats {
    uint64_t run_ns = 0;       // time spent running
    uint64_t switches = 0;     // times switched in
    uint64_t wakeups = 0;      // sleeping/blocked -> ready transitions
    uint64_t preemptions = 0;  // times switched out while still runnable
};

class Guest;

class Vcpu {
public:
    using Entry = void (*)(void* arg);

    ListNode queue_node;     // run queue or the wait queue it blocks on
    ListNode all_node;       // every Vcpu, for listings
    TimerEvent wake_timer;   // sleep deadline
    WaitQueue exit_waiters;  // join()ers
    arch::Context context;

    uint32_t id = 0;
    char name[24] = {};
    uint8_t priority = default_priority;
    VcpuState state = VcpuState::created;
    bool orphan = true;           // a hypervisor thread, not a guest's VCPU
    bool pause_pending = false;   // paused while sleeping/blocked
    bool slice_expired = false;
    int exit_code = 0;

    Entry entry = nullptr;
    void* arg = nullptr;
    void* stack = nullptr;        // heap block, freed on destroy
    size_t stack_size = 0;
    uint64_t run_start_ns = 0;
    uint64_t wake_deadline_ns = 0;
    VcpuStats stats;

    // Guest VCPUs only (orphan == false).
    Guest* guest = nullptr;
    unsigned guest_index = 0;
    uint32_t irq_lines = 0;     // guest interrupt lines raised by its devices
    WaitQueue irq_wait;         // where a VCPU executing `wait` blocks
    arch::VcpuState arch;       // the arch's guest state, embedded by value
};

}  // namespace tern
