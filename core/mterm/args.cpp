// Word and command-list splitting for the management terminal.
#include "mterm/args.hpp"

namespace tern {

int split_args(char* line, char* argv[], size_t max, const char** error) {
    size_t argc = 0;
    char* in = line;
    char* out = line;
    for (;;) {
        while (*in == ' ' || *in == '\t') ++in;
        if (*in == '\0') break;
        if (argc == max) {
            *error = "too many arguments";
            return -1;
        }
        argv[argc++] = out;
        char quote = '\0';
        for (; *in != '\0'; ++in) {
            char c = *in;
            if (quote != '\0') {
                if (c == quote) quote = '\0';
                else if (c == '\\' && quote == '"' && in[1] != '\0') *out++ = *++in;
                else *out++ = c;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && in[1] != '\0') {
                *out++ = *++in;
            } else if (c == ' ' || c == '\t') {
                break;
            } else {
                *out++ = c;
            }
        }
        if (quote != '\0') {
            *error = "unterminated quote";
            return -1;
        }
        bool end = (*in == '\0');
        *out++ = '\0';
        if (end) break;
        ++in;
    }
    return static_cast<int>(argc);
}

bool for_each_command(const char* list, char* buf, size_t size,
                      void (*fn)(char* command, void* ctx), void* ctx, const char** error) {
    const char* p = list;
    while (*p != '\0') {
        size_t n = 0;
        char quote = '\0';
        for (; *p != '\0'; ++p) {
            if (*p == '\\' && quote != '\'' && p[1] != '\0') {
                // It escapes the next character, as in split_args (not inside
                // single quotes): an escaped quote or ';' is text.
                if (n + 1 >= size) {
                    *error = "command too long";
                    return false;
                }
                buf[n++] = *p++;
            } else if (quote != '\0') {
                if (*p == quote) quote = '\0';
            } else if (*p == '"' || *p == '\'') {
                quote = *p;
            } else if (*p == ';') {
                break;
            }
            if (n + 1 >= size) {
                *error = "command too long";
                return false;
            }
            buf[n++] = *p;
        }
        if (quote != '\0') {
            *error = "unterminated quote";
            return false;
        }
        buf[n] = '\0';
        fn(buf, ctx);
        if (*p == ';') ++p;
    }
    return true;
}

}  // namespace tern
