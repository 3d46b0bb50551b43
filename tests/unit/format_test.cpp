// The printf-style formatter (core/lib/format.cpp): every conversion, flag,
// width and precision form, length modifier, truncation, the return value,
// and a sweep against the host C library's snprintf.
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <initializer_list>
#include <string>

#include "catch.hpp"
#include "lib/format.hpp"

namespace {

// Formats through format_to into a roomy buffer; also checks that the
// return value is the length of what was written. No format attribute, so
// the deliberately odd formats below pass the compiler's format checks.
std::string fmt(const char* format, ...) {
    char buf[512];
    memset(buf, 0x5a, sizeof(buf));
    va_list ap;
    va_start(ap, format);
    size_t n = tern::vformat_to(buf, sizeof(buf), format, ap);
    va_end(ap);
    // Not REQUIREs: the sweep below calls this thousands of times.
    if (n >= sizeof(buf)) {
        FAIL("format_to returned " << n << " for " << format);
        return {};
    }
    if (buf[n] != '\0') FAIL("no NUL after the " << n << " bytes of " << format);
    return std::string(buf, n);  // may hold NULs (%c of 0)
}

// The host C library's result, for the sweep.
std::string libc(const char* format, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(buf, sizeof(buf), format, ap);
    va_end(ap);
    if (n < 0 || static_cast<size_t>(n) >= sizeof(buf)) {
        FAIL("vsnprintf failed on " << format);
        return {};
    }
    return std::string(buf, static_cast<size_t>(n));
}

}  // namespace

TEST_CASE("text without conversions is copied", "[format]") {
    CHECK(fmt("") == "");
    CHECK(fmt("hello, world\n") == "hello, world\n");
    CHECK(fmt("tabs\tand\r\nnewlines") == "tabs\tand\r\nnewlines");
}

TEST_CASE("%d and %i", "[format]") {
    CHECK(fmt("%d", 0) == "0");
    CHECK(fmt("%d", 42) == "42");
    CHECK(fmt("%i", 42) == "42");
    CHECK(fmt("%d", -42) == "-42");
    CHECK(fmt("%i", -1) == "-1");
    CHECK(fmt("%d", INT_MAX) == "2147483647");
    CHECK(fmt("%d", INT_MIN) == "-2147483648");
    CHECK(fmt("%d %i %d", 1, -2, 3) == "1 -2 3");
}

TEST_CASE("%u, %x, %X and %o", "[format]") {
    CHECK(fmt("%u", 0u) == "0");
    CHECK(fmt("%u", 4000000000u) == "4000000000");
    CHECK(fmt("%u", UINT_MAX) == "4294967295");
    CHECK(fmt("%x", 0xdeadbeefu) == "deadbeef");
    CHECK(fmt("%X", 0xdeadbeefu) == "DEADBEEF");
    CHECK(fmt("%x", 0u) == "0");
    CHECK(fmt("%o", 8u) == "10");
    CHECK(fmt("%o", 0u) == "0");
    CHECK(fmt("%o", UINT_MAX) == "37777777777");
    // A negative int through an unsigned conversion: its two's complement.
    CHECK(fmt("%u", -1) == "4294967295");
    CHECK(fmt("%x", -1) == "ffffffff");
}

TEST_CASE("%c", "[format]") {
    CHECK(fmt("%c", 'A') == "A");
    CHECK(fmt("[%3c]", 'x') == "[  x]");
    CHECK(fmt("[%-3c]", 'x') == "[x  ]");
    CHECK(fmt("[%.0c]", 'x') == "[x]");  // precision does not apply to %c
    CHECK(fmt("%c%c%c", 'a', 'b', 'c') == "abc");
    SECTION("a NUL character is one byte of output") {
        CHECK(fmt("a%cb", 0) == std::string("a\0b", 3));
        CHECK(fmt("[%3c]", 0) == std::string("[  \0]", 5));
        CHECK(fmt("[%-3c]", 0) == std::string("[\0  ]", 5));
    }
}

