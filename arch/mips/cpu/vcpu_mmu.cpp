// The guest's memory map on MIPS: translating guest addresses through the
// moved kernel segments and the guest TLB, filling host TLB shadows, and
// handing device accesses to the emulators.
#include "arch/cp0.hpp"
#include "arch/fast_path.hpp"
#include "console.hpp"
#include "decode.hpp"
#include "guest.hpp"
#include "hal/cache.hpp"
#include "hal/memory.hpp"
#include "host_tlb.hpp"
#include "mem/page_alloc.hpp"

#include <string.h>
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
    if (!kernel && va >= kseg2_base) {
        // The moved map puts the guest kernel's mapped segments (KSEG2/3)
        // at 0x40000000-0x7FFFFFFF: to its user mode that is kernel space,
        // so user space ends at 1 GiB and above it the guest gets the
        // address error a user access to a kernel address raises.
        t.fault = Fault::address;
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

AsidAllocator asid_allocator(host_tlb_flush_all);

uint8_t current_host_asid(Vcpu& v) {
    return asid_allocator.get(v.arch.mmu->asids, guest_kernel_mode(v), v.arch.cp0.asid());
}

// Installs the shadow pair for `va` in the host TLB and the soft TLB, for
// the view and ASID the guest runs in now.
void fill_shadow(Vcpu& v, uint32_t va) {
    uint32_t even = va & ~(2 * page_size - 1);
    uint8_t asid = current_host_asid(v);
    uint32_t lo0 = shadow_entrylo(v, even), lo1 = shadow_entrylo(v, even + page_size);
    host_tlb_map(even, asid, lo0, lo1, 0);
    v.arch.mmu->soft_tlb[soft_tlb_slot(even)] = SoftTlbEntry{even | asid, lo0, lo1, 0};
}

// Drops the host and soft shadows of the pair at `even` in `asid`.
void drop_pair(Vcpu& v, uint32_t even, uint8_t asid) {
    host_tlb_invalidate(even, asid);
    SoftTlbEntry& s = v.arch.mmu->soft_tlb[soft_tlb_slot(even)];
    if (s.entryhi == (even | asid)) s.entryhi = soft_tlb_empty;
}

void count(Vcpu& v, arch::Exit e) {
    ++v.arch.exits[static_cast<unsigned>(e)];
    v.arch.last_exit = e;
}

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
    // An instruction fetch faults at EPC, or at EPC + 4 for a delay slot.
    bool fetch = code == ExcCode::TLBL &&
                 (va == f.epc || (CauseReg::Bd::test(f.cause) && va == f.epc + 4));
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
    // Hot path: the guest kernel's unmapped segments translate the same
    // way for the VCPU's whole life, so the last page is remembered.
    bool unmapped = va < kseg2_base && guest_kernel_mode(v);
    uint32_t page = va & ~(page_size - 1);
    if (unmapped && page == v.arch.fetch_page) {
        insn = *reinterpret_cast<const uint32_t*>(v.arch.fetch_host + (va - page));
        return true;
    }
    Translation t = translate(v, va, false);
    if (t.fault != Fault::none) return false;
    auto* p = static_cast<const uint8_t*>(v.guest->aspace.host_pointer(t.gpa & ~(page_size - 1), page_size));
    if (p == nullptr) return false;
    if (unmapped) {
        v.arch.fetch_page = page;
        v.arch.fetch_host = p;
    }
    insn = *reinterpret_cast<const uint32_t*>(p + (va - page));
    return true;
}

bool fetch_faulting_insn(Vcpu& v, const TrapFrame& f, uint32_t& insn) {
    return fetch_insn(v, CauseReg::Bd::test(f.cause) ? f.epc + 4 : f.epc, insn);
}

bool shadow_init(Vcpu& v) {
    uint64_t phys = 0;
    constexpr size_t pages = (sizeof(arch::VcpuMmu) + tern::PageAllocator::page_size - 1) /
                             tern::PageAllocator::page_size;
    if (tern::page_allocator().alloc(pages, phys) != tern::Status::ok) return false;
    auto* mmu = static_cast<arch::VcpuMmu*>(hal::phys_to_virt(phys));
    memset(mmu, 0, sizeof(*mmu));
    for (SoftTlbEntry& e : mmu->soft_tlb) e.entryhi = soft_tlb_empty;
    mmu->soft_generation = asid_allocator.generation();
    v.arch.mmu = mmu;
    return true;
}

