// PASS/FAIL bookkeeping and the DONE line (check.hpp).
#include "check.hpp"

#include <stdarg.h>

#include "print.hpp"

namespace guest {

namespace {

unsigned passed;
unsigned failed;
const char* scope;

void begin(const char* verdict, const char* name) {
    printf("%s: ", verdict);
    if (scope) {
        printf("%s: ", scope);
    }
    puts(name);
}

bool report(const char* name, bool ok) {
    if (ok) {
        ++passed;
        begin("PASS", name);
        putc('\n');
    } else {
        ++failed;
        begin("FAIL", name);
    }
    return ok;
}

}  // namespace

bool check_eq(const char* name, uint32_t got, uint32_t expected, const char* file, int line) {
    if (!report(name, got == expected)) {
        printf(" (expected 0x%08x, got 0x%08x; %s:%d)\n", expected, got, file, line);
    }
    return got == expected;
}

bool check_masked(const char* name, uint32_t got, uint32_t mask, uint32_t expected,
                  const char* file, int line) {
    const bool ok = (got & mask) == expected;
    if (!report(name, ok)) {
        printf(" (expected 0x%08x under mask 0x%08x, got 0x%08x; %s:%d)\n", expected, mask, got,
               file, line);
    }
    return ok;
}

bool check_range(const char* name, uint32_t got, uint32_t lo, uint32_t hi, const char* file,
                 int line) {
    const bool ok = got >= lo && got <= hi;
    if (!report(name, ok)) {
        printf(" (expected 0x%08x..0x%08x, got 0x%08x; %s:%d)\n", lo, hi, got, file, line);
    }
    return ok;
}

bool check_true(const char* name, bool ok, const char* expression, const char* file, int line) {
    if (!report(name, ok)) {
        printf(" (false: %s; %s:%d)\n", expression, file, line);
    }
    return ok;
}

void info(const char* fmt, ...) {
    puts("INFO: ");
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putc('\n');
}

CheckScope::CheckScope(const char* prefix) : outer_(scope) { scope = prefix; }

CheckScope::~CheckScope() { scope = outer_; }

unsigned passed_checks() { return passed; }

unsigned failed_checks() { return failed; }

void done() {
    printf("DONE: %u passed, %u failed\n", passed, failed);
    halt();
}

void halt() {
    asm volatile(
        "   .set push\n"
        "   .set noreorder\n"
        "   di\n"
        "   ehb\n"
        "1: wait\n"
        "   b 1b\n"
        "   nop\n"
        "   .set pop\n" ::: "memory");
    __builtin_unreachable();
}

}  // namespace guest
