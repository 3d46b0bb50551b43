// The host IRQ framework (core/irq.cpp): registration, enable/disable
// against the board's line masks, dispatch, counts, spurious interrupts.
// Its table is global, so each scenario runs in a child process.
#include <stdint.h>

#include <string>

#include "catch.hpp"
#include "hal/irq.hpp"
#include "hal_host.hpp"
#include "irq.hpp"
#include "sim.hpp"
#include "thread.hpp"

namespace {

struct Seen {
    std::string log;
};

void handler(unsigned line, void* ctx) {
    auto* seen = static_cast<Seen*>(ctx);
    seen->log += "line" + std::to_string(line) + (tern::in_irq() ? "" : "(not in irq)") + ";";
}

void take(unsigned line) {  // what the arch's interrupt entry does
    tern::irq_enter();
    tern::irq_handle(line);
    tern::irq_exit();
}

}  // namespace

TEST_CASE("irq: registering handlers", "[irq]") {
    sim::Result r = sim::isolated([](sim::Record& rec) {
        host::reset();
        hal::irq_controller_init();
        Seen seen;
        rec.set("lines", tern::irq_lines());
        rec.set("reg_past_board", tern::status_name(tern::irq_register(host::irq_lines, "x", handler, &seen)));
        rec.set("reg_past_max", tern::status_name(tern::irq_register(tern::max_irq_lines, "x", handler, &seen)));
        rec.set("reg_null", tern::status_name(tern::irq_register(2, "x", nullptr, &seen)));
        rec.set("enable_unregistered", tern::status_name(tern::irq_line_enable(2)));
        rec.set("reg", tern::status_name(tern::irq_register(2, "disk", handler, &seen)));
        rec.set("reg_again", tern::status_name(tern::irq_register(2, "other", handler, &seen)));
        tern::IrqLineInfo info = tern::irq_line_info(2);
        rec.set("name", info.name);
        rec.set("owner", info.owner);
        rec.set("enabled_after_register", info.enabled);
        rec.set("masked_after_register", host::irq_line_masked(2));
        rec.set("enable", tern::status_name(tern::irq_line_enable(2)));
        rec.set("masked_after_enable", host::irq_line_masked(2));
        rec.set("enabled_after_enable", tern::irq_line_info(2).enabled);
        rec.set("disable", tern::status_name(tern::irq_line_disable(2)));
        rec.set("masked_after_disable", host::irq_line_masked(2));
        rec.set("enable_past_board", tern::status_name(tern::irq_line_enable(host::irq_lines)));
        rec.set("disable_past_board", tern::status_name(tern::irq_line_disable(host::irq_lines)));
        rec.set("unregister_past_board", tern::status_name(tern::irq_unregister(host::irq_lines)));
        tern::IrqLineInfo none = tern::irq_line_info(host::irq_lines);
        rec.set("info_past_board", std::string(none.name) + (none.owner ? "+owner" : ""));
        rec.set("irqs_still_off", !hal::irq_enabled());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("lines") == host::irq_lines);
    CHECK(r.str("reg_past_board") == "out of range");
    CHECK(r.str("reg_past_max") == "out of range");
    CHECK(r.str("reg_null") == "invalid");
    CHECK(r.str("enable_unregistered") == "not found");
    CHECK(r.str("reg") == "ok");
    CHECK(r.str("reg_again") == "busy");
    CHECK(r.str("name") == "host.2");
    CHECK(r.str("owner") == "disk");
    CHECK(r.str("enabled_after_register") == "false");
    CHECK(r.str("masked_after_register") == "true");
    CHECK(r.str("enable") == "ok");
    CHECK(r.str("masked_after_enable") == "false");
    CHECK(r.str("enabled_after_enable") == "true");
    CHECK(r.str("disable") == "ok");
    CHECK(r.str("masked_after_disable") == "true");
    CHECK(r.str("enable_past_board") == "out of range");
    CHECK(r.str("disable_past_board") == "out of range");
    CHECK(r.str("unregister_past_board") == "out of range");
    CHECK(r.str("info_past_board") == "?");
    CHECK(r.str("irqs_still_off") == "true");
}

TEST_CASE("irq: dispatch and counts and spurious interrupts", "[irq]") {
    sim::Result r = sim::isolated([](sim::Record& rec) {
        host::reset();
        hal::irq_controller_init();
        Seen seen;
        rec.set("in_irq_before", tern::in_irq());
        (void)tern::irq_register(5, "net", handler, &seen);
        (void)tern::irq_line_enable(5);
        take(5);
        take(5);
        rec.set("log", seen.log);
        rec.set("count", tern::irq_line_info(5).count);
        rec.set("in_irq_after", tern::in_irq());
        // Nested entry: in_irq until the outermost exit.
        tern::irq_enter();
        tern::irq_enter();
        tern::irq_exit();
        rec.set("in_irq_nested", tern::in_irq());
        tern::irq_exit();
        rec.set("in_irq_unnested", tern::in_irq());

        // A line nobody handles is counted as spurious and masked.
        hal::irq_line_unmask(6);
        take(6);
        rec.set("spurious_unhandled", tern::irq_spurious_count());
        rec.set("masked_unhandled", host::irq_line_masked(6));
        // A registered but disabled line, and a line the board lacks.
        (void)tern::irq_line_disable(5);
        hal::irq_line_unmask(5);
        take(5);
        take(host::irq_lines + 3);
        rec.set("spurious_total", tern::irq_spurious_count());
        rec.set("masked_disabled", host::irq_line_masked(5));
        rec.set("log_after_disable", seen.log);
        rec.set("count_after_disable", tern::irq_line_info(5).count);

        // Unregistering keeps the count for `host irq`, masks, frees the line.
        (void)tern::irq_line_enable(5);
        rec.set("unregister", tern::status_name(tern::irq_unregister(5)));
        tern::IrqLineInfo info = tern::irq_line_info(5);
        rec.set("count_kept", info.count);
        rec.set("owner_gone", info.owner == nullptr);
        rec.set("enabled_gone", info.enabled);
        rec.set("masked_unregistered", host::irq_line_masked(5));
        rec.set("register_again", tern::status_name(tern::irq_register(5, "net2", handler, &seen)));
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("in_irq_before") == "false");
    CHECK(r.str("log") == "line5;line5;");
    CHECK(r.num("count") == 2);
    CHECK(r.str("in_irq_after") == "false");
    CHECK(r.str("in_irq_nested") == "true");
    CHECK(r.str("in_irq_unnested") == "false");
    CHECK(r.num("spurious_unhandled") == 1);
    CHECK(r.str("masked_unhandled") == "true");
    CHECK(r.num("spurious_total") == 3);
    CHECK(r.str("masked_disabled") == "true");
    CHECK(r.str("log_after_disable") == "line5;line5;");
    CHECK(r.num("count_after_disable") == 2);
    CHECK(r.str("unregister") == "ok");
    CHECK(r.num("count_kept") == 2);
    CHECK(r.str("owner_gone") == "true");
    CHECK(r.str("enabled_gone") == "false");
    CHECK(r.str("masked_unregistered") == "true");
    CHECK(r.str("register_again") == "ok");
}

TEST_CASE("irq: an interrupt on an unhandled line cannot storm the simulated CPU", "[irq][sim]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        hal::irq_line_unmask(4);  // unmasked by mistake, no handler
        host::sim_raise_irq(4);
        rec.set("spurious", tern::irq_spurious_count());
        rec.set("masked", host::irq_line_masked(4));
        uint64_t taken = host::sim_interrupts_taken();
        host::sim_raise_irq(4);  // masked now: stays pending, not taken
        rec.set("taken_again", host::sim_interrupts_taken() - taken);
        tern::thread_sleep_ms(2);
        rec.set("spurious_later", tern::irq_spurious_count());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("spurious") == 1);
    CHECK(r.str("masked") == "true");
    CHECK(r.num("taken_again") == 0);
    CHECK(r.num("spurious_later") == 1);
}
