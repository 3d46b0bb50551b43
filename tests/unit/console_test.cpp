// Console output and panic (core/console.cpp) on the host HAL.
#include <string>

#include "catch.hpp"
#include "console.hpp"
#include "hal_host.hpp"

TEST_CASE("print formats to the console and turns \\n into \\r\\n", "[console]") {
    host::reset();
    tern::print("Tern %s (%s)\n", "0.1.0", "mips");
    CHECK(host::console_output() == "Tern 0.1.0 (mips)\r\n");
    host::console_clear();
    tern::print("a\nb\n\nc");
    CHECK(host::console_output() == "a\r\nb\r\n\r\nc");
}

TEST_CASE("newlines inside arguments are translated too", "[console]") {
    host::reset();
    tern::print("%s|", "one\ntwo");
    CHECK(host::console_output() == "one\r\ntwo|");
}

TEST_CASE("print holds the console lock: interrupts off while it writes", "[console]") {
    host::reset();
    SECTION("interrupts on before: on again after") {
        host::irqs_set(true);
        tern::print("line %d\n", 1);
        CHECK(host::irqs_enabled());
    }
    SECTION("interrupts off before: still off after") {
        host::irqs_set(false);
        tern::print("line %d\n", 2);
        CHECK_FALSE(host::irqs_enabled());
    }
    CHECK(host::console_unlocked_writes() == 0);
    CHECK(host::irq_save_count() == 1);
    CHECK(host::irq_restore_count() == 1);
}

TEST_CASE("console_write writes raw bytes, no newline translation", "[console]") {
    host::reset();
    host::irqs_set(true);
    const char bytes[] = {'a', '\n', '\0', 'b'};
    tern::console_write(bytes, sizeof(bytes));
    CHECK(host::console_output() == std::string(bytes, sizeof(bytes)));
    CHECK(host::console_unlocked_writes() == 0);
    CHECK(host::irqs_enabled());
}

TEST_CASE("panic reports and halts with interrupts off", "[console]") {
    host::reset();
    host::irqs_set(true);
    REQUIRE_THROWS_AS(tern::panic("board device tree: %s", "no memory node"), host::Halted);
    CHECK(host::console_output() ==
          "\r\n*** TERN PANIC: board device tree: no memory node\r\n*** system halted\r\n");
    CHECK_FALSE(host::irqs_enabled());
    CHECK(host::console_unlocked_writes() == 0);
}
