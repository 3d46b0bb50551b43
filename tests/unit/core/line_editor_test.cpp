// The management terminal's line editor (core/mterm/line_editor.cpp):
// bytes in, lines and VT100 echo out.
#include <stddef.h>

#include <memory>
#include <string>

#include "build_config.hpp"
#include "catch.hpp"
#include "mterm/line_editor.hpp"

using tern::LineEditor;
using Result = LineEditor::Result;

namespace {

constexpr const char* up = "\x1b[A";
constexpr const char* down = "\x1b[B";
constexpr const char* right = "\x1b[C";
constexpr const char* left = "\x1b[D";

// An editor whose echo goes to a string.
struct Term {
    std::string echo;
    std::unique_ptr<LineEditor> ed;
    explicit Term(size_t capacity = 256, size_t history = 16)
        : ed(std::make_unique<LineEditor>(
              capacity, history,
              [](void* ctx, const char* bytes, size_t len) { static_cast<std::string*>(ctx)->append(bytes, len); },
              &echo)) {}

    // Feeds `bytes`; returns the results that were not `pending`, as letters
    // (l = line, t = too_long, i = interrupt).
    std::string type(const std::string& bytes) {
        std::string out;
        for (char c : bytes) {
            switch (ed->feed(c)) {
            case Result::pending: break;
            case Result::line: out += 'l'; break;
            case Result::too_long: out += 't'; break;
            case Result::interrupt: out += 'i'; break;
            }
        }
        return out;
    }
    std::string line() const { return ed->line(); }
    std::string take_echo() {
        std::string e = echo;
        echo.clear();
        return e;
    }
};

}  // namespace

TEST_CASE("line editor: typing a line echoes it and completes on Enter", "[mterm][editor]") {
    Term t;
    CHECK(t.type("help") == "");
    CHECK(t.type("\r") == "l");
    CHECK(t.line() == "help");
    CHECK(t.take_echo() == "help\r\n");
    CHECK(t.type("\r") == "l");  // an empty line
    CHECK(t.line() == "");
    CHECK(t.type("a\tb\x01\r") == "l");  // control characters are not inserted
    CHECK(t.line() == "ab");
}

TEST_CASE("line editor: backspace deletes before the cursor", "[mterm][editor]") {
    Term t;
    t.type("hex\x7f");
    CHECK(t.take_echo() == "hex\b \b");
    t.type("l\b\bp\r");  // ^H works too
    CHECK(t.line() == "hp");
    t.take_echo();
    t.type("\x7f\x7fz\r");  // at the start of the line: nothing to delete
    CHECK(t.take_echo() == "z\r\n");
    CHECK(t.line() == "z");
}

TEST_CASE("line editor: editing in the middle of a line", "[mterm][editor]") {
    Term t;
    t.type("ac");
    t.take_echo();
    t.type(left);
    CHECK(t.take_echo() == "\b");
    t.type("b");  // inserted before 'c', which is redrawn
    CHECK(t.take_echo() == "bc\b");
    t.type(std::string(left) + left + left + left);  // stops at the start
    CHECK(t.take_echo() == "\b\b");
    t.type(">");
    CHECK(t.take_echo() == ">abc\b\b\b");
    t.type(std::string(right) + right);
    CHECK(t.take_echo() == "ab");  // moving right re-prints what it passes
    t.type("\x7f");  // deletes 'b' before the cursor: "c" shifts left
    CHECK(t.take_echo() == "\bc \b\b");
    t.type(std::string(right) + right + right);  // stops at the end
    CHECK(t.take_echo() == "c");
    t.type("\r");
    CHECK(t.line() == ">ac");
}

TEST_CASE("line editor: other escape sequences are swallowed", "[mterm][editor]") {
    Term t;
    CHECK(t.type("ab\x1b[3~cd\r") == "l");  // Delete key: parameters, then a final byte
    CHECK(t.line() == "abcd");
    CHECK(t.type("x\x1bOD" "y\r") == "l");  // SS3 cursor keys work like CSI
    CHECK(t.line() == "yx");
    CHECK(t.type("p\x1bqr\r") == "l");  // ESC + other: both swallowed
    CHECK(t.line() == "pr");
}

TEST_CASE("line editor: history with up and down", "[mterm][editor]") {
    Term t;
    t.type("one\rtwo\rthree\r");
    CHECK(t.ed->history_size() == 3);
    CHECK(std::string(t.ed->history_entry(0)) == "three");
    CHECK(std::string(t.ed->history_entry(2)) == "one");
    CHECK(t.ed->history_entry(3) == nullptr);
    t.take_echo();

    t.type("par");
    t.take_echo();
    t.type(up);  // replaces the typed line, which is kept
    CHECK(t.take_echo() == "\b\b\bthree");
    t.type(up);
    CHECK(t.take_echo() == "\b\b\b\b\btwo  \b\b");
    t.type(std::string(up) + up + up);  // stops at the oldest
    CHECK(t.take_echo() == "\b\b\bone");
    t.type(down);
    t.type(down);
    t.type(down);  // back to what was being typed
    CHECK(t.take_echo() == "\b\b\btwo" "\b\b\bthree" "\b\b\b\b\bpar  \b\b");
    t.type(down);  // nothing newer
    CHECK(t.take_echo() == "");
    t.type(std::string(up) + up + "\r");
    CHECK(t.line() == "two");
    CHECK(t.ed->history_size() == 4);  // re-run: stored again (not a repeat of "three")
    t.type(std::string(up) + "\r");
    CHECK(t.line() == "two");
    CHECK(t.ed->history_size() == 4);  // a repeat of the latest: not stored
    t.type("\r");
    CHECK(t.ed->history_size() == 4);  // empty lines are not stored
}

