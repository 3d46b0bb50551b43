// A copy of some bytes that ends exactly at an inaccessible page, so a
// parser reading even one byte past the end crashes the test instead of
// silently reading neighbouring memory.
#pragma once

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <stdexcept>
#include <vector>

namespace test {

class Guarded {
public:
    explicit Guarded(const std::vector<uint8_t>& bytes) : size_(bytes.size()) {
        size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
        size_t data_pages = (size_ + page - 1) / page;
        map_size_ = (data_pages + 1) * page;
        void* m = mmap(nullptr, map_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) throw std::runtime_error("mmap failed");
        map_ = static_cast<uint8_t*>(m);
        if (mprotect(map_ + data_pages * page, page, PROT_NONE) != 0)
            throw std::runtime_error("mprotect failed");
        data_ = map_ + data_pages * page - size_;
        if (size_ != 0) memcpy(data_, bytes.data(), size_);
    }
    ~Guarded() { munmap(map_, map_size_); }
    Guarded(const Guarded&) = delete;
    Guarded& operator=(const Guarded&) = delete;

    const uint8_t* data() const { return data_; }
    size_t size() const { return size_; }

private:
    uint8_t* map_;
    size_t map_size_;
    uint8_t* data_;
    size_t size_;
};

}  // namespace test
