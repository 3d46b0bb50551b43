// C++ runtime support for the freestanding images: stack-protector failure,
// pure virtual calls, sized delete. No exceptions, no RTTI, no libstdc++.
// These define the C library's and the C++ ABI's own entry points, which no
// Tern header declares.
#pragma GCC diagnostic ignored "-Wmissing-declarations"

#include <stddef.h>

#include "console.hpp"

extern "C" [[noreturn]] void __stack_chk_fail() {
    tern::panic("stack smashing detected");
}

extern "C" [[noreturn]] void __cxa_pure_virtual() {
    tern::panic("pure virtual function called");
}

// Objects are never deleted through the global operator delete (the heap has
// its own API); virtual destructors still need it to exist.
void operator delete(void*) noexcept { tern::panic("global operator delete called"); }
void operator delete(void*, size_t) noexcept { tern::panic("global operator delete called"); }
