// Typed register fields: one place knows each encoding, code reads
// `Status::Exl::get(v)` rather than masks and shifts.
#pragma once

#include <stdint.h>

namespace tern {

template <unsigned Shift, unsigned Width, typename Word = uint32_t>
struct Bitfield {
    static_assert(Width > 0 && Shift + Width <= sizeof(Word) * 8);
    static constexpr unsigned shift = Shift;
    static constexpr unsigned width = Width;
    static constexpr Word mask =
        static_cast<Word>((Width == sizeof(Word) * 8 ? ~Word{0} : ((Word{1} << Width) - 1)) << Shift);

    static constexpr Word get(Word reg) { return static_cast<Word>((reg & mask) >> Shift); }
    static constexpr Word bits(Word value) { return static_cast<Word>((value << Shift) & mask); }
    static constexpr Word set(Word reg, Word value) {
        return static_cast<Word>((reg & ~mask) | bits(value));
    }
    static constexpr Word clear(Word reg) { return static_cast<Word>(reg & ~mask); }
    static constexpr bool test(Word reg) { return (reg & mask) != 0; }
};

// Sign-extends the low `bits` bits of v.
constexpr int32_t sign_extend(uint32_t v, unsigned bits) {
    const uint32_t m = 1u << (bits - 1);
    return static_cast<int32_t>((v ^ m) - m);
}

}  // namespace tern
