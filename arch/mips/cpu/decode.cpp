// Decoding loads/stores, COP0 operations, CACHE, SYNCI and RDHWR.
#include "decode.hpp"

#include "insn.hpp"

namespace mips {
namespace {

struct MemForm {
    MemKind kind;
    uint8_t width;
    bool sign_extend;
    Partial partial;
};

// The integer load/store forms by major opcode; width 0 = not one.
constexpr MemForm mem_form(Op op) {
    switch (op) {
    case Op::lb:  return {MemKind::load, 1, true, Partial::none};
    case Op::lbu: return {MemKind::load, 1, false, Partial::none};
    case Op::lh:  return {MemKind::load, 2, true, Partial::none};
    case Op::lhu: return {MemKind::load, 2, false, Partial::none};
    case Op::lw:
    case Op::ll:  return {MemKind::load, 4, false, Partial::none};
    case Op::lwl: return {MemKind::load, 4, false, Partial::left};
    case Op::lwr: return {MemKind::load, 4, false, Partial::right};
    case Op::sb:  return {MemKind::store, 1, false, Partial::none};
    case Op::sh:  return {MemKind::store, 2, false, Partial::none};
    case Op::sw:
    case Op::sc:  return {MemKind::store, 4, false, Partial::none};
    case Op::swl: return {MemKind::store, 4, false, Partial::left};
    case Op::swr: return {MemKind::store, 4, false, Partial::right};
    default:      return {MemKind::load, 0, false, Partial::none};
    }
}

// COP1X (MIPS32r2 with a 64-bit FPU): lwxc1 ldxc1 luxc1 / swxc1 sdxc1
// suxc1 are indexed FP loads/stores, prefx a prefetch; the rest arithmetic.
constexpr MemClass cop1x_class(unsigned function) {
    switch (function) {
    case 0x00: case 0x01: case 0x05:
    case 0x08: case 0x09: case 0x0d:
        return MemClass::coprocessor;
    case 0x0f:
        return MemClass::prefetch;
    default:
        return MemClass::none;
    }
}

// Low `bytes` bytes of v.
constexpr uint32_t low_bytes(uint32_t v, unsigned bytes) {
    return bytes >= 4 ? v : v & ((1u << (8 * bytes)) - 1);
}

}  // namespace

MemClass classify_mem(uint32_t word) {
    const Insn insn{word};
    switch (insn.op()) {
    case Op::lwc1: case Op::lwc2: case Op::ldc1: case Op::ldc2:
    case Op::swc1: case Op::swc2: case Op::sdc1: case Op::sdc2:
        return MemClass::coprocessor;
    case Op::cop1x:
        return cop1x_class(Insn::Function::get(word));
    case Op::pref:
        return MemClass::prefetch;
    case Op::cache:
        return MemClass::cache;
    default:
        return mem_form(insn.op()).width != 0 ? MemClass::integer : MemClass::none;
    }
}

bool decode_mem_access(uint32_t word, MemAccess& out) {
    const Insn insn{word};
    const MemForm form = mem_form(insn.op());
    if (form.width == 0) {
        return false;
    }
    out = MemAccess{
        .kind = form.kind,
        .width = form.width,
        .sign_extend = form.sign_extend,
        .rt = static_cast<uint8_t>(insn.rt()),
        .base = static_cast<uint8_t>(insn.base()),
        .offset = insn.simm16(),
        .partial = form.partial,
        .is_ll = insn.op() == Op::ll,
        .is_sc = insn.op() == Op::sc,
    };
    return true;
}

uint32_t mem_effective_address(const MemAccess& ma, const uint32_t gpr[32]) {
    return gpr[ma.base & 31] + static_cast<uint32_t>(ma.offset);
}

bool mem_aligned(const MemAccess& ma, uint32_t address) {
    return ma.partial != Partial::none || (address & (ma.width - 1u)) == 0;
}

MemSpan mem_span(const MemAccess& ma, uint32_t address) {
    const unsigned byte = address & 3;
    switch (ma.partial) {
    case Partial::left:
        return {address & ~3u, static_cast<uint8_t>(byte + 1)};
    case Partial::right:
        return {address, static_cast<uint8_t>(4 - byte)};
    case Partial::none:
        break;
    }
    return {address, ma.width};
}

// Little-endian partial words (MD00086, LWL/LWR/SWL/SWR): the byte at
// `address` is the most significant one lwl/swl move and the least
// significant one lwr/swr move.
//   lwl, b = address & 3: rt bytes 3-b..3 <- memory bytes 0..b of the word
//   lwr:                  rt bytes 0..3-b <- memory bytes b..3
uint32_t load_result(const MemAccess& ma, uint32_t value_read, uint32_t old_rt,
                     uint32_t address) {
    const unsigned shift = 8 * (address & 3);
    switch (ma.partial) {
    case Partial::left: {
        const unsigned up = 24 - shift;                  // 8 * (3 - b)
        const uint32_t keep = up == 0 ? 0 : (1u << up) - 1;
        return (value_read << up) | (old_rt & keep);
    }
    case Partial::right: {
        const uint32_t loaded = shift == 0 ? ~0u : 0xffffffffu >> shift;
        return (value_read & loaded) | (old_rt & ~loaded);
    }
    case Partial::none:
        break;
    }
    const uint32_t v = low_bytes(value_read, ma.width);
    if (ma.sign_extend) {
        return static_cast<uint32_t>(tern::sign_extend(v, 8u * ma.width));
    }
    return v;
}

StoreData store_data(const MemAccess& ma, uint32_t rt_value, uint32_t address) {
    const MemSpan span = mem_span(ma, address);
    switch (ma.partial) {
    case Partial::left:
        // Bytes 0..b of the word take rt's top b+1 bytes.
        return {span, rt_value >> (8 * (3 - (address & 3)))};
    case Partial::right:
        // Bytes b..3 take rt's low 4-b bytes.
        return {span, low_bytes(rt_value, span.size)};
    case Partial::none:
        break;
    }
    return {span, low_bytes(rt_value, ma.width)};
}

Cop0Op decode_cop0(uint32_t word) {
    const Insn insn{word};
    const auto rt = static_cast<uint8_t>(insn.rt());
    const auto rd = static_cast<uint8_t>(insn.rd());
    if (insn.op() != Op::cop0) {
        return {Cop0Kind::not_cop0, 0, 0, 0};
    }
    if (insn.co()) {
        // Bits 24:6 are zero, or an implementation code for wait; cores
        // decode the function field alone.
        switch (insn.cop0_funct()) {
        case Cop0Funct::tlbr:  return {Cop0Kind::tlbr, 0, 0, 0};
        case Cop0Funct::tlbwi: return {Cop0Kind::tlbwi, 0, 0, 0};
        case Cop0Funct::tlbwr: return {Cop0Kind::tlbwr, 0, 0, 0};
        case Cop0Funct::tlbp:  return {Cop0Kind::tlbp, 0, 0, 0};
        case Cop0Funct::eret:  return {Cop0Kind::eret, 0, 0, 0};
        case Cop0Funct::deret: return {Cop0Kind::deret, 0, 0, 0};
        case Cop0Funct::wait:  return {Cop0Kind::wait, 0, 0, 0};
        }
        return {Cop0Kind::invalid, 0, 0, 0};
    }
    switch (insn.cop_rs()) {
    case CopRs::mf:
        return {Cop0Kind::mfc0, rt, rd, static_cast<uint8_t>(insn.sel())};
    case CopRs::mt:
        return {Cop0Kind::mtc0, rt, rd, static_cast<uint8_t>(insn.sel())};
    case CopRs::rdpgpr:
        return {Cop0Kind::rdpgpr, rt, rd, 0};
    case CopRs::wrpgpr:
        return {Cop0Kind::wrpgpr, rt, rd, 0};
    case CopRs::mfmc0: {
        // di rt = 0x4160_6000 | rt << 16, ei sets bit 5 (sc): rd 12, the
        // other low bits zero.
        constexpr uint32_t di_low = 0x6000, sc = Insn::Mfmc0Sc::mask;
        const uint32_t low = Insn::Imm16::get(word);
        if (low == di_low) {
            return {Cop0Kind::di, rt, 12, 0};
        }
        if (low == (di_low | sc)) {
            return {Cop0Kind::ei, rt, 12, 0};
        }
        return {Cop0Kind::invalid, 0, 0, 0};
    }
    default:
        return {Cop0Kind::invalid, 0, 0, 0};
    }
}

CacheOp decode_cache(uint32_t word) {
    const Insn insn{word};
    if (insn.op() != Op::cache) {
        return {};
    }
    return {
        .valid = true,
        .op = static_cast<uint8_t>(insn.rt()),
        .cache = static_cast<uint8_t>(Insn::CacheTarget::get(word)),
        .operation = static_cast<uint8_t>(Insn::CacheOperation::get(word)),
        .base = static_cast<uint8_t>(insn.base()),
        .offset = insn.simm16(),
    };
}

SynciOp decode_synci(uint32_t word) {
    const Insn insn{word};
    if (insn.op() != Op::regimm || insn.regimm() != Regimm::synci) {
        return {};
    }
    return {true, static_cast<uint8_t>(insn.base()), insn.simm16()};
}

bool is_sync(uint32_t word) {
    const Insn insn{word};
    // rs, rt and rd must be zero; cores (and QEMU) ignore them.
    return insn.op() == Op::special && insn.funct() == Funct::sync;
}

RdhwrOp decode_rdhwr(uint32_t word) {
    const Insn insn{word};
    if (insn.op() != Op::special3 || insn.special3() != Special3::rdhwr) {
        return {};
    }
    return {true, static_cast<uint8_t>(insn.rt()), static_cast<uint8_t>(insn.rd())};
}

}  // namespace mips
