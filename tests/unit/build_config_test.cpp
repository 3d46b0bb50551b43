// The generated configuration (core/build_config.hpp over genconfig's
// tern_config.h) against the .config it was generated from. The host build
// follows arch/mips/configs/malta_defconfig (scripts/test.py).
#include <fstream>
#include <initializer_list>
#include <map>
#include <string>

#include "build_config.hpp"
#include "catch.hpp"

namespace {

// The CONFIG_ symbols of a .config: strings unquoted, "n" for
// "# CONFIG_X is not set".
std::map<std::string, std::string> read_kconfig(const char* path) {
    std::ifstream in(path);
    REQUIRE(in.good());
    std::map<std::string, std::string> symbols;
    const std::string not_set = " is not set";
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("CONFIG_", 0) == 0) {
            size_t eq = line.find('=');
            std::string value = line.substr(eq + 1);
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            symbols[line.substr(0, eq)] = value;
        } else if (line.rfind("# CONFIG_", 0) == 0 && line.size() > not_set.size() &&
                   line.compare(line.size() - not_set.size(), not_set.size(), not_set) == 0) {
            symbols.insert_or_assign(line.substr(2, line.size() - 2 - not_set.size()),
                                     std::string("n"));
        }
    }
    return symbols;
}

std::string yes_no(bool v) { return v ? "y" : "n"; }

}  // namespace

TEST_CASE("the host build follows the Malta defconfig", "[config]") {
    CHECK(std::string(tern::config::arch) == "mips");
    CHECK(std::string(tern::config::board) == "malta");
    CHECK(std::string(tern::config::cpu) == "24Kf");
}

TEST_CASE("every tern::config constant matches the .config", "[config]") {
    auto kconfig = read_kconfig(TERN_TEST_KCONFIG);
    INFO(".config: " << TERN_TEST_KCONFIG);
    CHECK(kconfig.at("CONFIG_ARCH") == tern::config::arch);
    CHECK(kconfig.at("CONFIG_BOARD") == tern::config::board);
    CHECK(kconfig.at("CONFIG_CPU") == tern::config::cpu);
    CHECK(kconfig.at("CONFIG_HEAP_SIZE_KB") == std::to_string(tern::config::heap_size_kb));
    CHECK(kconfig.at("CONFIG_SCHED_TIMESLICE_MS") ==
          std::to_string(tern::config::sched_timeslice_ms));
    CHECK(kconfig.at("CONFIG_MTERM_LINE_MAX") == std::to_string(tern::config::mterm_line_max));
    CHECK(kconfig.at("CONFIG_MTERM_HISTORY") == std::to_string(tern::config::mterm_history));
    CHECK(kconfig.at("CONFIG_EMU_NS16550") == yes_no(tern::config::emu_ns16550));
    CHECK(kconfig.at("CONFIG_DEBUG_SELFTEST") == yes_no(tern::config::debug_selftest));
    CHECK(kconfig.at("CONFIG_DEBUG_VERBOSE_BOOT") == yes_no(tern::config::verbose_boot));
}

TEST_CASE("the .config selects MIPS and no other architecture", "[config]") {
    auto kconfig = read_kconfig(TERN_TEST_KCONFIG);
    CHECK(kconfig.at("CONFIG_ARCH_MIPS") == "y");
    CHECK(kconfig.at("CONFIG_ARCH_ARM") == "n");
    CHECK(kconfig.at("CONFIG_ARCH_X86_64") == "n");
}

TEST_CASE("the generated header defines every set symbol of the .config, and only those",
          "[config]") {
    auto kconfig = read_kconfig(TERN_TEST_KCONFIG);
    std::ifstream in(TERN_TEST_CONFIG_HEADER);
    REQUIRE(in.good());
    std::map<std::string, std::string> defines;
    const std::string prefix = "#define ";
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(prefix, 0) != 0) continue;
        size_t space = line.find(' ', prefix.size());
        std::string value = line.substr(space + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        defines[line.substr(prefix.size(), space - prefix.size())] = value;
    }
    for (const auto& [symbol, value] : kconfig) {
        INFO(symbol << "=" << value);
        if (value == "n") {
            CHECK(defines.count(symbol) == 0);
        } else {
            REQUIRE(defines.count(symbol) == 1);
            CHECK(defines.at(symbol) == (value == "y" ? "1" : value));
        }
    }
    for (const auto& [symbol, value] : defines) {
        INFO(symbol);
        CHECK(kconfig.count(symbol) == 1);
    }
}

TEST_CASE("Kconfig ranges hold in the generated values", "[config]") {
    CHECK(tern::config::heap_size_kb >= 64);
    CHECK(tern::config::heap_size_kb <= 65536);
    CHECK(tern::config::sched_timeslice_ms >= 1);
    CHECK(tern::config::sched_timeslice_ms <= 1000);
    CHECK(tern::config::mterm_line_max >= 32);
    CHECK(tern::config::mterm_line_max <= 1024);
    CHECK(tern::config::mterm_history <= 64);
}
