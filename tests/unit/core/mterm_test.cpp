// Management terminal dispatch (core/mterm/mterm.cpp and the command table
// of commands.cpp): errors for unknown commands, subcommands and argument
// counts, and commands running for real, on the host console buffer; the
// thread commands and `selftest` on the simulated CPU.
#include <string.h>

#include <regex>
#include <string>
#include <vector>

#include "build_config.hpp"
#include "catch.hpp"
#include "hal_host.hpp"
#include "mem/heap.hpp"
#include "mterm/args.hpp"
#include "mterm/mterm.hpp"
#include "sim.hpp"
#include "thread.hpp"
#include "version.hpp"

namespace {

struct Run {
    int rc;
    std::string out;  // console output with "\r\n" turned back into "\n"
};

std::string unix_newlines(std::string s) {
    for (size_t i; (i = s.find("\r\n")) != std::string::npos;) s.erase(i, 1);
    return s;
}

Run execute(const std::string& line) {
    host::console_clear();
    std::vector<char> buf(line.begin(), line.end());
    buf.push_back('\0');
    int rc = tern::mterm_execute(buf.data());
    return {rc, unix_newlines(host::console_output())};
}

unsigned command_count() {
    unsigned n = 0;
    for (const tern::MtermCommand* c = tern::mterm_commands; c->group != nullptr; ++c) ++n;
    return n;
}

}  // namespace

TEST_CASE("mterm: unknown commands and subcommands are errors", "[mterm]") {
    host::reset();
    Run r = execute("frobnicate");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: unknown command 'frobnicate' (try 'help')\n");
    r = execute("thread");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: 'thread' needs a subcommand (try 'help thread')\n");
    r = execute("thread frob");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: unknown subcommand 'thread frob' (try 'help thread')\n");
    r = execute("Thread list");  // names are case sensitive
    CHECK(r.rc != 0);
    CHECK(r.out.find("unknown command 'Thread'") != std::string::npos);
    r = execute("list thread");
    CHECK(r.out.find("unknown command 'list'") != std::string::npos);
}

TEST_CASE("mterm: wrong argument counts print the usage", "[mterm]") {
    host::reset();
    Run r = execute("thread list extra");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: wrong number of arguments\nusage: thread list \n");
    r = execute("thread pause");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: wrong number of arguments\nusage: thread pause ID|NAME\n");
    r = execute("guest dumpmem g 0x0");
    CHECK(r.rc != 0);
    CHECK(r.out.find("usage: guest dumpmem NAME ADDR LEN") != std::string::npos);
    r = execute("version now");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: wrong number of arguments\nusage: version \n");
    r = execute("help a b");
    CHECK(r.rc != 0);
    CHECK(r.out.find("usage: help [COMMAND]") != std::string::npos);
    std::string words = "echo";
    for (int i = 0; i < 16; ++i) words += " w";  // 17 words: more than split_args takes
    r = execute(words);
    CHECK(r.rc != 0);
    CHECK(r.out == "error: too many arguments\n");
}

TEST_CASE("mterm: quoting errors and empty lines", "[mterm]") {
    host::reset();
    Run r = execute("echo \"open");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: unterminated quote\n");
    r = execute("");
    CHECK(r.rc == 0);
    CHECK(r.out == "");
    r = execute("   \t ");
    CHECK(r.rc == 0);
    CHECK(r.out == "");
}

TEST_CASE("mterm: commands run with their arguments", "[mterm]") {
    host::reset();
    Run r = execute("echo hello \"big  world\" a\\ b");
    CHECK(r.rc == 0);
    CHECK(r.out == "hello big  world a b\n");
    r = execute("echo");
    CHECK(r.rc == 0);
    CHECK(r.out == "\n");
    r = execute("version");
    CHECK(r.rc == 0);
    CHECK(r.out.find(std::string("Tern ") + tern::version + " (arch " + tern::config::arch +
                     ", board " + tern::config::board + ", cpu " + tern::config::cpu + ")\n") == 0);
    CHECK(r.out.find("timeslice=" + std::to_string(tern::config::sched_timeslice_ms) + "ms") !=
          std::string::npos);
}

TEST_CASE("mterm: help lists every command or one group", "[mterm]") {
    host::reset();
    Run r = execute("help");
    CHECK(r.rc == 0);
    unsigned lines = 0;
    for (char c : r.out) lines += c == '\n';
    CHECK(lines == command_count());
    for (const char* name : {"help", "version", "echo", "thread list", "thread pause", "guest dumpmem",
                             "vserial bind", "selftest sched", "shutdown"})
        CHECK(r.out.find(std::string("  ") + name + " ") != std::string::npos);
    r = execute("help thread");
    CHECK(r.rc == 0);
    CHECK(r.out.find("thread list") != std::string::npos);
    CHECK(r.out.find("thread resume") != std::string::npos);
    CHECK(r.out.find("guest") == std::string::npos);
    r = execute("help nosuch");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: no command 'nosuch'\n");
}

