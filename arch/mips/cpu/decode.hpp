// Decoding the instructions the trap-and-emulate engine emulates: integer
// loads and stores (MMIO faults), COP0 operations (Coprocessor Unusable),
// CACHE, SYNCI and RDHWR (Reserved Instruction). Pure logic, little-endian.
//
// Must-be-zero fields: like QEMU and the cores we model, COP0 moves, the
// CO functions, SYNC and RDHWR ignore them (the instruction did trap as
// what its major fields say); MFMC0 (di/ei) is matched exactly, as QEMU
// does, because other MFMC0 encodings belong to the MT ASE.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace mips {

// ---------------------------------------------------------------- memory

enum class MemKind : uint8_t { load, store };

// lwl/swl touch the "left" (most significant) part of the register,
// lwr/swr the "right" part; how many bytes depends on the address.
enum class Partial : uint8_t { none, left, right };

struct MemAccess {
    MemKind kind;
    uint8_t width;        // 1, 2 or 4 (4 for the partial word forms)
    bool sign_extend;     // lb, lh
    uint8_t rt;           // destination (load) or source (store)
    uint8_t base;
    int32_t offset;
    Partial partial;
    bool is_ll;
    bool is_sc;           // sc also writes rt: 1 on success, 0 on failure
};

// What a memory-format instruction is, for a fault handler that must tell
// an emulable data access from the rest.
enum class MemClass : uint8_t {
    none,          // not a load/store encoding (or reserved on MIPS32)
    integer,       // decode_mem_access() describes it
    coprocessor,   // lwc1/ldc1/swc1/sdc1, lwc2/ldc2/swc2/sdc2, COP1X indexed
    prefetch,      // pref (never faults on an unmapped address)
    cache,         // see decode_cache()
};

MemClass classify_mem(uint32_t insn);

// Decodes an integer load/store (lb lbu lh lhu lw lwl lwr ll, sb sh sw swl
// swr sc). False for everything else, coprocessor loads/stores, pref and
// cache included.
[[nodiscard]] bool decode_mem_access(uint32_t insn, MemAccess& out);

// gpr[base] + offset, modulo 2^32.
uint32_t mem_effective_address(const MemAccess& ma, const uint32_t gpr[32]);

// False when the access needs natural alignment and `address` lacks it
// (the CPU raises AdEL/AdES). The partial forms never do.
bool mem_aligned(const MemAccess& ma, uint32_t address);

// The bytes an access touches: [address, address + size). For lwl/swl it
// is the aligned word's first bytes up to `address`; for lwr/swr from
// `address` to the end of the word (little-endian); otherwise `width`
// bytes at `address`. size is 1..4 and a span never crosses a word.
struct MemSpan {
    uint32_t address;
    uint8_t size;
};
MemSpan mem_span(const MemAccess& ma, uint32_t address);

// The new value of rt after a load. `value_read` holds the span's bytes
// (mem_span) in its low bits, the byte at span.address lowest (LE); for
// lwl/lwr the bytes of rt outside the span keep `old_rt`. A caller that
// read the whole aligned word w passes w >> (8 * (span.address & 3)).
// For ll it is the loaded word; sc's rt result is not a load (see is_sc).
uint32_t load_result(const MemAccess& ma, uint32_t value_read, uint32_t old_rt,
                     uint32_t address);

// What a store writes: span.size bytes at span.address, `value` holding
// them in its low bits (byte at span.address lowest).
struct StoreData {
    MemSpan span;
    uint32_t value;
};
StoreData store_data(const MemAccess& ma, uint32_t rt_value, uint32_t address);

// ----------------------------------------------------------------- COP0

enum class Cop0Kind : uint8_t {
    not_cop0,      // the major opcode is not COP0
    invalid,       // a COP0 encoding MIPS32r2 reserves (raise RI)
    mfc0, mtc0,    // rt, rd, sel
    rdpgpr,        // GPR[rd] = SGPR[SRSCtl.PSS][rt]
    wrpgpr,        // SGPR[SRSCtl.PSS][rd] = GPR[rt]
    di, ei,        // rt receives the old Status (rt 0: discarded)
    tlbr, tlbwi, tlbwr, tlbp,
    eret, deret, wait,
};

struct Cop0Op {
    Cop0Kind kind;
    uint8_t rt;
    uint8_t rd;
    uint8_t sel;
};

Cop0Op decode_cop0(uint32_t insn);

// CACHE op, offset(base). op 1:0 selects the cache (0 I, 1 D, 2 tertiary,
// 3 secondary), op 4:2 the operation (0 index invalidate / writeback
// invalidate, 1 index load tag, 2 index store tag, 3 impl., 4 hit
// invalidate, 5 hit writeback invalidate (D) / fill (I), 6 hit writeback,
// 7 fetch and lock).
struct CacheOp {
    bool valid;
    uint8_t op;
    uint8_t cache;        // op 1:0
    uint8_t operation;    // op 4:2
    uint8_t base;
    int32_t offset;
};
CacheOp decode_cache(uint32_t insn);

// SYNCI offset(base): write back D / invalidate I for one line.
struct SynciOp {
    bool valid;
    uint8_t base;
    int32_t offset;
};
SynciOp decode_synci(uint32_t insn);

// SYNC (stype in bits 10:6).
bool is_sync(uint32_t insn);

// RDHWR rt, rd: rd is a hardware register number (mips::Hwr).
struct RdhwrOp {
    bool valid;
    uint8_t rt;
    uint8_t rd;
};
RdhwrOp decode_rdhwr(uint32_t insn);

}  // namespace mips
