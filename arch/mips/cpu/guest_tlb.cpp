// The guest TLB: storage, probe, lookup and the tlbwr index.
#include "guest_tlb.hpp"

namespace mips {
namespace {

constexpr uint32_t entryhi_writable = EntryHiReg::Vpn2::mask | EntryHiReg::Asid::mask;
constexpr uint32_t entrylo_writable = EntryLoReg::Pfn::mask | EntryLoReg::C::mask |
                                      EntryLoReg::D::mask | EntryLoReg::V::mask |
                                      EntryLoReg::G::mask;
constexpr uint32_t kseg0 = 0x80000000u;

// VA bits above one entry's pair of pages: VPN2 under the mask cleared.
constexpr uint32_t vpn2_compare_mask(uint32_t pagemask) {
    return EntryHiReg::Vpn2::mask & ~pagemask;
}

// A Mask bit at position 13 + i covers PA bit 12 + i, i.e. PFN bit i,
// which sits at EntryLo bit 6 + i.
constexpr uint32_t pfn_in_page_bits(uint32_t pagemask) { return pagemask >> 7; }

uint32_t xorshift32(uint32_t x) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

}  // namespace

uint32_t legal_pagemask(uint32_t pagemask) {
    const uint32_t mask = PageMaskReg::Mask::get(pagemask);
    unsigned ones = 0;
    while (ones < PageMaskReg::Mask::width && (mask >> ones) & 1) {
        ++ones;
    }
    ones &= ~1u;    // whole steps of 4x page size
    return PageMaskReg::Mask::bits((1u << ones) - 1);
}

TlbRange tlb_range(const TlbEntry& e) {
    const uint32_t page = tlb_page_size(e.pagemask);
    return {
        .base = e.entryhi & vpn2_compare_mask(e.pagemask),
        .size = 2 * page,
        .asid = e.asid(),
        .global = e.global(),
        .any_valid = EntryLoReg::V::test(e.entrylo0 | e.entrylo1),
    };
}

GuestTlb::GuestTlb(unsigned entries)
    : entries_{},
      keys_{},
      size_(tern::min(tern::max(entries, 1u), max_entries)),
      random_(0),
      random_state_(0x2545f491u),
      large_(0) {
    reset();
}

void GuestTlb::set(unsigned index, const TlbEntry& e) {
    if (entries_[index].pagemask != 0) --large_;
    if (e.pagemask != 0) ++large_;
    entries_[index] = e;
    keys_[index] = e.entryhi & vpn2_compare_mask(e.pagemask);
}

TlbEntry GuestTlb::flushed_entry(unsigned index) {
    return {kseg0 + (index << 13), 0, 0, 0};
}

void GuestTlb::reset() {
    large_ = 0;
    for (unsigned i = 0; i < max_entries; ++i) {
        entries_[i] = flushed_entry(i);
        keys_[i] = i < size_ ? flushed_entry(i).entryhi : 1;
    }
    reset_random();
}

int GuestTlb::probe(uint32_t entryhi) const {
    const uint8_t asid = static_cast<uint8_t>(EntryHiReg::Asid::get(entryhi));
    for (unsigned i = 0; i < size_; ++i) {
        const TlbEntry& e = entries_[i];
        const uint32_t cmp = vpn2_compare_mask(e.pagemask);
        if ((e.entryhi & cmp) == (entryhi & cmp) && (e.global() || e.asid() == asid)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

TlbEntry GuestTlb::read(unsigned index) const {
    if (index >= size_) {
        return {};
    }
    return entries_[index];
}

tern::Status GuestTlb::write(unsigned index, const TlbEntry& e) {
    if (index >= size_) {
        return tern::Status::out_of_range;
    }
    const uint32_t pagemask = legal_pagemask(e.pagemask);
    const uint32_t g = EntryLoReg::G::mask & e.entrylo0 & e.entrylo1;
    const uint32_t lo_keep = entrylo_writable & ~EntryLoReg::G::mask & ~pfn_in_page_bits(pagemask);
    set(index, {
        .entryhi = e.entryhi & entryhi_writable & ~pagemask,
        .pagemask = pagemask,
        .entrylo0 = (e.entrylo0 & lo_keep) | g,
        .entrylo1 = (e.entrylo1 & lo_keep) | g,
    });
    return tern::Status::ok;
}

unsigned GuestTlb::peek_random(unsigned wired) const {
    if (wired >= size_ || random_ < wired || random_ >= size_) {
        return size_ - 1;
    }
    return random_;
}

unsigned GuestTlb::random_index(unsigned wired) {
    const unsigned now = peek_random(wired);
    if (wired + 1 < size_) {
        // A pseudo-random next index, never the one just used: tlbwr
        // must not evict the entry it has just written.
        const unsigned span = size_ - wired;
        random_state_ = xorshift32(random_state_);
        unsigned next = wired + static_cast<unsigned>((uint64_t{random_state_} * span) >> 32);
        if (next == now) {
            next = next + 1 < size_ ? next + 1 : wired;
        }
        random_ = next;
    }
    return now;
}

void GuestTlb::reset_random() { random_ = size_ - 1; }

TlbLookup GuestTlb::lookup(uint32_t va, uint8_t asid) const {
    TlbLookup r{};
    r.index = -1;
    for (unsigned i = 0; i < size_; ++i) {
        const TlbEntry& e = entries_[i];
        const uint32_t cmp = vpn2_compare_mask(e.pagemask);
        if ((e.entryhi & cmp) != (va & cmp) || !(e.global() || e.asid() == asid)) {
            continue;
        }
        const uint32_t page = tlb_page_size(e.pagemask);
        const uint32_t lo = (va & page) ? e.entrylo1 : e.entrylo0;
        r.found = true;
        r.index = static_cast<int>(i);
        r.valid = EntryLoReg::V::test(lo);
        r.dirty = EntryLoReg::D::test(lo);
        r.global = e.global();
        r.cache = static_cast<uint8_t>(EntryLoReg::C::get(lo));
        r.page_size = page;
        r.page_va = va & ~(page - 1);
        r.page_phys = (EntryLoReg::Pfn::get(lo) << 12) & ~(page - 1);
        r.phys = r.page_phys | (va & (page - 1));
        return r;
    }
    return r;
}

}  // namespace mips
