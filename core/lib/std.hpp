// A tiny std-like toolbox for freestanding code: no STL clone, just what
// the core uses everywhere.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace tern {

template <typename T> struct remove_reference { using type = T; };
template <typename T> struct remove_reference<T&> { using type = T; };
template <typename T> struct remove_reference<T&&> { using type = T; };

template <typename T>
constexpr typename remove_reference<T>::type&& move(T&& v) noexcept {
    return static_cast<typename remove_reference<T>::type&&>(v);
}

template <typename T>
constexpr T&& forward(typename remove_reference<T>::type& v) noexcept {
    return static_cast<T&&>(v);
}

template <typename T> constexpr const T& min(const T& a, const T& b) { return b < a ? b : a; }
template <typename T> constexpr const T& max(const T& a, const T& b) { return a < b ? b : a; }

template <typename T, size_t N> constexpr size_t array_size(const T (&)[N]) { return N; }

constexpr bool is_pow2(uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }
constexpr uint64_t align_down(uint64_t v, uint64_t a) { return v & ~(a - 1); }
constexpr uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

// True when [base, base+size) lies inside [lo, lo+len) without overflow.
constexpr bool range_within(uint64_t base, uint64_t size, uint64_t lo, uint64_t len) {
    return base >= lo && size <= len && base - lo <= len - size;
}

// Result of an operation that can fail: callers must look at it.
enum class [[nodiscard]] Status {
    ok,
    no_memory,
    invalid,      // malformed input (device tree, command, argument)
    not_found,
    busy,
    unsupported,
    out_of_range,
};

const char* status_name(Status s);

}  // namespace tern