TEST_CASE("mterm: the command table is well formed", "[mterm]") {
    unsigned n = 0;
    for (const tern::MtermCommand* c = tern::mterm_commands; c->group != nullptr; ++c, ++n) {
        INFO(c->group << " " << (c->sub ? c->sub : ""));
        CHECK(c->run != nullptr);
        CHECK(c->usage != nullptr);
        CHECK(c->help != nullptr);
        CHECK(c->min_args >= 0);
        CHECK(c->min_args <= c->max_args);
        // argv holds max_args words, the command's own names included.
        CHECK(c->max_args + (c->sub ? 2 : 1) <= static_cast<int>(tern::max_args));
        // A group is either one command or only subcommands, never both.
        for (const tern::MtermCommand* d = tern::mterm_commands; d->group != nullptr; ++d)
            if (d != c && strcmp(d->group, c->group) == 0) {
                CHECK(c->sub != nullptr);
                CHECK(d->sub != nullptr);
                if (c->sub && d->sub) CHECK(strcmp(c->sub, d->sub) != 0);
            }
    }
    CHECK(n == command_count());
    CHECK(n >= 20);
}

TEST_CASE("mterm: commands report bad arguments themselves", "[mterm]") {
    host::reset();
    Run r = execute("thread pause nosuch");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: no thread 'nosuch' (see 'thread list')\n");
    r = execute("guest start nosuch");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: no guest 'nosuch' (see 'guest list')\n");
    r = execute("vcpu dumpreg nonsense");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: expected GUEST/N, e.g. hello/0\n");
    r = execute("selftest sleep 0");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: MS must be 1..60000\n");
    r = execute("selftest sleep 60001");
    CHECK(r.out == "error: MS must be 1..60000\n");
    r = execute("vserial bind nosuch/uart0");
    CHECK(r.rc != 0);
    CHECK(r.out == "error: no port 'nosuch/uart0' (see 'vserial list')\n");
}

TEST_CASE("mterm: reset and shutdown reach the board", "[mterm]") {
    host::reset();
    char reset[] = "reset";
    CHECK_THROWS_AS(tern::mterm_execute(reset), host::Reset);
    CHECK(unix_newlines(host::console_output()) == "resetting the board\n");
    host::console_clear();
    char shutdown[] = "shutdown";
    CHECK_THROWS_AS(tern::mterm_execute(shutdown), host::PowerOff);
    CHECK(unix_newlines(host::console_output()) == "powering off\n");
}

TEST_CASE("mterm: command lists run every command in turn", "[mterm]") {
    host::reset();
    tern::mterm_execute_list("echo one; frob ; echo 'two; three'");
    CHECK(unix_newlines(host::console_output()) ==
          "one\nerror: unknown command 'frob' (try 'help')\ntwo; three\n");
    host::console_clear();
    tern::mterm_execute_list("echo ok; echo \"open");
    CHECK(unix_newlines(host::console_output()) == "ok\nerror: unterminated quote\n");
    host::console_clear();
    tern::mterm_execute_list("echo it\\'s; echo fine");
    CHECK(unix_newlines(host::console_output()) == "it's\nfine\n");
}

TEST_CASE("mterm: numbers in decimal or hex", "[mterm]") {
    unsigned long long v = 7;
    CHECK(tern::mterm_parse_u64("0", v));
    CHECK(v == 0);
    CHECK(tern::mterm_parse_u64("42", v));
    CHECK(v == 42);
    CHECK(tern::mterm_parse_u64("0x1F", v));
    CHECK(v == 31);
    CHECK(tern::mterm_parse_u64("0XfF", v));
    CHECK(v == 255);
    CHECK(tern::mterm_parse_u64("18446744073709551615", v));
    CHECK(v == ~0ull);
    CHECK(tern::mterm_parse_u64("0xffffffffffffffff", v));
    CHECK(v == ~0ull);
    v = 99;
    CHECK_FALSE(tern::mterm_parse_u64("18446744073709551616", v));  // overflow
    CHECK_FALSE(tern::mterm_parse_u64("0x10000000000000000", v));
    CHECK_FALSE(tern::mterm_parse_u64("", v));
    CHECK_FALSE(tern::mterm_parse_u64(nullptr, v));
    CHECK_FALSE(tern::mterm_parse_u64("0x", v));
    CHECK_FALSE(tern::mterm_parse_u64("12a", v));
    CHECK_FALSE(tern::mterm_parse_u64("-1", v));
    CHECK_FALSE(tern::mterm_parse_u64("0xg", v));
    CHECK_FALSE(tern::mterm_parse_u64(" 1", v));
    CHECK(v == 99);  // untouched on failure
}

