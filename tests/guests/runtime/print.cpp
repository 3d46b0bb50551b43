// Formatted console output (print.hpp). Lines end in a bare '\n': the
// hypervisor's console prefixes and terminates each guest line itself.
#include "print.hpp"

#include <stdint.h>

#include "uart.hpp"

namespace guest {

void putc(char c) { uart::putc(c); }

void puts(const char* s) {
    while (*s) {
        putc(*s++);
    }
}

namespace {

void put_number(uint32_t v, unsigned base, bool upper, bool negative, unsigned width, char pad) {
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[12];
    unsigned n = 0;
    do {
        buf[n++] = digits[v % base];
        v /= base;
    } while (v != 0);
    unsigned len = n + (negative ? 1 : 0);
    if (negative && pad == '0') {
        putc('-');
    }
    for (; len < width; ++len) {
        putc(pad);
    }
    if (negative && pad != '0') {
        putc('-');
    }
    while (n > 0) {
        putc(buf[--n]);
    }
}

}  // namespace

void vprintf(const char* fmt, va_list ap) {
    for (; *fmt; ++fmt) {
        if (*fmt != '%') {
            putc(*fmt);
            continue;
        }
        ++fmt;
        char pad = ' ';
        if (*fmt == '0') {
            pad = '0';
            ++fmt;
        }
        unsigned width = 0;
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + static_cast<unsigned>(*fmt++ - '0');
        }
        switch (*fmt) {
        case 'd':
        case 'i': {
            const int32_t v = va_arg(ap, int32_t);
            const uint32_t magnitude = v < 0 ? 0u - static_cast<uint32_t>(v) : static_cast<uint32_t>(v);
            put_number(magnitude, 10, false, v < 0, width, pad);
            break;
        }
        case 'u':
            put_number(va_arg(ap, uint32_t), 10, false, false, width, pad);
            break;
        case 'x':
        case 'X':
            put_number(va_arg(ap, uint32_t), 16, *fmt == 'X', false, width, pad);
            break;
        case 'p':
            puts("0x");
            put_number(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(va_arg(ap, void*))), 16,
                       false, false, 8, '0');
            break;
        case 's': {
            const char* s = va_arg(ap, const char*);
            puts(s ? s : "(null)");
            break;
        }
        case 'c':
            putc(static_cast<char>(va_arg(ap, int)));
            break;
        case '%':
            putc('%');
            break;
        case '\0':
            return;
        default:
            putc('%');
            putc(*fmt);
            break;
        }
    }
}

void printf(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

}  // namespace guest
