// Virtual serial ports: the host side of a guest's UART. Unbound, a port's
// output reaches the host console line by line, prefixed with the guest's
// name; bound (mterm `vserial bind`), the console talks to it directly.
#pragma once

#include <stdint.h>

#include "lib/list.hpp"
#include "lib/std.hpp"

namespace tern {

class VSerial {
public:
    using Receive = void (*)(void* ctx, uint8_t byte);

    ListNode node;
    char name[40] = {};          // "<guest>/<device node>"
    char prefix[20] = {};        // "[<guest>] "
    Receive receive = nullptr;   // bytes typed at the console when bound
    void* ctx = nullptr;
    char line[160] = {};
    unsigned line_len = 0;
    uint64_t tx_bytes = 0;
    uint64_t rx_bytes = 0;
};

// Creates and registers a port; nullptr when the heap is full.
[[nodiscard]] VSerial* vserial_create(const char* guest, const char* device, VSerial::Receive rx,
                                     void* ctx);
void vserial_destroy(VSerial* port);
// A byte the guest transmitted.
void vserial_put(VSerial& port, uint8_t byte);
// Hands a byte to the guest's receiver (console input while bound).
void vserial_receive(VSerial& port, uint8_t byte);

[[nodiscard]] VSerial* vserial_find(const char* name);
[[nodiscard]] List<VSerial, &VSerial::node>& vserial_all();
// The port the console is bound to, or nullptr.
[[nodiscard]] VSerial* vserial_bound();
void vserial_set_bound(VSerial* port);

}  // namespace tern
