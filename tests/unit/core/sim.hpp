// Running a test scenario in a child process: the core keeps its scheduler,
// timer queue, IRQ table and guest list in globals that cannot be reset, so
// every scenario that touches them gets a fresh process (fork). The child
// records what it observed (Record); the parent's test case checks it with
// Catch2 (Result), so every check is an ordinary Catch2 assertion.
#pragma once

#include <stdint.h>

#include <functional>
#include <map>
#include <string>

#include "host_sched.hpp"
#include "vcpu.hpp"

namespace sim {

// What a child reports; each call reaches the parent at once, so a crash
// keeps what was recorded before it.
class Record {
public:
    void set(const std::string& key, const std::string& value);
    void set(const std::string& key, const char* value) { set(key, std::string(value)); }
    void set(const std::string& key, uint64_t value) { set(key, std::to_string(value)); }
    void set(const std::string& key, int64_t value) { set(key, std::to_string(value)); }
    void set(const std::string& key, int value) { set(key, std::to_string(value)); }
    void set(const std::string& key, unsigned value) { set(key, std::to_string(value)); }
    void set(const std::string& key, bool value) { set(key, std::string(value ? "true" : "false")); }
    // Appends `item` to the comma-separated list `key`.
    void add(const std::string& key, const std::string& item);
};

struct Result {
    std::string end;        // "finished", "time limit", "deadlock", "crashed: ...", ...
    std::map<std::string, std::string> values;
    std::string console;    // the host console at the end

    // The value of `key`, "<unset>" when the child never set it.
    std::string str(const std::string& key) const;
    // The value of `key` as a number; throws (failing the test) if unset.
    uint64_t num(const std::string& key) const;
    bool has(const std::string& key) const { return values.count(key) != 0; }
    // Everything, for INFO() when a check fails.
    std::string describe() const;
};

// Boots the simulated CPU (host_sched.hpp) in a child process and runs
// `scenario` as its thread "main".
Result run(std::function<void(Record&)> scenario, const host::SimOptions& options = {});
// The simulated CPU with `boot` on its boot context (host::sim_boot), in a
// child process.
Result boot(std::function<void()> boot, const host::SimOptions& options = {});
// Runs `fn` in a child process on its main stack, without a scheduler.
Result isolated(std::function<void(Record&)> fn);

// A thread running `fn` (started unless `start` is false) with a stack big
// enough for host code.
tern::Vcpu* spawn(const char* name, unsigned priority, std::function<void()> fn,
                  bool start = true);

// For scenario code (which runs in the child, where Catch2 assertions would
// go unreported): throws, ending the scenario as "crashed: <what>", unless ok.
void expect(bool ok, const std::string& what);

inline constexpr uint64_t us = 1'000;
inline constexpr uint64_t ms = 1'000'000;
// clock_ns() in microseconds, for records.
uint64_t now_us();

}  // namespace sim
