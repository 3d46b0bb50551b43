// Line editor for the management terminal (VT100 escape sequences).
#include "mterm/line_editor.hpp"

#include <string.h>

namespace tern {
namespace {

constexpr char ctrl_c = 0x03, ctrl_u = 0x15, backspace_bs = 0x08, backspace_del = 0x7f,
               escape = 0x1b;

}  // namespace

LineEditor::LineEditor(size_t capacity, size_t history, Echo echo, void* ctx)
    : capacity_(capacity < max_line ? capacity : max_line - 1),
      history_max_(history < max_history ? history : max_history), echo_(echo), echo_ctx_(ctx) {}

void LineEditor::emit(const char* s) { emit(s, strlen(s)); }

void LineEditor::reset() {
    len_ = cursor_ = 0;
    buf_[0] = '\0';
    overflow_ = false;
    escape_ = Escape::none;
    browse_ = 0;
}

const char* LineEditor::history_entry(size_t age) const {
    if (age >= history_count_) return nullptr;
    size_t slot = (history_head_ + max_history - 1 - age) % max_history;
    return history_[slot];
}

void LineEditor::add_history(const char* text) {
    if (history_max_ == 0 || text[0] == '\0') return;
    if (strlen(text) >= sizeof(history_[0])) return;
    if (history_count_ > 0 && strcmp(history_entry(0), text) == 0) return;  // no repeats
    strcpy(history_[history_head_], text);
    history_head_ = (history_head_ + 1) % max_history;
    if (history_count_ < history_max_) ++history_count_;
}

// Rewrites the line from the cursor to its end, erasing `erase` stale
// characters after it, and puts the terminal cursor back.
void LineEditor::redraw_tail(size_t erase) {
    emit(buf_ + cursor_, len_ - cursor_);
    for (size_t i = 0; i < erase; ++i) emit(" ", 1);
    for (size_t i = 0; i < len_ - cursor_ + erase; ++i) emit("\b", 1);
}

void LineEditor::insert(char c) {
    if (len_ >= capacity_) {
        overflow_ = true;  // rejected at Enter; the bell says so now
        emit("\a", 1);
        return;
    }
    memmove(buf_ + cursor_ + 1, buf_ + cursor_, len_ - cursor_);
    buf_[cursor_] = c;
    ++len_;
    buf_[len_] = '\0';
    emit(buf_ + cursor_, 1);
    ++cursor_;
    if (cursor_ < len_) redraw_tail(0);
}

void LineEditor::backspace() {
    if (cursor_ == 0) return;
    memmove(buf_ + cursor_ - 1, buf_ + cursor_, len_ - cursor_);
    --cursor_;
    --len_;
    buf_[len_] = '\0';
    emit("\b", 1);
    redraw_tail(1);
}

void LineEditor::replace_line(const char* text) {
    // Move to the start of the input, overwrite, erase what is left over.
    for (size_t i = 0; i < cursor_; ++i) emit("\b", 1);
    size_t old_len = len_;
    size_t n = strnlen(text, capacity_);
    memcpy(buf_, text, n);
    buf_[n] = '\0';
    len_ = cursor_ = n;
    emit(buf_, len_);
    size_t erase = old_len > len_ ? old_len - len_ : 0;
    for (size_t i = 0; i < erase; ++i) emit(" ", 1);
    for (size_t i = 0; i < erase; ++i) emit("\b", 1);
}

LineEditor::Result LineEditor::feed(char c) {
    if (escape_ == Escape::esc) {
        escape_ = (c == '[' || c == 'O') ? Escape::csi : Escape::none;
        return Result::pending;
    }
    if (escape_ == Escape::csi) {
        if (c >= '0' && c <= '9') return Result::pending;  // parameters: ignored
        escape_ = Escape::none;
        switch (c) {
        case 'A':  // up: older history
            if (browse_ < history_count_) {
                if (browse_ == 0) strcpy(scratch_, buf_);
                ++browse_;
                replace_line(history_entry(browse_ - 1));
            }
            break;
        case 'B':  // down: newer history, then the line being typed
            if (browse_ > 0) {
                --browse_;
                replace_line(browse_ == 0 ? scratch_ : history_entry(browse_ - 1));
            }
            break;
        case 'C':  // right
            if (cursor_ < len_) emit(buf_ + cursor_++, 1);
            break;
        case 'D':  // left
            if (cursor_ > 0) {
                --cursor_;
                emit("\b", 1);
            }
            break;
        default:
            break;
        }
        return Result::pending;
    }

    bool was_cr = last_was_cr_;
    last_was_cr_ = (c == '\r');
    switch (c) {
    case '\n':
        if (was_cr) return Result::pending;  // the LF of a CRLF
        [[fallthrough]];
    case '\r': {
        emit("\r\n", 2);
        bool rejected = overflow_;
        memcpy(done_, buf_, len_ + 1);
        if (!rejected) add_history(done_);
        reset();
        return rejected ? Result::too_long : Result::line;
    }
    case escape:
        escape_ = Escape::esc;
        return Result::pending;
    case backspace_bs:
    case backspace_del:
        backspace();
        return Result::pending;
    case ctrl_c:
        emit("^C\r\n", 4);
        reset();
        return Result::interrupt;
    case ctrl_u:
        replace_line("");
        overflow_ = false;
        return Result::pending;
    default:
        if (c >= 0x20 && c < 0x7f) insert(c);
        return Result::pending;
    }
}

}  // namespace tern
