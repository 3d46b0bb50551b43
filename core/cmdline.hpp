// The kernel command line: `key=value` words, values optionally quoted.
#pragma once

#include <stddef.h>

namespace tern {

class CommandLine {
public:
    static constexpr size_t max_length = 1024;
    static constexpr size_t max_params = 32;

    // Splits `text` into parameters. Text past max_length or parameters past
    // max_params are dropped (reported by truncated()).
    void parse(const char* text);

    // The value of `key`, quotes removed; "" for a bare word; nullptr if absent.
    [[nodiscard]] const char* get(const char* key) const;
    [[nodiscard]] bool truncated() const { return truncated_; }
    [[nodiscard]] size_t count() const { return count_; }
    [[nodiscard]] const char* raw() const { return raw_; }

private:
    char raw_[max_length] = {};
    char buffer_[max_length] = {};
    const char* keys_[max_params] = {};
    const char* values_[max_params] = {};
    size_t count_ = 0;
    bool truncated_ = false;
};

}  // namespace tern