TEST_CASE("mterm: thread commands on the simulated CPU", "[mterm][sim]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        auto run = [&rec](const char* key, const char* line) {
            host::console_clear();
            std::string copy = line;
            int rc = tern::mterm_execute(copy.data());
            rec.set(std::string(key) + "_rc", rc);
            rec.set(std::string(key) + "_out", unix_newlines(host::console_output()));
        };
        unsigned ticks = 0;
        tern::Vcpu* w = sim::spawn("worker", 3, [&] {
            for (;;) {
                ++ticks;
                tern::thread_sleep_ms(1);
            }
        });
        tern::thread_sleep_ns(5'500'000);  // the worker ticked at 0..5 ms, sleeps till 6
        run("list", "thread list");
        run("pause", "thread pause worker");
        rec.set("state_paused", tern::vcpu_state_name(w->state));
        unsigned at_pause = ticks;
        tern::thread_sleep_ms(10);
        rec.set("ticks_while_paused", ticks - at_pause);
        run("pause_self", "thread pause main");
        run("resume", ("thread resume " + std::to_string(w->id)).c_str());
        run("resume_again", "thread resume worker");
        tern::thread_sleep_ms(10);
        rec.set("ticks_after_resume", ticks - at_pause);
        run("irq", "host irq");
        run("heap", "heap");
        tern::HeapStats h = tern::heap().stats();
        rec.set("heap_used", h.used);
        rec.set("heap_allocations", h.allocations);
        (void)tern::thread_destroy(*w);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("list_rc") == 0);
    std::string list = r.str("list_out");
    CHECK(std::regex_search(list, std::regex("(^|\n)ID +NAME +STATE +PRIO +KIND +RUN\\(us\\) +SWITCHES +WAKEUPS\n")));
    CHECK(std::regex_search(list, std::regex("\n0 +idle +ready +0 +thread +[0-9]+ +[0-9]+ +0\n")));
    CHECK(std::regex_search(list, std::regex("\n1 +main +running +7 +thread ")));
    CHECK(std::regex_search(list, std::regex("\n2 +worker +sleeping +3 +thread +0 +6 +5\n")));
    CHECK(r.num("pause_rc") == 0);
    CHECK(r.str("pause_out") == "paused 2 (worker)\n");
    CHECK(r.str("state_paused") == "sleeping");  // parked when its sleep ends
    CHECK(r.num("ticks_while_paused") == 0);
    CHECK(r.num("pause_self_rc") != 0);
    CHECK(r.str("pause_self_out") == "error: thread 'main' cannot be paused\n");
    CHECK(r.num("resume_rc") == 0);
    CHECK(r.str("resume_out") == "resumed 2 (worker)\n");
    CHECK(r.num("resume_again_rc") != 0);
    CHECK(r.str("resume_again_out") == "error: thread 'worker' is not paused\n");
    CHECK(r.num("ticks_after_resume") >= 9);
    CHECK(std::regex_search(r.str("irq_out"), std::regex("\n0 +host\\.0 +timer +enabled +[1-9][0-9]*\n")));
    CHECK(std::regex_search(r.str("irq_out"), std::regex("spurious: 0  timer: [0-9]+ interrupts")));
    CHECK(std::regex_search(r.str("heap_out"),
                            std::regex("used " + r.str("heap_used") + " bytes.*\n +" +
                                       r.str("heap_allocations") + " allocations")));
}

TEST_CASE("mterm: selftest sched and sleep pass on the simulated CPU", "[mterm][sim][selftest]") {
    host::SimOptions opt;
    opt.main_priority = 6;          // where mterm runs
    opt.clock_read_ns = 1'000;      // the self-test spins on clock_ns()
    sim::Result r = sim::run(
        [](sim::Record& rec) {
            for (const char* cmd : {"selftest sched", "selftest sleep 10", "selftest sleep 1000"}) {
                std::string line = cmd;
                rec.add("rc", std::to_string(tern::mterm_execute(line.data())));
            }
        },
        opt);
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("rc") == "0,0,0");
    std::string out = unix_newlines(r.console);
    CHECK(std::regex_search(out, std::regex("selftest sched: [1-9][0-9]* passed, 0 failed\n")));
    for (const char* check : {"sleep wake-up order", "sleep wake-up time", "priority preemption",
                              "round robin slices", "pause/resume", "semaphore ping-pong"})
        CHECK(std::regex_search(out, std::regex(std::string("selftest: ") + check + " +PASS")));
    CHECK(out.find("FAIL") == std::string::npos);
    CHECK(std::regex_search(out, std::regex("selftest: sleep 10 ms measured 10\\.0[0-9]{2} ms .* PASS")));
    CHECK(std::regex_search(out, std::regex("selftest: sleep 1000 ms measured 1000\\.0[0-9]{2} ms .* PASS")));
}