TEST_CASE("%s", "[format]") {
    CHECK(fmt("%s", "text") == "text");
    CHECK(fmt("%s", "") == "");
    CHECK(fmt("%s", static_cast<const char*>(nullptr)) == "(null)");
    CHECK(fmt("[%8s]", "abc") == "[     abc]");
    CHECK(fmt("[%-8s]", "abc") == "[abc     ]");
    CHECK(fmt("[%2s]", "abcdef") == "[abcdef]");  // width never cuts
    CHECK(fmt("[%.2s]", "abcdef") == "[ab]");
    CHECK(fmt("[%.0s]", "abcdef") == "[]");
    CHECK(fmt("[%.10s]", "abc") == "[abc]");
    CHECK(fmt("[%6.2s]", "abcdef") == "[    ab]");
    CHECK(fmt("[%-6.2s]", "abcdef") == "[ab    ]");
    CHECK(fmt("[%.3s]", static_cast<const char*>(nullptr)) == "[(nu]");
    SECTION("precision stops reading at the limit: no NUL needed") {
        const char unterminated[4] = {'w', 'x', 'y', 'z'};
        CHECK(fmt("%.4s", unterminated) == "wxyz");
    }
}

TEST_CASE("%p", "[format]") {
    CHECK(fmt("%p", reinterpret_cast<void*>(0x1234)) == "0x1234");
    CHECK(fmt("%p", reinterpret_cast<void*>(0xb80003f8)) == "0xb80003f8");
    CHECK(fmt("%p", static_cast<void*>(nullptr)) == "0x0");  // not glibc's "(nil)"
    CHECK(fmt("[%10p]", reinterpret_cast<void*>(0xabc)) == "[     0xabc]");
    CHECK(fmt("[%-10p]", reinterpret_cast<void*>(0xabc)) == "[0xabc     ]");
    CHECK(fmt("[%010p]", reinterpret_cast<void*>(0xabc)) == "[0x00000abc]");
    CHECK(fmt("%p", reinterpret_cast<void*>(UINTPTR_MAX)) ==
          (sizeof(void*) == 8 ? "0xffffffffffffffff" : "0xffffffff"));
}

TEST_CASE("%% prints one percent sign and consumes no argument", "[format]") {
    CHECK(fmt("%%") == "%");
    CHECK(fmt("100%%") == "100%");
    CHECK(fmt("%%%d%%", 5) == "%5%");
    CHECK(fmt("%%d", 5) == "%d");
}

TEST_CASE("unknown conversions are printed verbatim", "[format]") {
    CHECK(fmt("%k") == "%k");
    CHECK(fmt("[%-08.3k]") == "[%-08.3k]");
    CHECK(fmt("%lq") == "%lq");
    CHECK(fmt("%f") == "%f");  // no floating point in the hypervisor
    SECTION("they consume no argument") {
        CHECK(fmt("%k %d", 5) == "%k 5");
    }
    SECTION("formatting stops at the end of a cut-off conversion") {
        CHECK(fmt("abc%").substr(0, 4) == "abc%");
        CHECK(fmt("%-5").substr(0, 3) == "%-5");
    }
}

