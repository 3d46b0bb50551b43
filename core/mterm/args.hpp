// Splitting terminal input: command lists on ';' and words on blanks, with
// "double" and 'single' quotes and backslash escapes.
#pragma once

#include <stddef.h>

namespace tern {

inline constexpr size_t max_args = 16;

// Splits `line` in place into at most `max` words. Returns the word count,
// or -1 with `error` set (unterminated quote, too many words).
int split_args(char* line, char* argv[], size_t max, const char** error);

// Calls `fn(command, ctx)` for each ';'-separated command of `list` (quotes
// respected), with `buf` of `size` bytes as scratch. Returns false with
// `error` set if a command does not fit or a quote is unterminated.
bool for_each_command(const char* list, char* buf, size_t size,
                      void (*fn)(char* command, void* ctx), void* ctx, const char** error);

}  // namespace tern
