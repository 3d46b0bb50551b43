// A tiny printf for test guests: %d %i %u %x %X %p %s %c %%, with an
// optional '0' flag and field width (%08x).
#pragma once

#include <stdarg.h>

namespace guest {

void putc(char c);
void puts(const char* s);  // no newline added
[[gnu::format(printf, 1, 2)]] void printf(const char* fmt, ...);
void vprintf(const char* fmt, va_list ap);

}  // namespace guest