TEST_CASE("flags", "[format]") {
    SECTION("'-' pads on the right") {
        CHECK(fmt("[%-5d]", 42) == "[42   ]");
        CHECK(fmt("[%-5d]", -42) == "[-42  ]");
        CHECK(fmt("[%-5x]", 0xabu) == "[ab   ]");
    }
    SECTION("'0' pads with zeros after the sign and prefix") {
        CHECK(fmt("[%05d]", 42) == "[00042]");
        CHECK(fmt("[%05d]", -42) == "[-0042]");
        CHECK(fmt("[%08x]", 0x3f8u) == "[000003f8]");
        CHECK(fmt("[%#08x]", 0x3f8u) == "[0x0003f8]");
        CHECK(fmt("[%+05d]", 42) == "[+0042]");
    }
    SECTION("'-' beats '0'") {
        CHECK(fmt("[%-05d]", 42) == "[42   ]");
        CHECK(fmt("[%0-5d]", 42) == "[42   ]");
    }
    SECTION("a precision turns '0' off for numbers") {
        CHECK(fmt("[%05.3d]", 7) == "[  007]");
        CHECK(fmt("[%08.3x]", 0xau) == "[     00a]");
    }
    SECTION("'+' and ' ' on signed conversions") {
        CHECK(fmt("%+d", 5) == "+5");
        CHECK(fmt("%+d", -5) == "-5");
        CHECK(fmt("%+d", 0) == "+0");
        CHECK(fmt("% d", 5) == " 5");
        CHECK(fmt("% d", -5) == "-5");
        CHECK(fmt("%+ d", 5) == "+5");  // '+' beats ' '
        CHECK(fmt("[% 5d]", 42) == "[   42]");
    }
    SECTION("'#' adds the base prefix") {
        CHECK(fmt("%#x", 255u) == "0xff");
        CHECK(fmt("%#X", 255u) == "0XFF");
        CHECK(fmt("%#o", 8u) == "010");
        CHECK(fmt("%#o", 0u) == "0");
        CHECK(fmt("%#.3o", 8u) == "010");  // precision already gives the 0
        CHECK(fmt("%#.0o", 0u) == "0");
        CHECK(fmt("[%#10x]", 0x3f8u) == "[     0x3f8]");
        CHECK(fmt("[%-#10x]", 0x3f8u) == "[0x3f8     ]");
        CHECK(fmt("%#u", 10u) == "10");  // no prefix in base 10
        CHECK(fmt("%#d", 10) == "10");
    }
}

TEST_CASE("width and precision", "[format]") {
    CHECK(fmt("[%6d]", 42) == "[    42]");
    CHECK(fmt("[%1d]", 12345) == "[12345]");  // width never cuts
    CHECK(fmt("[%.5d]", 42) == "[00042]");
    CHECK(fmt("[%.5d]", -42) == "[-00042]");
    CHECK(fmt("[%8.5d]", -42) == "[  -00042]");
    CHECK(fmt("[%.8x]", 0x3f8u) == "[000003f8]");
    CHECK(fmt("[%.d]", 7) == "[7]");  // "." alone is precision 0
    SECTION("precision 0 of the value 0 prints no digits") {
        CHECK(fmt("[%.0d]", 0) == "[]");
        CHECK(fmt("[%.0x]", 0u) == "[]");
        CHECK(fmt("[%5.0d]", 0) == "[     ]");
        CHECK(fmt("[%+.0d]", 0) == "[+]");
        CHECK(fmt("[%.0d]", 1) == "[1]");
    }
    SECTION("'*' takes width and precision from the arguments") {
        CHECK(fmt("[%*d]", 5, 42) == "[   42]");
        CHECK(fmt("[%-*d]", 5, 42) == "[42   ]");
        CHECK(fmt("[%*d]", -5, 42) == "[42   ]");  // negative width: left-justify
        CHECK(fmt("[%.*d]", 4, 42) == "[0042]");
        CHECK(fmt("[%.*d]", -1, 42) == "[42]");    // negative precision: none
        CHECK(fmt("[%*.*s]", 6, 2, "abcdef") == "[    ab]");
        CHECK(fmt("[%.*s]", 3, "abcdef") == "[abc]");
        CHECK(fmt("[%0*x]", 4, 0xau) == "[000a]");
        CHECK(fmt("%*d|%d", 3, 1, 2) == "  1|2");
    }
    SECTION("wide fields") {
        CHECK(fmt("%40d", 1) == std::string(39, ' ') + "1");
        CHECK(fmt("%.30d", 1) == std::string(29, '0') + "1");
    }
}

