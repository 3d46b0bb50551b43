// printf-style formatter (see format.hpp for the supported syntax).
#include "lib/format.hpp"

#include <stdint.h>

namespace tern {
namespace {

struct Spec {
    bool left = false;      // '-'
    bool zero = false;      // '0'
    bool plus = false;      // '+'
    bool space = false;     // ' '
    bool alt = false;       // '#'
    int width = 0;
    int precision = -1;     // -1: none given
};

enum class Length { none, hh, h, l, ll, z, j, t };

class Writer {
public:
    explicit Writer(const FormatSink& sink) : sink_(sink) {}
    void put(char c) { sink_.put(sink_.ctx, c); ++count_; }
    void repeat(char c, int n) { while (n-- > 0) put(c); }
    size_t count() const { return count_; }

private:
    const FormatSink& sink_;
    size_t count_ = 0;
};

// Formats an unsigned magnitude with sign/prefix, precision and padding.
void emit_number(Writer& w, uint64_t value, bool negative, unsigned base, bool upper,
                 const Spec& spec, bool is_pointer, bool is_signed = false) {
    const bool nonzero = value != 0;
    char digits[24];
    int n = 0;
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (value == 0 && spec.precision == 0) {
        n = 0;  // "%.0d" of zero prints no digits
    } else {
        do {
            digits[n++] = set[value % base];
            value /= base;
        } while (value != 0);
    }

    char prefix[3] = {};
    int prefix_len = 0;
    // '+' and ' ' only mean something for signed conversions (C11 7.21.6.1).
    if (negative) prefix[prefix_len++] = '-';
    else if (is_signed && spec.plus) prefix[prefix_len++] = '+';
    else if (is_signed && spec.space) prefix[prefix_len++] = ' ';
    // "#x" prefixes only a nonzero value; %p always gets 0x.
    if (((spec.alt && nonzero) || is_pointer) && base == 16) {
        prefix[prefix_len++] = '0';
        prefix[prefix_len++] = upper ? 'X' : 'x';
    }
    int zeros = spec.precision > n ? spec.precision - n : 0;
    if (spec.alt && base == 8 && zeros == 0 && (n == 0 || digits[n - 1] != '0')) zeros = 1;

    int body = prefix_len + zeros + n;
    int pad = spec.width > body ? spec.width - body : 0;
    bool zero_pad = spec.zero && !spec.left && spec.precision < 0;

    if (!spec.left && !zero_pad) w.repeat(' ', pad);
    for (int i = 0; i < prefix_len; ++i) w.put(prefix[i]);
    if (zero_pad) w.repeat('0', pad);
    w.repeat('0', zeros);
    while (n > 0) w.put(digits[--n]);
    if (spec.left) w.repeat(' ', pad);
}

void emit_string(Writer& w, const char* s, const Spec& spec) {
    if (s == nullptr) s = "(null)";
    int len = 0;
    while (s[len] != '\0' && (spec.precision < 0 || len < spec.precision)) ++len;
    int pad = spec.width > len ? spec.width - len : 0;
    if (!spec.left) w.repeat(' ', pad);
    for (int i = 0; i < len; ++i) w.put(s[i]);
    if (spec.left) w.repeat(' ', pad);
}

uint64_t fetch_unsigned(va_list& ap, Length len) {
    switch (len) {
    case Length::hh: return static_cast<unsigned char>(va_arg(ap, unsigned));
    case Length::h: return static_cast<unsigned short>(va_arg(ap, unsigned));
    case Length::l: return va_arg(ap, unsigned long);
    case Length::ll: return va_arg(ap, unsigned long long);
    case Length::z: return va_arg(ap, size_t);
    case Length::j: return va_arg(ap, uintmax_t);
    case Length::t: return static_cast<uint64_t>(va_arg(ap, ptrdiff_t));
    case Length::none: break;
    }
    return va_arg(ap, unsigned);
}

int64_t fetch_signed(va_list& ap, Length len) {
    switch (len) {
    case Length::hh: return static_cast<signed char>(va_arg(ap, int));
    case Length::h: return static_cast<short>(va_arg(ap, int));
    case Length::l: return va_arg(ap, long);
    case Length::ll: return va_arg(ap, long long);
    case Length::z: return static_cast<int64_t>(va_arg(ap, size_t));
    case Length::j: return va_arg(ap, intmax_t);
    case Length::t: return va_arg(ap, ptrdiff_t);
    case Length::none: break;
    }
    return va_arg(ap, int);
}

}  // namespace

size_t vformat(const FormatSink& sink, const char* fmt, va_list ap_in) {
    Writer w(sink);
    va_list ap;
    va_copy(ap, ap_in);

    while (*fmt != '\0') {
        if (*fmt != '%') {
            w.put(*fmt++);
            continue;
        }
        const char* start = fmt++;
        Spec spec;
        for (bool more = true; more;) {
            switch (*fmt) {
            case '-': spec.left = true; ++fmt; break;
            case '0': spec.zero = true; ++fmt; break;
            case '+': spec.plus = true; ++fmt; break;
            case ' ': spec.space = true; ++fmt; break;
            case '#': spec.alt = true; ++fmt; break;
            default: more = false; break;
            }
        }
        if (*fmt == '*') {
            spec.width = va_arg(ap, int);
            if (spec.width < 0) { spec.left = true; spec.width = -spec.width; }
            ++fmt;
        } else {
            while (*fmt >= '0' && *fmt <= '9') spec.width = spec.width * 10 + (*fmt++ - '0');
        }
        if (*fmt == '.') {
            ++fmt;
            spec.precision = 0;
            if (*fmt == '*') {
                spec.precision = va_arg(ap, int);
                if (spec.precision < 0) spec.precision = -1;
                ++fmt;
            } else {
                while (*fmt >= '0' && *fmt <= '9')
                    spec.precision = spec.precision * 10 + (*fmt++ - '0');
            }
        }
        Length len = Length::none;
        switch (*fmt) {
        case 'h': ++fmt; len = (*fmt == 'h') ? (++fmt, Length::hh) : Length::h; break;
        case 'l': ++fmt; len = (*fmt == 'l') ? (++fmt, Length::ll) : Length::l; break;
        case 'z': ++fmt; len = Length::z; break;
        case 'j': ++fmt; len = Length::j; break;
        case 't': ++fmt; len = Length::t; break;
        default: break;
        }

        switch (char conv = *fmt++) {
        case 'd':
        case 'i': {
            int64_t v = fetch_signed(ap, len);
            uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
            emit_number(w, mag, v < 0, 10, false, spec, false, true);
            break;
        }
        case 'u': emit_number(w, fetch_unsigned(ap, len), false, 10, false, spec, false); break;
        case 'x': emit_number(w, fetch_unsigned(ap, len), false, 16, false, spec, false); break;
        case 'X': emit_number(w, fetch_unsigned(ap, len), false, 16, true, spec, false); break;
        case 'o': emit_number(w, fetch_unsigned(ap, len), false, 8, false, spec, false); break;
        case 'p': {
            auto v = reinterpret_cast<uintptr_t>(va_arg(ap, void*));
            emit_number(w, v, false, 16, false, spec, true);
            break;
        }
        case 'c': {
            Spec s = spec;
            s.precision = -1;
            char buf[2] = {static_cast<char>(va_arg(ap, int)), '\0'};
            if (buf[0] == '\0') {  // a NUL character still counts as one byte
                if (!s.left) w.repeat(' ', s.width - 1);
                w.put('\0');
                if (s.left) w.repeat(' ', s.width - 1);
            } else {
                emit_string(w, buf, s);
            }
            break;
        }
        case 's': emit_string(w, va_arg(ap, const char*), spec); break;
        case '%': w.put('%'); break;
        default:
            // Unknown conversion: print it verbatim so the mistake is
            // visible; a format ending inside a conversion stops there.
            if (conv == '\0') --fmt;
            for (const char* p = start; p < fmt; ++p) w.put(*p);
            break;
        }
    }
    va_end(ap);
    return w.count();
}

namespace {

struct BufferSink {
    char* buf;
    size_t size;
    size_t pos;
};

void buffer_put(void* ctx, char c) {
    auto* b = static_cast<BufferSink*>(ctx);
    if (b->pos + 1 < b->size) b->buf[b->pos] = c;
    ++b->pos;
}

}  // namespace

size_t vformat_to(char* buf, size_t size, const char* fmt, va_list ap) {
    BufferSink b{buf, size, 0};
    size_t n = vformat(FormatSink{buffer_put, &b}, fmt, ap);
    if (size > 0) buf[n < size ? n : size - 1] = '\0';
    return n;
}

size_t format_to(char* buf, size_t size, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t n = vformat_to(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

}  // namespace tern
