// Virtual serial ports.
#include "vserial.hpp"

#include <string.h>

#include "console.hpp"
#include "lib/format.hpp"
#include "mem/heap.hpp"
#include "sync/spinlock.hpp"

namespace tern {
namespace {

List<VSerial, &VSerial::node> ports;
VSerial* bound;

void flush_line(VSerial& p) {
    print("%s%.*s\n", p.prefix, static_cast<int>(p.line_len), p.line);
    p.line_len = 0;
}

}  // namespace

VSerial* vserial_create(const char* guest, const char* device, VSerial::Receive rx, void* ctx) {
    VSerial* p = heap_new<VSerial>();
    if (p == nullptr) return nullptr;
    format_to(p->name, sizeof(p->name), "%s/%s", guest, device);
    format_to(p->prefix, sizeof(p->prefix), "[%s] ", guest);
    p->receive = rx;
    p->ctx = ctx;
    IrqGuard guard;
    ports.push_back(*p);
    return p;
}

void vserial_destroy(VSerial* p) {
    if (p == nullptr) return;
    {
        IrqGuard guard;
        if (bound == p) bound = nullptr;
        List<VSerial, &VSerial::node>::remove(*p);
    }
    if (p->line_len > 0) flush_line(*p);
    heap_delete(p);
}

void vserial_put(VSerial& p, uint8_t byte) {
    ++p.tx_bytes;
    if (bound == &p) {
        char c = static_cast<char>(byte);
        console_write(&c, 1);
        return;
    }
    // Unbound: whole lines with the guest's name in front; a carriage
    // return is dropped (the console adds its own), a full buffer flushes.
    if (byte == '\r') return;
    if (byte == '\n') {
        flush_line(p);
        return;
    }
    p.line[p.line_len++] = static_cast<char>(byte);
    if (p.line_len == sizeof(p.line)) flush_line(p);
}

void vserial_receive(VSerial& p, uint8_t byte) {
    ++p.rx_bytes;
    if (p.receive != nullptr) p.receive(p.ctx, byte);
}

VSerial* vserial_find(const char* name) {
    for (VSerial& p : ports)
        if (strcmp(p.name, name) == 0) return &p;
    return nullptr;
}

List<VSerial, &VSerial::node>& vserial_all() { return ports; }
VSerial* vserial_bound() { return bound; }

void vserial_set_bound(VSerial* p) {
    if (p != nullptr && p->line_len > 0) flush_line(*p);
    bound = p;
}

}  // namespace tern
