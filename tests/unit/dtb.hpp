// Loads the device tree blobs the build compiled for the tests.
#pragma once

#include <stdint.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace test {

// A blob in 8-byte aligned storage, as libfdt wants it.
class Dtb {
public:
    explicit Dtb(std::vector<char> bytes) : words_((bytes.size() + 7) / 8), size_(bytes.size()) {
        if (!bytes.empty()) __builtin_memcpy(words_.data(), bytes.data(), bytes.size());
    }
    const void* data() const { return words_.data(); }
    void* data() { return words_.data(); }
    size_t size() const { return size_; }

private:
    std::vector<uint64_t> words_;
    size_t size_;
};

// `name` without ".dtb", from the build's test directory.
inline Dtb load_dtb(const std::string& name) {
    std::string path = std::string(TERN_TEST_DTB_DIR) + "/" + name + ".dtb";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    return Dtb(std::vector<char>(std::istreambuf_iterator<char>(in), {}));
}

}  // namespace test
