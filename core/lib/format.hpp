// printf-style formatting into any byte sink.
//
// Conversions: d i u x X o c s p %, flags - 0 + space #, width and
// precision (also `*`), length modifiers hh h l ll z j t. No floating point:
// the hypervisor never formats floats.
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace tern {

// Where formatted bytes go. A plain function pointer: formatting is never on
// a hot path, and this keeps the formatter free of virtual dispatch.
struct FormatSink {
    void (*put)(void* ctx, char c);
    void* ctx;
};

// Formats into `sink`; returns the number of bytes produced.
size_t vformat(const FormatSink& sink, const char* fmt, va_list ap);

// snprintf semantics: writes at most size-1 bytes plus a NUL (when size > 0)
// and returns the length the full result would have had.
size_t vformat_to(char* buf, size_t size, const char* fmt, va_list ap);
size_t format_to(char* buf, size_t size, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));

}  // namespace tern
