// Test results, one console line per check:
//   PASS: <check>
//   FAIL: <check> (<expected vs got, in hex>; <file>:<line>)
// and at the end "DONE: <n> passed, <m> failed" (done()).
#pragma once

#include <stdint.h>

namespace guest {

bool check_eq(const char* name, uint32_t got, uint32_t expected, const char* file, int line);
bool check_masked(const char* name, uint32_t got, uint32_t mask, uint32_t expected,
                  const char* file, int line);
bool check_range(const char* name, uint32_t got, uint32_t lo, uint32_t hi, const char* file,
                 int line);
bool check_true(const char* name, bool ok, const char* expression, const char* file, int line);

// Informational line ("INFO: ..."); the test harness ignores it.
[[gnu::format(printf, 1, 2)]] void info(const char* fmt, ...);

// Prefixes every check name printed while it lives: "<prefix>: <name>".
class CheckScope {
public:
    explicit CheckScope(const char* prefix);
    ~CheckScope();
    CheckScope(const CheckScope&) = delete;
    CheckScope& operator=(const CheckScope&) = delete;

private:
    const char* outer_;
};

unsigned passed_checks();
unsigned failed_checks();

// Prints the DONE line and idles forever with interrupts disabled.
[[noreturn]] void done();
// di, then wait forever: the hypervisor parks a VCPU that can never wake.
[[noreturn]] void halt();

}  // namespace guest

#define CHECK_EQ(name, got, expected)                                             \
    ::guest::check_eq((name), static_cast<uint32_t>(got), static_cast<uint32_t>(expected), \
                      __FILE_NAME__, __LINE__)
// (got & mask) == expected
#define CHECK_MASKED(name, got, mask, expected)                                   \
    ::guest::check_masked((name), static_cast<uint32_t>(got), static_cast<uint32_t>(mask), \
                          static_cast<uint32_t>(expected), __FILE_NAME__, __LINE__)
// lo <= got <= hi (unsigned)
#define CHECK_RANGE(name, got, lo, hi)                                            \
    ::guest::check_range((name), static_cast<uint32_t>(got), static_cast<uint32_t>(lo), \
                         static_cast<uint32_t>(hi), __FILE_NAME__, __LINE__)
#define CHECK(name, condition) \
    ::guest::check_true((name), static_cast<bool>(condition), #condition, __FILE_NAME__, __LINE__)
