// Splitting terminal input (core/mterm/args.cpp): words with quotes and
// escapes, and ';'-separated command lists.
#include <string.h>

#include <algorithm>
#include <string>
#include <vector>

#include "catch.hpp"
#include "mterm/args.hpp"

namespace {

struct Split {
    int argc;
    std::vector<std::string> words;
    std::string error;
};

Split split(const std::string& text, size_t max = tern::max_args) {
    std::vector<char> line(text.begin(), text.end());
    line.push_back('\0');
    std::vector<char*> argv(max + 1, nullptr);
    const char* error = nullptr;
    Split s{tern::split_args(line.data(), argv.data(), max, &error), {}, error ? error : ""};
    for (int i = 0; i < s.argc; ++i) {
        // Words are split in place: every argv points into the line.
        REQUIRE(argv[i] >= line.data());
        REQUIRE(argv[i] < line.data() + line.size());
        s.words.push_back(argv[i]);
    }
    return s;
}

using Words = std::vector<std::string>;

struct Commands {
    bool ok;
    std::vector<std::string> commands;
    std::string error;
};

Commands commands(const char* list, size_t size = 64) {
    Commands c{false, {}, ""};
    std::vector<char> buf(size + 8, '#');  // bytes past `size` must stay untouched
    const char* error = nullptr;
    c.ok = tern::for_each_command(
        list, buf.data(), size,
        [](char* command, void* ctx) { static_cast<Commands*>(ctx)->commands.push_back(command); },
        &c, &error);
    if (error != nullptr) c.error = error;
    CHECK(std::all_of(buf.begin() + static_cast<long>(size), buf.end(), [](char b) { return b == '#'; }));
    return c;
}

}  // namespace

TEST_CASE("mterm args: words are separated by blanks", "[mterm][args]") {
    CHECK(split("").argc == 0);
    CHECK(split(" \t  ").argc == 0);
    CHECK(split("help").words == Words{"help"});
    CHECK(split("  thread   list\t7  ").words == Words{"thread", "list", "7"});
    CHECK(split("a\tb").words == Words{"a", "b"});
}

TEST_CASE("mterm args: quotes group words", "[mterm][args]") {
    CHECK(split("echo \"hello  world\"").words == Words{"echo", "hello  world"});
    CHECK(split("echo 'single quoted'").words == Words{"echo", "single quoted"});
    CHECK(split("echo a\"b c\"d").words == Words{"echo", "ab cd"});  // quotes inside a word
    CHECK(split("echo \"it's\" 'say \"hi\"'").words == Words{"echo", "it's", "say \"hi\""});
    Split empty = split("echo \"\" ''");
    CHECK(empty.words == Words{"echo", "", ""});
}

TEST_CASE("mterm args: backslash escapes", "[mterm][args]") {
    CHECK(split("echo a\\ b").words == Words{"echo", "a b"});
    CHECK(split("echo \\\"x\\\"").words == Words{"echo", "\"x\""});
    CHECK(split("echo \"a\\\"b\"").words == Words{"echo", "a\"b"});    // inside double quotes
    CHECK(split("echo \"a\\\\b\"").words == Words{"echo", "a\\b"});
    CHECK(split("echo 'a\\b'").words == Words{"echo", "a\\b"});        // literal in single quotes
    CHECK(split("echo trailing\\").words == Words{"echo", "trailing\\"});  // nothing to escape
}

TEST_CASE("mterm args: unterminated quotes and too many words", "[mterm][args]") {
    Split open = split("echo \"abc");
    CHECK(open.argc == -1);
    CHECK(open.error == "unterminated quote");
    CHECK(split("echo 'abc").argc == -1);
    CHECK(split("echo \"abc\\\"").argc == -1);  // the escaped quote does not close
    CHECK(split("a b c", 3).words == Words{"a", "b", "c"});
    CHECK(split("a b c   ", 3).argc == 3);  // trailing blanks are no word
    Split many = split("a b c d", 3);
    CHECK(many.argc == -1);
    CHECK(many.error == "too many arguments");
    std::string seventeen;
    for (int i = 0; i < 17; ++i) seventeen += "w ";
    CHECK(split(seventeen).argc == -1);
    CHECK(split(seventeen.substr(2)).argc == 16);
}

TEST_CASE("mterm args: command lists split on ';' outside quotes", "[mterm][args]") {
    Commands c = commands("version; thread list;help");
    CHECK(c.ok);
    CHECK(c.commands == Words{"version", " thread list", "help"});
    c = commands("echo 'a;b'; echo \"c;d\"");
    CHECK(c.commands == Words{"echo 'a;b'", " echo \"c;d\""});
    c = commands("");
    CHECK(c.ok);
    CHECK(c.commands.empty());
    c = commands("a;");
    CHECK(c.commands == Words{"a"});
    c = commands(";;x");
    CHECK(c.commands == Words{"", "", "x"});
}

TEST_CASE("mterm args: command lists honour backslash escapes like words do", "[mterm][args]") {
    // An escaped quote neither opens nor closes a quoted part...
    Commands c = commands("echo it\\'s; version");
    CHECK(c.ok);
    CHECK(c.commands == Words{"echo it\\'s", " version"});
    c = commands("echo \"a\\\"b\"; version");
    CHECK(c.ok);
    CHECK(c.commands == Words{"echo \"a\\\"b\"", " version"});
    // ...an escaped ';' is text, and single quotes keep backslashes literal.
    c = commands("echo a\\;b; echo 'x\\'; y");
    CHECK(c.ok);
    CHECK(c.commands == Words{"echo a\\;b", " echo 'x\\'", " y"});
    // Each command still splits into the words split_args gives the whole.
    std::vector<char> line(c.commands[0].begin(), c.commands[0].end());
    line.push_back('\0');
    CHECK(split(line.data()).words == Words{"echo", "a;b"});
}

TEST_CASE("mterm args: command list errors", "[mterm][args]") {
    Commands c = commands("version; echo 'open");
    CHECK_FALSE(c.ok);
    CHECK(c.error == "unterminated quote");
    CHECK(c.commands == Words{"version"});  // what came before ran
    c = commands("1234567", 8);  // 7 characters and the NUL fit in 8
    CHECK(c.ok);
    CHECK(c.commands == Words{"1234567"});
    c = commands("12345678", 8);
    CHECK_FALSE(c.ok);
    CHECK(c.error == "command too long");
    c = commands("short; 12345678901", 8);
    CHECK_FALSE(c.ok);
    CHECK(c.commands == Words{"short"});
    c = commands("123456\\x", 8);  // the escape and its character both count
    CHECK_FALSE(c.ok);
    CHECK(c.error == "command too long");
}
