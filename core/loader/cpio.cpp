// cpio newc parsing: 110-byte ASCII-hex headers, name and data 4-byte aligned.
#include "loader/cpio.hpp"

#include <string.h>

namespace tern {
namespace {

constexpr size_t header_size = 110;
constexpr const char* magic = "070701";

bool parse_hex8(const uint8_t* p, uint32_t& out) {
    uint32_t v = 0;
    for (int i = 0; i < 8; ++i) {
        uint8_t c = p[i];
        uint32_t d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return false;
        v = (v << 4) | d;
    }
    out = v;
    return true;
}

}  // namespace

Status CpioReader::next(CpioEntry& entry) {
    if (offset_ + header_size > size_) {
        error_ = "archive truncated (no trailer)";
        return Status::invalid;
    }
    const uint8_t* h = base_ + offset_;
    if (memcmp(h, magic, 6) != 0) {
        error_ = "not a cpio newc archive (bad magic)";
        return Status::invalid;
    }
    // Fields after the magic: ino mode uid gid nlink mtime filesize
    // devmajor devminor rdevmajor rdevminor namesize check, 8 hex digits each.
    uint32_t mode = 0, filesize = 0, namesize = 0;
    if (!parse_hex8(h + 6 + 8 * 1, mode) || !parse_hex8(h + 6 + 8 * 6, filesize) ||
        !parse_hex8(h + 6 + 8 * 11, namesize)) {
        error_ = "bad cpio header field";
        return Status::invalid;
    }
    size_t name_off = offset_ + header_size;
    if (namesize == 0 || namesize > size_ || name_off + namesize > size_ ||
        base_[name_off + namesize - 1] != '\0') {
        error_ = "bad cpio entry name";
        return Status::invalid;
    }
    size_t data_off = align_up(name_off + namesize, 4);
    if (data_off > size_ || filesize > size_ - data_off) {
        error_ = "cpio entry data past the end of the archive";
        return Status::invalid;
    }
    entry.name = reinterpret_cast<const char*>(base_ + name_off);
    entry.name_len = namesize - 1;
    entry.data = base_ + data_off;
    entry.size = filesize;
    entry.mode = mode;
    offset_ = align_up(data_off + filesize, 4);
    if (strcmp(entry.name, "TRAILER!!!") == 0) return Status::not_found;
    return Status::ok;
}

Status CpioReader::find(const char* name, CpioEntry& entry) const {
    CpioReader r(base_, size_);
    for (;;) {
        Status s = r.next(entry);
        if (s != Status::ok) return s == Status::not_found ? Status::not_found : s;
        if (strcmp(entry.name, name) == 0) return Status::ok;
    }
}

}  // namespace tern
