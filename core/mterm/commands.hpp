// Handlers of the management terminal's commands (see commands.cpp).
#pragma once

namespace tern {

int cmd_help(int argc, char** argv);
int cmd_version(int argc, char** argv);
int cmd_echo(int argc, char** argv);
int cmd_reset(int argc, char** argv);
int cmd_shutdown(int argc, char** argv);
int cmd_host_info(int argc, char** argv);
int cmd_host_irq(int argc, char** argv);
int cmd_heap(int argc, char** argv);
int cmd_thread_list(int argc, char** argv);
int cmd_thread_pause(int argc, char** argv);
int cmd_thread_resume(int argc, char** argv);
int cmd_guest_list(int argc, char** argv);
int cmd_guest_start(int argc, char** argv);
int cmd_guest_stop(int argc, char** argv);
int cmd_guest_reset(int argc, char** argv);
int cmd_guest_regions(int argc, char** argv);
int cmd_guest_dumpmem(int argc, char** argv);
int cmd_vcpu_list(int argc, char** argv);
int cmd_vcpu_dumpreg(int argc, char** argv);
int cmd_vcpu_stats(int argc, char** argv);
int cmd_vserial_list(int argc, char** argv);
int cmd_vserial_bind(int argc, char** argv);
int cmd_selftest_sched(int argc, char** argv);
int cmd_selftest_sleep(int argc, char** argv);

}  // namespace tern
