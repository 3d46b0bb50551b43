// From _start to kernel_main: vectors, C++ constructors, boot arguments.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arch/cp0.hpp"
#include "arch/trap.hpp"
#include "hal/boot.hpp"
#include "hal/cache.hpp"
#include "host_tlb.hpp"

extern "C" {
extern char mips_vector_stub[], mips_vector_stub_end[];
extern char mips_refill_stub[], mips_refill_stub_end[];
extern char __image_start[], __image_end[];
extern char board_dtb[];
using Constructor = void (*)();
extern Constructor __init_array_start[], __init_array_end[];
}

namespace {

constexpr uintptr_t ebase = 0x80000000;

void install_stub(uintptr_t offset, const char* begin, const char* end) {
    auto size = static_cast<size_t>(end - begin);
    memcpy(reinterpret_cast<void*>(ebase + offset), begin, size);
    hal::icache_sync_range(ebase + offset, size);
}

// Vectors at EBase (MIPS32 PRA 6.2.1): TLB refill (the guest shadow fast
// path), general exceptions, interrupts (with Cause.IV).
void install_vectors() {
    install_stub(0x000, mips_refill_stub, mips_refill_stub_end);
    install_stub(0x180, mips_vector_stub, mips_vector_stub_end);
    install_stub(0x200, mips_vector_stub, mips_vector_stub_end);
    mips::write_cp0<mips::cp0::ebase>(ebase);
    mips::ehb();
    // Vectors in place: leave bootstrap mode and route interrupts to 0x200.
    uint32_t status = mips::read_cp0<mips::cp0::status>();
    mips::write_cp0<mips::cp0::status>(mips::StatusReg::Bev::clear(status));
    mips::write_cp0<mips::cp0::cause>(mips::CauseReg::Iv::bits(1));
    mips::ehb();
}

// Parses a hex or decimal number; QEMU passes rd_start as a sign-extended
// 64-bit KSEG0 address, of which the low 32 bits are the address.
uint64_t parse_number(const char* s) {
    uint64_t v = 0;
    unsigned base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    for (;; ++s) {
        unsigned d;
        if (*s >= '0' && *s <= '9') d = static_cast<unsigned>(*s - '0');
        else if (base == 16 && *s >= 'a' && *s <= 'f') d = static_cast<unsigned>(*s - 'a' + 10);
        else if (base == 16 && *s >= 'A' && *s <= 'F') d = static_cast<unsigned>(*s - 'A' + 10);
        else break;
        v = v * base + d;
    }
    return v;
}

const char* find_param(const char* cmdline, const char* key) {
    size_t len = strlen(key);
    for (const char* p = cmdline; (p = strstr(p, key)) != nullptr; p += len) {
        if (p == cmdline || p[-1] == ' ') return p + len;
    }
    return nullptr;
}

}  // namespace

// QEMU's Malta boot code: a0 = argc, a1 = argv (argv[1] is the -append
// string, with rd_start/rd_size in front when -initrd is given), a2 = envp,
// a3 = RAM size in bytes.
uintptr_t mips_kernel_sp;

void mips_boot(int argc, char** argv, char**, uint32_t ram_size) {
    for (Constructor* c = __init_array_start; c != __init_array_end; ++c) (*c)();
    install_vectors();
    mips::host_tlb_init();

    static hal::BootInfo boot{};
    boot.board_dtb = board_dtb;
    boot.cmdline = (argc > 1 && argv != nullptr && argv[1] != nullptr) ? argv[1] : "";
    boot.firmware_ram_size = ram_size;
    boot.image_start = reinterpret_cast<uintptr_t>(__image_start);
    boot.image_end = reinterpret_cast<uintptr_t>(__image_end);
    const char* rd_start = find_param(boot.cmdline, "rd_start=");
    const char* rd_size = find_param(boot.cmdline, "rd_size=");
    if (rd_start != nullptr && rd_size != nullptr) {
        boot.initrd_start = static_cast<uint32_t>(parse_number(rd_start));
        boot.initrd_size = static_cast<size_t>(parse_number(rd_size));
    }
    kernel_main(boot);
}
