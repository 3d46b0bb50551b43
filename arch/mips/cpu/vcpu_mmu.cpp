// The guest's memory map on MIPS: translating guest addresses through the
// moved kernel segments and the guest TLB, filling host TLB shadows, and
// handing device accesses to the emulators.
#include "arch/cp0.hpp"
#include "console.hpp"
#include "decode.hpp"
#include "guest.hpp"
#include "hal/cache.hpp"
#include "hal/memory.hpp"
#include "host_tlb.hpp"
#include "vcpu_internal.hpp"

namespace mips {
namespace {

constexpr uint32_t page_size = 0x1000;
constexpr uint32_t kseg1_base = 0x20000000;   // guest KSEG1, moved down
constexpr uint32_t kseg2_base = 0x40000000;   // guest KSEG2/3, moved down
constexpr uint32_t guest_limit = 0x80000000;  // the hypervisor begins here
constexpr uint32_t cache_uncached = 2, cache_cacheable = 3;

enum class Fault : uint8_t {
    none,
    refill,      // no guest TLB entry
    invalid,     // guest TLB entry with V = 0
    modified,    // store to a guest TLB entry with D = 0
    address,     // outside the guest's view
};

struct Translation {
    Fault fault = Fault::none;
    uint32_t gpa = 0;
    uint32_t cache = cache_cacheable;
    bool writable = true;
};

Translation translate(const Vcpu& v, uint32_t va, bool write) {
    Translation t;
    if (va >= guest_limit) {
        t.fault = Fault::address;
        return t;
    }
    bool kernel = guest_kernel_mode(v);
    if (kernel && va < kseg1_base) {
        t.gpa = va;
        return t;
    }
    if (kernel && va < kseg2_base) {
        t.gpa = va - kseg1_base;
        t.cache = cache_uncached;
        return t;
    }
    uint8_t asid = static_cast<uint8_t>(EntryHiReg::Asid::get(v.arch.cp0.entryhi()));
    TlbLookup hit = v.arch.tlb.lookup(va, asid);
    if (!hit.found) t.fault = Fault::refill;
    else if (!hit.valid) t.fault = Fault::invalid;
    else if (write && !hit.dirty) t.fault = Fault::modified;
    t.gpa = hit.phys;
    t.cache = hit.cache;
    t.writable = hit.dirty;
    return t;
}

// EntryLo for one shadow page, or 0 (invalid) when the page is not RAM/ROM
// of this guest, so that the access faults again and is examined.
uint32_t shadow_entrylo(const Vcpu& v, uint32_t va) {
    Translation t = translate(v, va, false);
    if (t.fault != Fault::none) return 0;
    uint64_t host = 0;
    if (!v.guest->aspace.translate(t.gpa & ~(page_size - 1), page_size, host)) return 0;
    return EntryLoReg::Pfn::bits(static_cast<uint32_t>(host >> 12)) | EntryLoReg::C::bits(t.cache) |
           EntryLoReg::D::bits(t.writable ? 1 : 0) | EntryLoReg::V::bits(1);
}

void fill_shadow(Vcpu& v, uint32_t va) {
    uint32_t even = va & ~(2 * page_size - 1);
    host_tlb_map(even, host_asid(v, guest_kernel_mode(v)), shadow_entrylo(v, even),
                 shadow_entrylo(v, even + page_size), 0);
}

void count(Vcpu& v, arch::Exit e) { ++v.arch.exits[static_cast<unsigned>(e)]; }

void deliver_tlb_fault(Vcpu& v, TrapFrame& f, Fault fault, bool write, uint32_t va) {
    bool bd = CauseReg::Bd::test(f.cause);
    count(v, arch::Exit::guest_tlb);
    switch (fault) {
    case Fault::refill:
        deliver_address_exception(v, write ? ExcCode::TLBS : ExcCode::TLBL, bd, va, true);
        break;
    case Fault::invalid:
        deliver_address_exception(v, write ? ExcCode::TLBS : ExcCode::TLBL, bd, va, false);
        break;
    case Fault::modified:
        deliver_address_exception(v, ExcCode::Mod, bd, va, false);
        break;
    case Fault::address:
        deliver_address_exception(v, write ? ExcCode::AdES : ExcCode::AdEL, bd, va, false);
        break;
    case Fault::none:
        break;
    }
}

// A load or store to a device region: decode, call the emulator, write back.
void emulate_mmio(Vcpu& v, TrapFrame& f, tern::Device& dev, uint32_t gpa) {
    uint32_t insn = 0;
    MemAccess m{};
    bool bd = CauseReg::Bd::test(f.cause);
    if (!fetch_faulting_insn(v, f, insn) || !decode_mem_access(insn, m)) {
        // Not a load/store (e.g. an instruction fetch from a device): the
        // bus would not answer.
        count(v, arch::Exit::reflected);
        deliver_exception(v, ExcCode::IBE, bd);
        return;
    }
    if (m.partial != Partial::none || m.is_ll || m.is_sc) {
        // Partial-word and LL/SC accesses to a device: no bus would
        // complete them; the guest gets a data bus error.
        count(v, arch::Exit::reflected);
        deliver_exception(v, ExcCode::DBE, bd);
        return;
    }
    uint64_t offset = gpa - dev.config.base;
    count(v, arch::Exit::mmio);
    if (m.kind == MemKind::store) {
        uint32_t value = f.gpr[m.rt];
        if (m.width < 4) value &= (1u << (8 * m.width)) - 1;
        ++dev.writes;
        dev.ops->write(dev, offset, m.width, value);
    } else {
        ++dev.reads;
        uint32_t value = dev.ops->read(dev, offset, m.width);
        if (m.width < 4) {
            value &= (1u << (8 * m.width)) - 1;
            if (m.sign_extend) value = static_cast<uint32_t>(tern::sign_extend(value, 8 * m.width));
        }
        if (m.rt != 0) f.gpr[m.rt] = value;
    }
    advance_pc(v, f);
}

}  // namespace

void handle_tlb_exception(Vcpu& v, TrapFrame& f, ExcCode code) {
    uint32_t va = f.badvaddr;
    bool write = code != ExcCode::TLBL;
    bool fetch = code == ExcCode::TLBL && va == f.epc;
    Translation t = translate(v, va, write);
    if (t.fault != Fault::none) {
        deliver_tlb_fault(v, f, t.fault, write, va);
        return;
    }
    const tern::Region* r = v.guest->aspace.find(t.gpa);
    if (r == nullptr) {
        // Nothing at that guest-physical address: a bus error, as on a
        // board with a hole in its map.
        count(v, arch::Exit::reflected);
        deliver_exception(v, fetch ? ExcCode::IBE : ExcCode::DBE, CauseReg::Bd::test(f.cause));
        return;
    }
    if (r->kind == tern::RegionKind::device) {
        if (fetch) {
            count(v, arch::Exit::reflected);
            deliver_exception(v, ExcCode::IBE, CauseReg::Bd::test(f.cause));
            return;
        }
        emulate_mmio(v, f, *r->device, t.gpa);
        return;
    }
    count(v, arch::Exit::shadow_fill);
    fill_shadow(v, va);
}

bool fetch_insn(Vcpu& v, uint32_t va, uint32_t& insn) {
    if ((va & 3) != 0) return false;
    Translation t = translate(v, va, false);
    if (t.fault != Fault::none) return false;
    auto* p = static_cast<const uint32_t*>(v.guest->aspace.host_pointer(t.gpa, 4));
    if (p == nullptr) return false;
    insn = *p;
    return true;
}

bool fetch_faulting_insn(Vcpu& v, const TrapFrame& f, uint32_t& insn) {
    return fetch_insn(v, CauseReg::Bd::test(f.cause) ? f.epc + 4 : f.epc, insn);
}

void flush_mapped_shadows(Vcpu& v) {
    // Mapped translations live in both views: the user view entirely, the
    // kernel view above KSEG1. KSEG0/1 shadows do not depend on the guest
    // TLB, but sharing the ASID, they go too (refilled on demand).
    host_tlb_flush_asid(host_asid(v, true));
    host_tlb_flush_asid(host_asid(v, false));
}

// Cache instruction: index ops need no address; hit ops translate it and
// fault as hardware would. Instruction-cache ops keep the host coherent
// with guests that write code.
bool guest_cache_op(Vcpu& v, TrapFrame& f, uint32_t va, unsigned op) {
    constexpr unsigned index_ops_max = 2;  // op[4:2] 0-2: index ops
    if (((op >> 2) & 7) <= index_ops_max) return true;
    Translation t = translate(v, va, false);
    if (t.fault != Fault::none) {
        deliver_tlb_fault(v, f, t.fault, false, va);
        return false;
    }
    uint64_t host = 0;
    if (v.guest->aspace.translate(t.gpa, 4, host))
        hal::icache_sync_range(reinterpret_cast<uintptr_t>(hal::phys_to_virt(host)), 4);
    return true;
}

}  // namespace mips
