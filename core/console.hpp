// Formatted output on the host console, and panic.
#pragma once

#include <stdarg.h>

namespace tern {

// Formats to the host console; "\n" becomes "\r\n". Takes the console lock,
// so lines from different threads do not interleave mid-line.
void print(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void vprint(const char* fmt, va_list ap);

// Writes raw bytes (no newline translation).
void console_write(const char* s, unsigned long len);

// Reports a fatal hypervisor error and halts. For hypervisor bugs only: a
// misbehaving guest or bad input never ends up here.
[[noreturn]] void panic(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace tern
