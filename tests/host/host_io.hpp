// The fake I/O bus behind the host IoRegion: tests map device models at
// physical addresses and inspect the access log.
#pragma once

#include <stdint.h>

#include <vector>

namespace host {

struct IoAccess {
    uint64_t phys;
    uint8_t value;
    bool is_write;

    bool operator==(const IoAccess&) const = default;
};

// A register-level model of a device, addressed by byte offset from its base.
class IoDevice {
public:
    virtual ~IoDevice() = default;
    virtual uint8_t read(uint64_t offset) = 0;
    virtual void write(uint64_t offset, uint8_t value) = 0;
};

// Maps `device` at [base, base + size). Later mappings win on overlap.
void io_map(uint64_t base, uint64_t size, IoDevice& device);

// Drops all mappings and the log. An access outside every mapping throws
// host::UnmappedIo, so a driver poking the wrong address fails the test.
void io_reset();

struct UnmappedIo {
    uint64_t phys;
    bool is_write;
};

// Every access since the last io_reset/io_clear_log, in order.
const std::vector<IoAccess>& io_log();
void io_clear_log();

}  // namespace host