TEST_CASE("length modifiers", "[format]") {
    SECTION("hh: char") {
        CHECK(fmt("%hhd", 300) == "44");
        CHECK(fmt("%hhd", 200) == "-56");
        CHECK(fmt("%hhd", -129) == "127");
        CHECK(fmt("%hhu", 256) == "0");
        CHECK(fmt("%hhu", -1) == "255");
        CHECK(fmt("%hhx", 0x1ff) == "ff");
    }
    SECTION("h: short") {
        CHECK(fmt("%hd", 70000) == "4464");
        CHECK(fmt("%hd", 40000) == "-25536");
        CHECK(fmt("%hd", -32769) == "32767");
        CHECK(fmt("%hu", 65536 + 7) == "7");
        CHECK(fmt("%hx", 0x12345) == "2345");
        CHECK(fmt("%hu", -1) == "65535");
    }
    SECTION("l: long") {
        CHECK(fmt("%ld", LONG_MIN) == std::to_string(LONG_MIN));
        CHECK(fmt("%lu", ULONG_MAX) == std::to_string(ULONG_MAX));
        CHECK(fmt("%lx", 0x12345678ul) == "12345678");
        CHECK(fmt("%li", -7l) == "-7");
    }
    SECTION("ll: long long") {
        CHECK(fmt("%lld", LLONG_MAX) == "9223372036854775807");
        CHECK(fmt("%lld", LLONG_MIN) == "-9223372036854775808");
        CHECK(fmt("%lli", -1ll) == "-1");
        CHECK(fmt("%llu", ULLONG_MAX) == "18446744073709551615");
        CHECK(fmt("%llx", ULLONG_MAX) == "ffffffffffffffff");
        CHECK(fmt("%llX", 0x180003f8ull) == "180003F8");
        CHECK(fmt("%llo", ULLONG_MAX) == "1777777777777777777777");
        CHECK(fmt("%llx", 0x1000003000ull) == "1000003000");
        CHECK(fmt("[%020lld]", LLONG_MIN) == "[-9223372036854775808]");
        CHECK(fmt("[%22lld]", LLONG_MIN) == "[  -9223372036854775808]");
        CHECK(fmt("[%-22lld]", LLONG_MIN) == "[-9223372036854775808  ]");
        CHECK(fmt("[%.22lld]", LLONG_MIN) == "[-0009223372036854775808]");
        CHECK(fmt("%+lld", LLONG_MAX) == "+9223372036854775807");
    }
    SECTION("z: size_t") {
        CHECK(fmt("%zu", SIZE_MAX) == std::to_string(SIZE_MAX));
        CHECK(fmt("%zx", static_cast<size_t>(0xabc)) == "abc");
        CHECK(fmt("%zd", static_cast<size_t>(12)) == "12");
    }
    SECTION("j: intmax_t") {
        CHECK(fmt("%jd", INTMAX_MIN) == "-9223372036854775808");
        CHECK(fmt("%jd", INT64_MIN) == "-9223372036854775808");
        CHECK(fmt("%ju", UINTMAX_MAX) == "18446744073709551615");
        CHECK(fmt("%jx", static_cast<uintmax_t>(1) << 40) == "10000000000");
    }
    SECTION("t: ptrdiff_t") {
        CHECK(fmt("%td", static_cast<ptrdiff_t>(-5)) == "-5");
        CHECK(fmt("%td", PTRDIFF_MAX) == std::to_string(PTRDIFF_MAX));
        CHECK(fmt("%tx", static_cast<ptrdiff_t>(255)) == "ff");
    }
    SECTION("the widths of the arguments stay in step") {
        CHECK(fmt("%hhd %lld %hd %d", 1, 2ll, 3, 4) == "1 2 3 4");
        CHECK(fmt("%lld|%s|%llx", LLONG_MIN, "mid", 0xffull) ==
              "-9223372036854775808|mid|ff");
    }
}

