// The device emulation framework: emulators are arch-neutral, registered by
// compatible string, created from a guest's device tree node, and handed
// already-decoded accesses by the arch's trap-and-emulate code.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace tern {

class Guest;
struct Device;

// What the guest's device tree says about one device.
struct DeviceConfig {
    char name[24];         // node name, e.g. "serial@1f000900"
    char compatible[32];
    uint64_t base;         // guest-physical
    uint64_t size;
    uint32_t reg_shift;    // "reg-shift", 0 if absent
    int32_t irq;           // guest interrupt line ("interrupts"), -1 if none
};

struct EmulatorOps {
    const char* compatible;
    // Creates the device's state (on the heap); nullptr with `error` set.
    void* (*create)(Device& dev, const char** error);
    // Register access at `offset` from the device base, `width` 1, 2 or 4.
    uint32_t (*read)(Device& dev, uint64_t offset, unsigned width);
    void (*write)(Device& dev, uint64_t offset, unsigned width, uint32_t value);
    void (*reset)(Device& dev);
    void (*destroy)(Device& dev);
};

struct Device {
    DeviceConfig config;
    const EmulatorOps* ops = nullptr;
    void* state = nullptr;
    Guest* guest = nullptr;
    uint64_t reads = 0;
    uint64_t writes = 0;
};

// Emulators put their ops in this section (see TERN_EMULATOR); GNU ld
// provides the bounds.
#define TERN_EMULATOR(var) \
    __attribute__((section("tern_emulators"), used, retain, aligned(sizeof(void*)))) \
    const EmulatorOps* const var##_entry = &var

// The emulator for `compatible`, or nullptr.
[[nodiscard]] const EmulatorOps* emulator_find(const char* compatible);
// Calls `fn` for every registered emulator.
void emulator_for_each(void (*fn)(const EmulatorOps& ops, void* ctx), void* ctx);

// For emulators: raise or lower the device's guest interrupt line.
void device_irq(Device& dev, bool level);

}  // namespace tern
