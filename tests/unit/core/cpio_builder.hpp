// Building cpio "newc" archives (the initrd format) for the loader tests.
#pragma once

#include <stdint.h>
#include <stdio.h>

#include <string>
#include <utility>
#include <vector>

namespace test {

using Bytes = std::vector<uint8_t>;

inline void pad4(Bytes& b) {
    while (b.size() % 4 != 0) b.push_back(0);
}

// Appends one newc entry (header, name with NUL, data, each 4-aligned).
inline void add_entry(Bytes& b, const std::string& name, const std::string& data, uint32_t mode = 0100644) {
    char header[111];
    snprintf(header, sizeof(header), "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
             1u, mode, 0u, 0u, 1u, 0u, static_cast<unsigned>(data.size()), 0u, 0u, 0u, 0u,
             static_cast<unsigned>(name.size() + 1), 0u);
    b.insert(b.end(), header, header + 110);
    b.insert(b.end(), name.begin(), name.end());
    b.push_back(0);
    pad4(b);
    b.insert(b.end(), data.begin(), data.end());
    pad4(b);
}

inline Bytes archive(std::vector<std::pair<std::string, std::string>> files, bool trailer = true) {
    Bytes b;
    for (auto& [name, data] : files) add_entry(b, name, data);
    if (trailer) add_entry(b, "TRAILER!!!", "", 0);
    return b;
}

}  // namespace test