TEST_CASE("line editor: the history keeps the configured number of lines", "[mterm][editor]") {
    Term t(256, 2);
    t.type("a\rb\rc\r");
    CHECK(t.ed->history_size() == 2);
    CHECK(std::string(t.ed->history_entry(0)) == "c");
    CHECK(std::string(t.ed->history_entry(1)) == "b");
    t.type(std::string(up) + up + up + "\r");
    CHECK(t.line() == "b");

    Term none(256, 0);
    none.type("a\r");
    CHECK(none.ed->history_size() == 0);
    none.type(std::string(up) + "x\r");
    CHECK(none.line() == "x");

    Term wide(LineEditor::max_line);
    std::string long_line(LineEditor::max_line / 4, 'w');  // too long for a history slot
    wide.type("short\r" + long_line + "\r");
    CHECK(wide.line() == long_line);
    CHECK(wide.ed->history_size() == 1);
    CHECK(std::string(wide.ed->history_entry(0)) == "short");

    Term many(256, 1000);  // more than the editor can keep: clamped
    for (int i = 0; i < 100; ++i) many.type(std::to_string(i) + "\r");
    CHECK(many.ed->history_size() == LineEditor::max_history);
    CHECK(std::string(many.ed->history_entry(0)) == "99");
    CHECK(std::string(many.ed->history_entry(LineEditor::max_history - 1)) == "36");
}

TEST_CASE("line editor: CR and LF and CRLF each end one line", "[mterm][editor]") {
    Term t;
    CHECK(t.type("ls\r\n") == "l");  // the LF of a CRLF is not a second line
    CHECK(t.line() == "ls");
    CHECK(t.type("x\n") == "l");
    CHECK(t.line() == "x");
    CHECK(t.type("\r\r") == "ll");  // two CRs: two lines
    CHECK(t.type("\n") == "");       // the LF after the second CR
    CHECK(t.type("y\n\r") == "ll");  // LF then CR: two lines
    CHECK(t.type("a\r\nb\r\n") == "ll");
    CHECK(t.line() == "b");
    CHECK(t.take_echo() == "ls\r\nx\r\n\r\n\r\ny\r\n\r\na\r\nb\r\n");
}

TEST_CASE("line editor: Ctrl-C abandons the line and Ctrl-U clears it", "[mterm][editor]") {
    Term t;
    CHECK(t.type("abc\x03") == "i");
    CHECK(t.take_echo() == "abc^C\r\n");
    CHECK(t.type("d\r") == "l");
    CHECK(t.line() == "d");
    CHECK(t.ed->history_size() == 1);  // the abandoned line is not in the history
    t.take_echo();

    t.type("abc\x15");
    CHECK(t.take_echo() == "abc\b\b\b   \b\b\b");
    t.type("x\r");
    CHECK(t.line() == "x");
    t.type("abc");
    t.type(std::string(left) + left);
    t.take_echo();
    t.type("\x15");  // from the middle: back to the start, erase everything
    CHECK(t.take_echo() == "\b   \b\b\b");
    t.type("y\r");
    CHECK(t.line() == "y");
}

TEST_CASE("line editor: an overlong line is refused and never overflows", "[mterm][editor]") {
    Term t(8);
    CHECK(t.type("0123456789AB") == "");
    CHECK(t.take_echo() == "01234567\a\a\a\a");  // a bell for each refused byte
    CHECK(t.type("\r") == "t");
    CHECK(t.ed->history_size() == 0);
    CHECK(t.type("ok\r") == "l");  // the next line is fine
    CHECK(t.line() == "ok");
    // Inserting mid-line at the limit is refused too.
    t.type("01234567");
    t.type(std::string(left) + "X\r");
    CHECK(t.line() == "01234567");
    // Ctrl-U after an overflow starts over with a clean slate.
    t.type("0123456789\x15short\r");
    CHECK(t.line() == "short");

    // The configured terminal: CONFIG_MTERM_LINE_MAX characters.
    Term cfg(tern::config::mterm_line_max);
    std::string full(tern::config::mterm_line_max, 'x');
    CHECK(cfg.type(full + "\r") == "l");
    CHECK(cfg.line() == full);
    CHECK(cfg.type(full + "y\r") == "t");

    // A capacity beyond the buffer is clamped to max_line - 1.
    Term huge(100'000);
    std::string flood(5000, 'z');
    CHECK(huge.type(flood + "\r") == "t");
    CHECK(huge.line().size() == LineEditor::max_line - 1);
    CHECK(huge.type(std::string(LineEditor::max_line - 1, 'q') + "\r") == "l");
}

TEST_CASE("line editor: reset starts a new line", "[mterm][editor]") {
    Term t;
    t.type("half");
    t.ed->reset();
    CHECK(t.type("new\r") == "l");
    CHECK(t.line() == "new");
    t.type("\x1b");  // reset also ends an escape sequence in progress
    t.ed->reset();
    t.type("[A\r");
    CHECK(t.line() == "[A");
}
