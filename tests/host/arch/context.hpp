// Host mirror of <arch/context.hpp>: a hypervisor execution context is a
// ucontext, so the real scheduler and threads can switch stacks in a unit
// test (tests/host/hal_host.cpp implements hal/context.hpp with it).
#pragma once

#include <ucontext.h>

namespace arch {

struct Context {
    ucontext_t uc;
    void (*entry)(void*);
    void* arg;
};

}  // namespace arch