void shadow_release(Vcpu& v) {
    if (v.arch.mmu == nullptr) return;
    // Its host ASIDs are never handed out again in this generation: the
    // host TLB entries that still carry them are unreachable.
    constexpr size_t pages = (sizeof(arch::VcpuMmu) + tern::PageAllocator::page_size - 1) /
                             tern::PageAllocator::page_size;
    tern::page_allocator().free(hal::virt_to_phys(v.arch.mmu), pages);
    v.arch.mmu = nullptr;
}

void shadow_enter(Vcpu& v) {
    arch::VcpuMmu& mmu = *v.arch.mmu;
    // Nothing to do when this VCPU entered last, in the same view, ASID,
    // epoch and generation, and no fast path switched the view since
    // (they zero view_key).
    bool kernel = guest_kernel_mode(v);
    uint8_t guest_asid = v.arch.cp0.asid();
    uint32_t key = 0x80000000u | (kernel ? 1u : 0u) | uint32_t{guest_asid} << 1 | uint32_t{mmu.asids.epoch} << 9;
    auto owner = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&v));
    if (mips_fast.view_key == key && mips_fast.view_owner == owner &&
        mips_fast.generation == asid_allocator.generation())
        return;
    // Both views' host ASIDs at this guest ASID, so that the fast paths
    // can switch views; the second may have started a new generation.
    uint8_t user_asid = asid_allocator.get(mmu.asids, false, guest_asid);
    uint8_t kernel_asid = asid_allocator.get(mmu.asids, true, guest_asid);
    if (asid_allocator.lookup(mmu.asids, false, guest_asid) != user_asid)
        user_asid = asid_allocator.get(mmu.asids, false, guest_asid);
    if (mmu.soft_generation != asid_allocator.generation()) {
        // A new generation reuses ASID numbers: old tags could match.
        for (SoftTlbEntry& e : mmu.soft_tlb) e.entryhi = soft_tlb_empty;
        mmu.soft_generation = asid_allocator.generation();
    }
    FastPath& fast = mips_fast;
    fast.asids = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&mmu.asids));
    fast.generation = asid_allocator.generation();
    fast.guest_asid = guest_asid;
    fast.host_asid_user = user_asid;
    fast.host_asid_kernel = kernel_asid;
    fast.kernel_view = kernel ? 1 : 0;
    fast.soft_tlb = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(mmu.soft_tlb));
    // Guest RAM at guest-physical 0, as far as one region goes: guest
    // KSEG0 maps straight onto it, and guest TLB frames in it are
    // shadowed without C.
    fast.ram_limit = 0;
    const tern::Region* r = v.guest->aspace.find(0);
    if (r != nullptr && r->kind != tern::RegionKind::device) {
        uint64_t limit = r->size < kseg1_base ? r->size : kseg1_base;
        fast.ram_limit = static_cast<uint32_t>(limit & ~uint64_t{2 * page_size - 1});
        fast.ram_lo = EntryLoReg::Pfn::bits(static_cast<uint32_t>(r->host_phys >> 12));
        fast.kseg0_lo = fast.ram_lo | EntryLoReg::C::bits(cache_cacheable) | EntryLoReg::D::bits(1) |
                        EntryLoReg::V::bits(1);
    }
    fast.ram_pfn_limit = fast.ram_limit >> 6;
    fast.kseg0_limit = kernel ? fast.ram_limit : 0;
    fast.view_key = key;
    fast.view_owner = owner;
    host_set_asid(kernel ? kernel_asid : user_asid);
}

void shadow_forget_all(Vcpu& v) {
    AsidAllocator::forget(v.arch.mmu->asids);
    mips_fast.view_key = 0;  // shadow_enter must look again
}

void shadow_invalidate(Vcpu& v, const TlbEntry& old_entry) {
    TlbRange range = tlb_range(old_entry);
    if (!range.any_valid) return;  // it never produced a shadow
    uint32_t pairs = range.size / (2 * page_size);
    if (range.global || pairs > 16) {
        shadow_forget_all(v);  // too many candidates: cheaper to start over
        return;
    }
    // The entry served the user view everywhere and the kernel view in the
    // mapped segments (KSEG2/3, moved to 0x40000000-0x7FFFFFFF).
    for (int kernel = 0; kernel < 2; ++kernel) {
        int asid = asid_allocator.lookup(v.arch.mmu->asids, kernel != 0, range.asid);
        if (asid < 0) continue;  // never ran with that ASID: no shadows
        for (uint32_t i = 0; i < pairs; ++i) {
            uint32_t even = range.base + i * 2 * page_size;
            if (kernel && even < kseg2_base) continue;
            drop_pair(v, even, static_cast<uint8_t>(asid));
        }
    }
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