TEST_CASE("INT64_MIN has no positive counterpart", "[format]") {
    CHECK(fmt("%lld", static_cast<long long>(INT64_MIN)) == "-9223372036854775808");
    CHECK(fmt("%" PRId64, INT64_MIN) == "-9223372036854775808");
    CHECK(fmt("%" PRIx64, static_cast<uint64_t>(INT64_MIN)) == "8000000000000000");
    CHECK(fmt("%d", INT32_MIN) == "-2147483648");
}

TEST_CASE("format_to truncates like snprintf and returns the full length", "[format]") {
    char buf[16];
    SECTION("the result fits") {
        CHECK(tern::format_to(buf, sizeof(buf), "%s=%d", "x", 42) == 4);
        CHECK(std::string(buf) == "x=42");
    }
    SECTION("exactly size - 1 bytes fit") {
        CHECK(tern::format_to(buf, 5, "%s", "abcd") == 4);
        CHECK(std::string(buf) == "abcd");
    }
    SECTION("size bytes do not: the last byte is the NUL") {
        CHECK(tern::format_to(buf, 5, "%s", "abcde") == 5);
        CHECK(std::string(buf) == "abcd");
    }
    SECTION("a long result is cut, the return value still counts it") {
        memset(buf, 'Z', sizeof(buf));
        CHECK(tern::format_to(buf, 8, "value=%08x!", 0xdeadbeefu) == 15);
        CHECK(std::string(buf) == "value=d");
        CHECK(buf[8] == 'Z');  // nothing written past size
    }
    SECTION("size 1 holds only the NUL") {
        buf[0] = 'Z';
        CHECK(tern::format_to(buf, 1, "%d", 12345) == 5);
        CHECK(buf[0] == '\0');
        CHECK(buf[1] != '\0');
    }
    SECTION("size 0 writes nothing at all") {
        memset(buf, 'Z', sizeof(buf));
        CHECK(tern::format_to(buf, 0, "%s", "hello") == 5);
        CHECK(buf[0] == 'Z');
        CHECK(tern::format_to(nullptr, 0, "%d-%d", 10, 20) == 5);  // length probe
    }
    SECTION("an empty result") {
        buf[0] = 'Z';
        CHECK(tern::format_to(buf, sizeof(buf), "%s", "") == 0);
        CHECK(buf[0] == '\0');
    }
    SECTION("agrees with snprintf on every size") {
        const char* text = "%s:%5d:%-4x|";
        for (size_t size = 0; size <= 20; ++size) {
            char mine[24], theirs[24];
            memset(mine, 'Z', sizeof(mine));
            memset(theirs, 'Z', sizeof(theirs));
            size_t n = tern::format_to(mine, size, text, "ab", -12, 0xcu);
            int m = snprintf(theirs, size, text, "ab", -12, 0xcu);
            INFO("size " << size);
            CHECK(n == static_cast<size_t>(m));
            CHECK(memcmp(mine, theirs, sizeof(mine)) == 0);
        }
    }
}

namespace {

struct CollectingSink {
    std::string bytes;
    int calls = 0;
};

void collect(void* ctx, char c) {
    auto* sink = static_cast<CollectingSink*>(ctx);
    sink->bytes.push_back(c);
    ++sink->calls;
}

size_t format_into(CollectingSink& sink, const char* format, ...) {
    va_list ap;
    va_start(ap, format);
    size_t n = tern::vformat(tern::FormatSink{collect, &sink}, format, ap);
    va_end(ap);
    return n;
}

}  // namespace

TEST_CASE("vformat hands every byte to the sink and counts them", "[format]") {
    CollectingSink sink;
    size_t n = format_into(sink, "%s %d%c%%", "cpu", 24, 'K');
    CHECK(sink.bytes == "cpu 24K%");
    CHECK(n == 8);
    CHECK(sink.calls == 8);
}

