// The management terminal's line editor: insert, backspace, cursor left/
// right, history with up/down, Ctrl-C/Ctrl-U to clear. Pure logic: bytes
// in, echo out through a sink, so it runs unchanged in host tests.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace tern {

class LineEditor {
public:
    static constexpr size_t max_line = 1024;
    static constexpr size_t max_history = 64;

    using Echo = void (*)(void* ctx, const char* bytes, size_t len);

    enum class Result : uint8_t {
        pending,    // keep feeding
        line,       // a complete line is in line()
        too_long,   // Enter on a line that did not fit: rejected
        interrupt,  // Ctrl-C: line abandoned
    };

    // `capacity` characters fit in a line (at most max_line - 1);
    // `history` lines are remembered (at most max_history).
    LineEditor(size_t capacity, size_t history, Echo echo, void* ctx);

    Result feed(char c);
    // The completed line (valid after Result::line until the next feed).
    const char* line() const { return done_; }
    // Starts a new line (after the prompt was printed).
    void reset();
    size_t history_size() const { return history_count_; }
    const char* history_entry(size_t age) const;  // 0 = most recent

private:
    enum class Escape : uint8_t { none, esc, csi };

    void insert(char c);
    void backspace();
    void replace_line(const char* text);
    void redraw_tail(size_t erase);
    void emit(const char* s, size_t n) { echo_(echo_ctx_, s, n); }
    void emit(const char* s);
    void add_history(const char* text);

    size_t capacity_;
    size_t history_max_;
    Echo echo_;
    void* echo_ctx_;

    char buf_[max_line] = {};
    char done_[max_line] = {};
    size_t len_ = 0;
    size_t cursor_ = 0;
    bool overflow_ = false;
    bool last_was_cr_ = false;
    Escape escape_ = Escape::none;

    char history_[max_history][max_line / 4] = {};  // lines longer than this aren't kept
    size_t history_count_ = 0;
    size_t history_head_ = 0;     // slot of the next entry
    size_t browse_ = 0;           // 0 = editing a new line, n = n-th most recent
    char scratch_[max_line] = {}; // the new line while browsing history
};

}  // namespace tern
