// Child processes for test scenarios (sim.hpp).
#include "sim.hpp"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <exception>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "hal_host.hpp"
#include "thread.hpp"
#include "timer.hpp"

namespace sim {
namespace {

constexpr unsigned wall_clock_limit_s = 30;  // a child that hangs for real
constexpr size_t thread_stack = 128u << 10;

int report_fd = -1;  // the child's end of the pipe

void write_all(const char* p, size_t n) {
    while (n > 0) {
        ssize_t w = ::write(report_fd, p, n);
        if (w <= 0) return;
        p += w;
        n -= static_cast<size_t>(w);
    }
}

// One message: a kind letter, then length-prefixed key and value.
void send(char kind, const std::string& key, const std::string& value) {
    if (report_fd < 0) return;
    std::string msg(1, kind);
    msg += std::to_string(key.size()) + ":" + key + std::to_string(value.size()) + ":" + value;
    write_all(msg.data(), msg.size());
}

void send_end(const std::string& how) {
    send('C', "", host::console_output());
    send('E', "", how);
}

// Signals and std::terminate end the child with what it had.
char alt_stack[1 << 16];

void on_signal(int sig) {
    // Not async-signal-safe in general; good enough for a dying test child.
    send_end(std::string("crashed: signal ") + strsignal(sig));
    _exit(128 + sig);
}

void on_terminate() {
    std::string what = "unknown exception";
    if (auto e = std::current_exception()) {
        try {
            std::rethrow_exception(e);
        } catch (const host::Halted&) {
            what = "the hypervisor halted (panic)";
        } catch (const host::PowerOff&) {
            send_end("powered off");  // `shutdown`: a clean end
            _exit(0);
        } catch (const host::Reset&) {
            send_end("reset");
            _exit(0);
        } catch (const std::exception& ex) {
            what = ex.what();
        } catch (...) {
        }
    }
    send_end("crashed: " + what);
    _exit(3);
}

void enter_child(int fd) {
    report_fd = fd;
    stack_t ss{};
    ss.ss_sp = alt_stack;
    ss.ss_size = sizeof(alt_stack);
    sigaltstack(&ss, nullptr);
    struct sigaction sa{};
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_ONSTACK;
    for (int sig : {SIGSEGV, SIGBUS, SIGALRM, SIGABRT, SIGFPE, SIGILL}) sigaction(sig, &sa, nullptr);
    std::set_terminate(on_terminate);
    alarm(wall_clock_limit_s);
}

bool take_number(const std::string& s, size_t& pos, size_t& out) {
    size_t colon = s.find(':', pos);
    if (colon == std::string::npos) return false;
    out = std::stoul(s.substr(pos, colon - pos));
    pos = colon + 1;
    return pos + out <= s.size();
}

Result parse(const std::string& data) {
    Result r;
    size_t pos = 0;
    while (pos < data.size()) {
        char kind = data[pos++];
        size_t n = 0;
        if (!take_number(data, pos, n)) break;
        std::string key = data.substr(pos, n);
        pos += n;
        if (!take_number(data, pos, n)) break;
        std::string value = data.substr(pos, n);
        pos += n;
        switch (kind) {
        case 'S': r.values[key] = value; break;
        case 'A': {
            std::string& list = r.values[key];
            if (!list.empty()) list += ",";
            list += value;
            break;
        }
        case 'C': r.console = value; break;
        case 'E': r.end = value; break;
        default: break;
        }
    }
    return r;
}

Result in_child(const std::function<std::string()>& body) {
    std::cout.flush();
    std::cerr.flush();
    fflush(nullptr);
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        close(fds[0]);
        enter_child(fds[1]);
        std::string how;
        try {
            how = body();
        } catch (const host::Halted&) {
            how = "crashed: the hypervisor halted (panic)";
        } catch (const std::exception& e) {
            how = std::string("crashed: ") + e.what();
        }
        send_end(how);
        _exit(0);
    }
    close(fds[1]);
    std::string data;
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(fds[0], buf, sizeof(buf));
        if (n <= 0) break;
        data.append(buf, static_cast<size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    Result r = parse(data);
    if (r.end.empty()) {
        if (WIFSIGNALED(status)) r.end = std::string("crashed: signal ") + strsignal(WTERMSIG(status));
        else r.end = "crashed: exit status " + std::to_string(WEXITSTATUS(status));
    }
    return r;
}

}  // namespace

void Record::set(const std::string& key, const std::string& value) { send('S', key, value); }
void Record::add(const std::string& key, const std::string& item) { send('A', key, item); }

std::string Result::str(const std::string& key) const {
    auto it = values.find(key);
    return it == values.end() ? "<unset>" : it->second;
}

uint64_t Result::num(const std::string& key) const {
    auto it = values.find(key);
    if (it == values.end()) throw std::runtime_error("the scenario did not record '" + key + "'");
    return std::stoull(it->second);
}

std::string Result::describe() const {
    std::ostringstream out;
    out << "scenario end: " << end << "\n";
    for (const auto& [k, v] : values) out << "  " << k << " = " << v << "\n";
    out << "console:\n" << console;
    return out.str();
}

Result run(std::function<void(Record&)> scenario, const host::SimOptions& options) {
    return in_child([&] {
        Record record;
        host::SimEnd end = host::sim_run([&] { scenario(record); }, options);
        return std::string(host::sim_end_name(end));
    });
}

Result boot(std::function<void()> boot_fn, const host::SimOptions& options) {
    return in_child([&] { return std::string(host::sim_end_name(host::sim_boot(boot_fn, options))); });
}

Result isolated(std::function<void(Record&)> fn) {
    return in_child([&] {
        Record record;
        fn(record);
        return std::string("finished");
    });
}

namespace {
void run_function(void* arg) {
    auto* fn = static_cast<std::function<void()>*>(arg);
    (*fn)();
    delete fn;
}
}  // namespace

tern::Vcpu* spawn(const char* name, unsigned priority, std::function<void()> fn, bool start) {
    auto* body = new std::function<void()>(std::move(fn));
    tern::Vcpu* t = tern::thread_create(name, run_function, body, priority, thread_stack);
    if (t == nullptr) {
        delete body;
        throw std::runtime_error(std::string("cannot create thread ") + name);
    }
    if (start && tern::thread_start(*t) != tern::Status::ok)
        throw std::runtime_error(std::string("cannot start thread ") + name);
    return t;
}

uint64_t now_us() { return tern::clock_ns() / 1000; }

void expect(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error("scenario expectation failed: " + what);
}

}  // namespace sim
