// ELF32 parsing (only what loading needs: header and program headers).
#include "loader/elf.hpp"

#include <string.h>

namespace tern {
namespace {

uint16_t le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
uint32_t le32(const uint8_t* p) {
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
           static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}

// e_ident and field offsets of Elf32_Ehdr / Elf32_Phdr.
enum : unsigned {
    EI_CLASS = 4, EI_DATA = 5, ELFCLASS32 = 1, ELFDATA2LSB = 1,
    E_TYPE = 16, E_MACHINE = 18, E_ENTRY = 24, E_PHOFF = 28, E_PHENTSIZE = 42, E_PHNUM = 44,
    EHDR_SIZE = 52, ET_EXEC = 2,
    P_TYPE = 0, P_OFFSET = 4, P_VADDR = 8, P_FILESZ = 16, P_MEMSZ = 20, PHDR_SIZE = 32,
    PT_LOAD = 1,
};

}  // namespace

bool ElfImage::looks_like_elf(const void* data, size_t size) {
    return size >= 4 && memcmp(data, "\x7f" "ELF", 4) == 0;
}

Status ElfImage::open(const void* data, size_t size, uint16_t machine) {
    data_ = static_cast<const uint8_t*>(data);
    size_ = size;
    if (size < EHDR_SIZE || !looks_like_elf(data, size)) {
        error_ = "not an ELF file";
        return Status::invalid;
    }
    if (data_[EI_CLASS] != ELFCLASS32 || data_[EI_DATA] != ELFDATA2LSB) {
        error_ = "not a 32-bit little-endian ELF";
        return Status::invalid;
    }
    if (le16(data_ + E_TYPE) != ET_EXEC) {
        error_ = "not an executable ELF (ET_EXEC)";
        return Status::invalid;
    }
    if (le16(data_ + E_MACHINE) != machine) {
        error_ = "ELF for another machine";
        return Status::invalid;
    }
    entry_ = le32(data_ + E_ENTRY);
    phoff_ = le32(data_ + E_PHOFF);
    phentsize_ = le16(data_ + E_PHENTSIZE);
    phnum_ = le16(data_ + E_PHNUM);
    if (phnum_ == 0 || phentsize_ < PHDR_SIZE || phoff_ > size ||
        uint64_t{phnum_} * phentsize_ > size - phoff_) {
        error_ = "ELF program headers outside the file";
        return Status::invalid;
    }
    for (unsigned i = 0; i < phnum_; ++i) {
        const uint8_t* ph = data_ + phoff_ + i * phentsize_;
        if (le32(ph + P_TYPE) != PT_LOAD) continue;
        uint32_t off = le32(ph + P_OFFSET), filesz = le32(ph + P_FILESZ), memsz = le32(ph + P_MEMSZ);
        if (off > size || filesz > size - off || memsz < filesz) {
            error_ = "ELF segment outside the file";
            return Status::invalid;
        }
    }
    return Status::ok;
}

unsigned ElfImage::segment_count() const {
    unsigned n = 0;
    for (unsigned i = 0; i < phnum_; ++i)
        if (le32(data_ + phoff_ + i * phentsize_ + P_TYPE) == PT_LOAD) ++n;
    return n;
}

bool ElfImage::segment(unsigned index, ElfSegment& out) const {
    unsigned n = 0;
    for (unsigned i = 0; i < phnum_; ++i) {
        const uint8_t* ph = data_ + phoff_ + i * phentsize_;
        if (le32(ph + P_TYPE) != PT_LOAD) continue;
        if (n++ != index) continue;
        out.vaddr = le32(ph + P_VADDR);
        out.file_size = le32(ph + P_FILESZ);
        out.mem_size = le32(ph + P_MEMSZ);
        out.data = data_ + le32(ph + P_OFFSET);
        return true;
    }
    return false;
}

}  // namespace tern