TEST_CASE("vformat leaves the caller's va_list usable", "[format]") {
    // vformat works on a copy, so a caller may format the same arguments twice.
    struct Twice {
        static std::string run(const char* format, ...) {
            CollectingSink a, b;
            va_list ap;
            va_start(ap, format);
            tern::vformat(tern::FormatSink{collect, &a}, format, ap);
            tern::vformat(tern::FormatSink{collect, &b}, format, ap);
            va_end(ap);
            return a.bytes + "|" + b.bytes;
        }
    };
    CHECK(Twice::run("%d-%s", 7, "x") == "7-x|7-x");
}

TEST_CASE("a sweep of flags, widths, precisions and values against snprintf", "[format][libc]") {
    const char* flag_sets[] = {"", "-", "0", "+", " ", "#", "-0", "+0", "- ", "#0", "#-", "+ ", "-#0+ "};
    const char* widths[] = {"", "1", "6", "12", "25"};
    const char* precisions[] = {"", ".", ".0", ".1", ".5", ".12", ".22"};
    const char conversions[] = {'d', 'i', 'u', 'x', 'X', 'o'};
    const long long values[] = {0, 1, -1, 7, 42, -42, 255, 4096, INT32_MAX, INT32_MIN, 123456789,
                                LLONG_MAX, LLONG_MIN};
    // One assertion for the lot; the first mismatches are listed if any.
    int compared = 0;
    std::string mismatches;
    int mismatch_count = 0;
    auto compare = [&](const std::string& f, const std::string& mine, const std::string& theirs) {
        ++compared;
        if (mine == theirs) return;
        if (++mismatch_count <= 20)
            mismatches += f + ": tern [" + mine + "] libc [" + theirs + "]\n";
    };
    for (const char* flags : flag_sets) {
        for (const char* width : widths) {
            for (const char* precision : precisions) {
                const std::string f = std::string("%") + flags + width + precision;
                for (char conv : conversions) {
                    const std::string f_int = f + conv, f_ll = f + "ll" + conv;
                    for (long long v : values) {
                        const int i = static_cast<int>(v);
                        compare(f_int + " of " + std::to_string(i), fmt(f_int.c_str(), i),
                                libc(f_int.c_str(), i));
                        compare(f_ll + " of " + std::to_string(v), fmt(f_ll.c_str(), v),
                                libc(f_ll.c_str(), v));
                    }
                }
                // Only '-' is defined for %s in C.
                if (strchr(flags, '0') || strchr(flags, '+') || strchr(flags, ' ') || strchr(flags, '#'))
                    continue;
                const std::string f_s = f + "s";
                compare(f_s, fmt(f_s.c_str(), "hypervisor"), libc(f_s.c_str(), "hypervisor"));
            }
        }
    }
    INFO(mismatch_count << " of " << compared << " formats differ:\n" << mismatches);
    CHECK(mismatch_count == 0);
    CHECK(compared > 15000);
}

// Cases where Tern's formatter once disagreed with ISO C.
TEST_CASE("C: '+' and ' ' apply to signed conversions only", "[format]") {
    CHECK(fmt("%+u", 5u) == "5");
    CHECK(fmt("% x", 5u) == "5");
    CHECK(fmt("%+o", 8u) == "10");
}

TEST_CASE("C: '#' adds no 0x prefix to the value 0", "[format]") {
    CHECK(fmt("%#x", 0u) == "0");
    CHECK(fmt("%#X", 0u) == "0");
    CHECK(fmt("[%#5x]", 0u) == "[    0]");
}

// Compares lengths: a stray NUL in a test log would be worse than the bug.
TEST_CASE("a format cut off inside a conversion emits no NUL byte", "[format]") {
    CHECK(fmt("%").size() == 1);
    CHECK(fmt("abc%").size() == 4);
    CHECK(fmt("%-5").size() == 3);
    CHECK(fmt("%ll").size() == 3);
    CHECK(fmt("%.").size() == 2);
}
