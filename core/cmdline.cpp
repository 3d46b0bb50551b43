// Kernel command line parsing.
#include "cmdline.hpp"

#include <string.h>

namespace tern {

void CommandLine::parse(const char* text) {
    count_ = 0;
    truncated_ = false;
    size_t len = strnlen(text, max_length);
    if (len == max_length) {
        truncated_ = true;
        len = max_length - 1;
    }
    memcpy(raw_, text, len);
    raw_[len] = '\0';
    memcpy(buffer_, text, len);
    buffer_[len] = '\0';

    char* p = buffer_;
    while (*p != '\0') {
        while (*p == ' ' || *p == '\t') ++p;
        if (*p == '\0') break;
        if (count_ == max_params) {
            truncated_ = true;
            break;
        }
        char* key = p;
        while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '=') ++p;
        char* value = p;  // empty string for a bare word
        if (*p == '=') {
            *p++ = '\0';
            if (*p == '"') {
                value = ++p;
                while (*p != '\0' && *p != '"') ++p;
            } else {
                value = p;
                while (*p != '\0' && *p != ' ' && *p != '\t') ++p;
            }
        }
        if (*p != '\0') *p++ = '\0';
        keys_[count_] = key;
        values_[count_] = value;
        ++count_;
    }
}

const char* CommandLine::get(const char* key) const {
    // The last occurrence wins, as on Linux: appended words override.
    for (size_t i = count_; i-- > 0;)
        if (strcmp(keys_[i], key) == 0) return values_[i];
    return nullptr;
}

}  // namespace tern
