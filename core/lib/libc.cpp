// The few C library functions a freestanding image needs: what the compiler
// may emit calls to, and what Debian's libfdt.a links against. Built into
// the images only; host unit tests use the host's C library.
// These define the C library's and the C++ ABI's own entry points, which no
// Tern header declares.
#pragma GCC diagnostic ignored "-Wmissing-declarations"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

// Keep GCC from turning these loops back into calls to themselves.
#define TERN_LIBC __attribute__((optimize("no-tree-loop-distribute-patterns"), used))

extern "C" {

TERN_LIBC void* memcpy(void* dst, const void* src, size_t n) {
    auto* d = static_cast<unsigned char*>(dst);
    auto* s = static_cast<const unsigned char*>(src);
    if (((reinterpret_cast<uintptr_t>(d) | reinterpret_cast<uintptr_t>(s)) & 3) == 0) {
        for (; n >= 4; n -= 4, d += 4, s += 4)
            *reinterpret_cast<uint32_t*>(d) = *reinterpret_cast<const uint32_t*>(s);
    }
    while (n-- > 0) *d++ = *s++;
    return dst;
}

TERN_LIBC void* memmove(void* dst, const void* src, size_t n) {
    auto* d = static_cast<unsigned char*>(dst);
    auto* s = static_cast<const unsigned char*>(src);
    if (d == s || n == 0) return dst;
    if (d < s || d >= s + n) return memcpy(dst, src, n);
    while (n-- > 0) d[n] = s[n];
    return dst;
}

TERN_LIBC void* memset(void* dst, int c, size_t n) {
    auto* d = static_cast<unsigned char*>(dst);
    while (n-- > 0) *d++ = static_cast<unsigned char>(c);
    return dst;
}

TERN_LIBC int memcmp(const void* a, const void* b, size_t n) {
    auto* x = static_cast<const unsigned char*>(a);
    auto* y = static_cast<const unsigned char*>(b);
    for (; n > 0; --n, ++x, ++y)
        if (*x != *y) return *x - *y;
    return 0;
}

TERN_LIBC void* memchr(const void* s, int c, size_t n) {
    auto* p = static_cast<const unsigned char*>(s);
    for (; n > 0; --n, ++p)
        if (*p == static_cast<unsigned char>(c)) return const_cast<unsigned char*>(p);
    return nullptr;
}

TERN_LIBC size_t strlen(const char* s) {
    size_t n = 0;
    while (s[n] != '\0') ++n;
    return n;
}

TERN_LIBC size_t strnlen(const char* s, size_t max) {
    size_t n = 0;
    while (n < max && s[n] != '\0') ++n;
    return n;
}

TERN_LIBC char* strcpy(char* dst, const char* src) {
    char* d = dst;
    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

TERN_LIBC int strcmp(const char* a, const char* b) {
    while (*a != '\0' && *a == *b) ++a, ++b;
    return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

TERN_LIBC int strncmp(const char* a, const char* b, size_t n) {
    for (; n > 0; --n, ++a, ++b) {
        if (*a != *b || *a == '\0')
            return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
    }
    return 0;
}

TERN_LIBC char* strchr(const char* s, int c) {
    for (;; ++s) {
        if (*s == static_cast<char>(c)) return const_cast<char*>(s);
        if (*s == '\0') return nullptr;
    }
}

TERN_LIBC char* strrchr(const char* s, int c) {
    const char* last = nullptr;
    for (;; ++s) {
        if (*s == static_cast<char>(c)) last = s;
        if (*s == '\0') return const_cast<char*>(last);
    }
}

TERN_LIBC char* strstr(const char* haystack, const char* needle) {
    size_t n = strlen(needle);
    for (; *haystack != '\0'; ++haystack)
        if (strncmp(haystack, needle, n) == 0) return const_cast<char*>(haystack);
    return n == 0 ? const_cast<char*>(haystack) : nullptr;
}

TERN_LIBC unsigned long strtoul(const char* s, char** end, int base) {
    while (*s == ' ' || *s == '\t' || *s == '\n') ++s;
    bool negative = false;
    if (*s == '+' || *s == '-') negative = (*s++ == '-');
    if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
        base = 16;
    } else if (base == 0) {
        base = (s[0] == '0') ? 8 : 10;
    }
    unsigned long v = 0;
    bool overflow = false;
    for (;; ++s) {
        int d;
        if (*s >= '0' && *s <= '9') d = *s - '0';
        else if (*s >= 'a' && *s <= 'z') d = *s - 'a' + 10;
        else if (*s >= 'A' && *s <= 'Z') d = *s - 'A' + 10;
        else break;
        if (d >= base) break;
        unsigned long next = v * static_cast<unsigned long>(base) + static_cast<unsigned long>(d);
        if (next / static_cast<unsigned long>(base) != v) overflow = true;
        v = next;
    }
    if (end != nullptr) *end = const_cast<char*>(s);
    if (overflow) return ULONG_MAX;
    return negative ? 0 - v : v;
}

// Debian builds libfdt with -fstack-protector-strong.
uintptr_t __stack_chk_guard = 0x595e9fbd;
[[noreturn]] void __stack_chk_fail();

}  // extern "C"
