// The kernel command line parser (core/cmdline.cpp).
#include <initializer_list>
#include <memory>
#include <string>

#include "catch.hpp"
#include "cmdline.hpp"

using tern::CommandLine;

namespace {

// CommandLine holds 2 KiB of buffers: keep it off the test's stack.
std::unique_ptr<CommandLine> parse(const std::string& text) {
    auto cmdline = std::make_unique<CommandLine>();
    cmdline->parse(text.c_str());
    return cmdline;
}

std::string get(const CommandLine& c, const char* key) {
    const char* v = c.get(key);
    REQUIRE(v != nullptr);
    return v;
}

}  // namespace

TEST_CASE("an empty command line has no parameters", "[cmdline]") {
    for (const char* text : {"", " ", "\t \t  "}) {
        auto c = parse(text);
        CHECK(c->count() == 0);
        CHECK_FALSE(c->truncated());
        CHECK(c->get("anything") == nullptr);
        CHECK(std::string(c->raw()) == text);
    }
}

TEST_CASE("key=value words", "[cmdline]") {
    auto c = parse("console=ttyS0 tern.test=exception  mem=256M");
    CHECK(c->count() == 3);
    CHECK(get(*c, "console") == "ttyS0");
    CHECK(get(*c, "tern.test") == "exception");
    CHECK(get(*c, "mem") == "256M");
    CHECK(c->get("tern") == nullptr);      // no prefix matching
    CHECK(c->get("tern.test=") == nullptr);
    CHECK(c->get("") == nullptr);
}

TEST_CASE("tabs and runs of blanks separate words", "[cmdline]") {
    auto c = parse("\t a=1\t\tb=2   c=3 ");
    CHECK(c->count() == 3);
    CHECK(get(*c, "a") == "1");
    CHECK(get(*c, "b") == "2");
    CHECK(get(*c, "c") == "3");
}

TEST_CASE("bare words have an empty value", "[cmdline]") {
    auto c = parse("quiet debug=1 single");
    CHECK(c->count() == 3);
    CHECK(get(*c, "quiet") == "");
    CHECK(get(*c, "single") == "");
    CHECK(get(*c, "debug") == "1");
}

TEST_CASE("an empty value after '='", "[cmdline]") {
    auto c = parse("a= b=2");
    CHECK(c->count() == 2);
    CHECK(get(*c, "a") == "");
    CHECK(get(*c, "b") == "2");
}

TEST_CASE("quoted values keep their blanks and lose their quotes", "[cmdline]") {
    auto c = parse("rd_start=0xffffffff8ffe0000 rd_size=13 tern.bootcmd=\"version; thread list\" x=1");
    CHECK(c->count() == 4);
    CHECK(get(*c, "rd_start") == "0xffffffff8ffe0000");
    CHECK(get(*c, "rd_size") == "13");
    CHECK(get(*c, "tern.bootcmd") == "version; thread list");
    CHECK(get(*c, "x") == "1");
}

TEST_CASE("an empty quoted value", "[cmdline]") {
    auto c = parse("a=\"\" b=2");
    CHECK(c->count() == 2);
    CHECK(get(*c, "a") == "");
    CHECK(get(*c, "b") == "2");
}

TEST_CASE("an unterminated quote runs to the end of the line", "[cmdline]") {
    auto c = parse("a=1 b=\"two words");
    CHECK(c->count() == 2);
    CHECK(get(*c, "b") == "two words");
}

TEST_CASE("'=' inside a value belongs to the value", "[cmdline]") {
    auto c = parse("root=UUID=1234 opt=\"k=v w=x\"");
    CHECK(get(*c, "root") == "UUID=1234");
    CHECK(get(*c, "opt") == "k=v w=x");
}

TEST_CASE("the last occurrence of a key wins", "[cmdline]") {
    auto c = parse("tern.test=first x=1 tern.test=second");
    CHECK(c->count() == 3);
    CHECK(get(*c, "tern.test") == "second");
    auto bare = parse("flag=1 flag");
    CHECK(get(*bare, "flag") == "");
}

TEST_CASE("raw() keeps the command line as given", "[cmdline]") {
    const std::string text = "a=\"x y\"  b";
    auto c = parse(text);
    CHECK(std::string(c->raw()) == text);
}

TEST_CASE("parsing again forgets the previous line", "[cmdline]") {
    auto c = parse("a=1 b=2");
    c->parse("c=3");
    CHECK(c->count() == 1);
    CHECK(c->get("a") == nullptr);
    CHECK(get(*c, "c") == "3");
    CHECK(std::string(c->raw()) == "c=3");
}

TEST_CASE("an overlong command line is truncated", "[cmdline]") {
    const size_t max = CommandLine::max_length;
    SECTION("exactly max_length - 1 bytes fit") {
        std::string text = "k=" + std::string(max - 3, 'v');
        auto c = parse(text);
        CHECK_FALSE(c->truncated());
        CHECK(get(*c, "k").size() == max - 3);
    }
    SECTION("max_length bytes and more are cut to max_length - 1") {
        for (size_t len : {max, max + 1, 4 * max}) {
            std::string text = "k=" + std::string(len - 2, 'v');
            auto c = parse(text);
            CHECK(c->truncated());
            CHECK(std::string(c->raw()).size() == max - 1);
            CHECK(get(*c, "k").size() == max - 3);
        }
    }
    SECTION("a word cut in half keeps its first half") {
        std::string text = std::string(max - 10, 'x') + " key=value";
        auto c = parse(text);
        CHECK(c->truncated());
        CHECK(get(*c, "key") == "valu");  // max_length bytes: the last one is cut
    }
}

TEST_CASE("parameters past max_params are dropped", "[cmdline]") {
    const size_t max = CommandLine::max_params;
    std::string text;
    for (size_t i = 0; i < max + 5; ++i) text += "p" + std::to_string(i) + "=" + std::to_string(i) + " ";
    auto c = parse(text);
    CHECK(c->truncated());
    CHECK(c->count() == max);
    CHECK(get(*c, "p0") == "0");
    CHECK(get(*c, ("p" + std::to_string(max - 1)).c_str()) == std::to_string(max - 1));
    CHECK(c->get(("p" + std::to_string(max)).c_str()) == nullptr);

    SECTION("exactly max_params fit") {
        std::string exact;
        for (size_t i = 0; i < max; ++i) exact += "q" + std::to_string(i) + " ";
        auto e = parse(exact);
        CHECK_FALSE(e->truncated());
        CHECK(e->count() == max);
    }
}
