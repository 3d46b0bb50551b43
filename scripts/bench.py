#!/usr/bin/python3
"""`make bench`: runs every benchmark under `qemu -icount shift=0,sleep=off`,
natively on QEMU's Malta and as a Tern guest, and prints one line per
figure: `bench: <name> <value> <unit>` (docs/performance.md).

Under -icount shift=0 QEMU executes exactly one instruction per virtual
nanosecond, so Count ticks measured inside a run convert to instructions
(6.25 per tick at the Malta's 160 MHz Count) and every figure repeats
exactly from run to run.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import pack_guests  # noqa: E402
import qemu  # noqa: E402

BUILD = ROOT / "build" / "bench"
BENCH = BUILD / "tests" / "bench"
COUNT_HZ = 160_000_000              # the Malta board tree's timebase-frequency
INSTR_PER_TICK = 1e9 / COUNT_HZ     # one instruction per ns under icount
TIMEOUT = 300


def build():
    env = dict(os.environ, KCONFIG_CONFIG=str(BUILD / ".config"))
    argv = ["make", "--no-print-directory", "KCONFIG_CONFIG=%s" % (BUILD / ".config"),
            "O=%s" % BUILD, "malta_defconfig", "image"]
    proc = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        sys.exit("bench: building the Malta image failed:\n" + proc.stdout[-3000:])
    return qemu.read_config(str(BUILD / ".config"))


def results(text, prefix=""):
    # Not anchored: a guest line may follow the terminal's prompt directly.
    pattern = re.compile(r"%sbench-result: (\S+) (\d+)\s*$" % re.escape(prefix), re.M)
    return {key: int(value) for key, value in pattern.findall(text.replace("\r", ""))}


def run_native(name):
    """The benchmark alone on QEMU's Malta: -bios at the reset vector; its
    UART is the Malta's CBUS 16550, QEMU's third serial port."""
    argv = ["qemu-system-mipsel", "-M", "malta", "-cpu", "24Kf", "-m", "256",
            "-bios", str(BENCH / ("%s-native.bin" % name)), "-icount", "shift=0,sleep=off",
            "-display", "none", "-monitor", "none", "-serial", "null", "-serial", "null",
            "-serial", "stdio", "-no-user-config"]
    child = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=TIMEOUT)
    try:
        child.expect(r"DONE: \d+ passed, \d+ failed")
        return results(child.before)
    finally:
        child.terminate(force=True)


def run_guest(config, name, extra=()):
    """The benchmark as the only guest of Tern; also returns `vcpu stats`.
    `extra`: more QEMU arguments."""
    archive = BUILD / ("bench-%s.cpio" % name)
    pack_guests.pack([str(BENCH / ("%s.dts" % name))], str(archive))
    argv = qemu.command(config, str(BUILD), initrd=str(archive), icount=True, extra=extra)
    child = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=TIMEOUT)
    try:
        child.expect(r"\[%s\] DONE: \d+ passed, \d+ failed" % name)
        out = child.before
        child.send("vcpu stats %s/0\r" % name)
        child.expect(r"exits, .*tern# ")
        stats = child.after
        child.send("shutdown\r")
        return results(out, "[%s] " % name), stats
    finally:
        child.terminate(force=True)


def exit_ticks(stats, kind):
    m = re.search(r"^\s+%s\s+(\d+)\s+avg ([0-9.]+) ticks" % re.escape(kind), stats, re.M)
    return float(m.group(2)) if m else None


def report(name, value, unit):
    print("bench: %s %s %s" % (name, value, unit), flush=True)


# One host exception in QEMU's `-d int` log (target/mips: mips_cpu_do_interrupt).
HOST_EXCEPTION = re.compile(r"^mips_cpu_do_interrupt enter: PC \S+ EPC \S+ (.+) exception$")


def marker_windows(log):
    """Host exceptions by kind (QEMU's names: "TLB load", "coprocessor
    unusable", ...) between each pair of guest syscalls in a `-d int` log:
    the tlb benchmark brackets each timed phase with two syscalls."""
    windows, current = [], None
    with open(log, errors="replace") as f:
        for line in f:
            m = HOST_EXCEPTION.match(line.rstrip("\n"))
            if not m:
                continue
            kind = m.group(1)
            if kind == "syscall":
                if current is None:
                    current = {}
                else:
                    windows.append(current)
                    current = None
            elif current is not None:
                current[kind] = current.get(kind, 0) + 1
    return windows


def bench_tlb(config):
    """TLB refill costs (tests/bench/tlb.cpp). Every phase's extra time is
    measured against the `base` phase (the same loads, all hitting):
    - tlb_guest_native_ratio: the refill-heavy phase's time as a guest over
      its time natively;
    - tlb_refill_roundtrip_host_instr: its extra time per guest TLB refill
      (counted by the guest's handler), in host instructions: host refill,
      delivery, the handler's emulated mfc0/mtc0/tlbwr/eret, the restarted
      access and its shadow fill; _global_: the same with global PTEs;
    - tlb_shadow_fill_host_instr: the extra time of the phase whose loads
      all hit the guest TLB, per host TLB refill taken in it (QEMU's
      `-d int` log, between the phase's marker syscalls): Tern's refill
      fast path from its soft TLB; _slow_: the phase where the soft TLB
      never has the pair, so every fill is Tern's C slow path;
    - the C part of exits from `vcpu stats` (Tern's own Count ticks)."""
    native = run_native("tlb")
    log = BUILD / "bench-tlb-int.log"
    if log.exists():
        log.unlink()
    guest, stats = run_guest(config, "tlb", extra=["-d", "int", "-D", str(log)])
    phases = ["base", "refill", "global", "shadow", "slow"]
    for phase in phases:
        if native["tlb_%s_sum" % phase] != guest["tlb_%s_sum" % phase]:
            sys.exit("bench: the tlb %s phase read different data natively and as a guest" % phase)

    def extra_instr(r, phase):
        """Instructions the phase took beyond the same loads hitting."""
        per_access = r["tlb_base_counts"] / r["tlb_base_accesses"]
        return (r["tlb_%s_counts" % phase] - per_access * r["tlb_%s_accesses" % phase]) * INSTR_PER_TICK

    report("tlb_refill_native_counts", native["tlb_refill_counts"], "ticks")
    report("tlb_refill_guest_counts", guest["tlb_refill_counts"], "ticks")
    report("tlb_guest_native_ratio", "%.1f" % (guest["tlb_refill_counts"] / native["tlb_refill_counts"]),
           "ratio")
    report("tlb_refill_native_instr", round(extra_instr(native, "refill") / native["tlb_refill_refills"]),
           "instr")
    report("tlb_refill_roundtrip_host_instr",
           round(extra_instr(guest, "refill") / guest["tlb_refill_refills"]), "instr")
    report("tlb_refill_roundtrip_global_host_instr",
           round(extra_instr(guest, "global") / guest["tlb_global_refills"]), "instr")

    windows = marker_windows(log) if log.exists() else []
    if len(windows) == len(phases):
        # The exceptions of the markers' own handling and the timing
        # reads, as seen in the base phase (nothing else happens there).
        overhead = windows[0]

        def taken(phase, kinds):
            w = windows[phases.index(phase)]
            return sum(w.get(k, 0) - overhead.get(k, 0) for k in kinds)

        tlb_kinds = ("TLB load", "TLB store")
        refills = guest["tlb_refill_refills"]
        report("tlb_refill_host_tlb_exceptions", "%.2f" % (taken("refill", tlb_kinds) / refills),
               "per_refill")
        report("tlb_refill_host_emulations", "%.2f" % (taken("refill", ("coprocessor unusable",)) / refills),
               "per_refill")
        report("tlb_shadow_fill_host_instr",
               round(extra_instr(guest, "shadow") / taken("shadow", tlb_kinds)), "instr")
        report("tlb_shadow_fill_slow_host_instr",
               round(extra_instr(guest, "slow") / taken("slow", tlb_kinds)), "instr")
        log.unlink()
    else:
        print("bench: tlb: no usable `-d int` log (%d marker windows): per access instead of "
              "per host refill" % len(windows), flush=True)
        report("tlb_shadow_fill_host_instr",
               round(extra_instr(guest, "shadow") / guest["tlb_shadow_accesses"]), "instr")
        report("tlb_shadow_fill_slow_host_instr",
               round(extra_instr(guest, "slow") / guest["tlb_slow_accesses"]), "instr")
    for kind in ("shadow-fill", "guest-tlb", "tlb-op", "mtc0", "eret"):
        ticks = exit_ticks(stats, kind)
        if ticks is not None:
            report("tlb_exit_%s_c_path_instr" % kind.replace("-", "_"), round(ticks * INSTR_PER_TICK),
                   "instr")


def main():
    config = build()

    native = run_native("cpu")
    guest, _ = run_guest(config, "cpu")
    if native["cpu_hash"] != guest["cpu_hash"]:
        sys.exit("bench: the cpu workload computed different results natively and as a guest")
    report("cpu_native_counts", native["cpu_counts"], "ticks")
    report("cpu_guest_counts", guest["cpu_counts"], "ticks")
    report("cpu_guest_native_ratio", "%.4f" % (guest["cpu_counts"] / native["cpu_counts"]), "ratio")

    native = run_native("mfc0")
    guest, stats = run_guest(config, "mfc0")
    n = guest["mfc0_iterations"]
    # The mfc0 loop minus the nop loop is one round trip minus the nop.
    per_mfc0 = (guest["mfc0_counts"] - guest["nop_counts"]) * INSTR_PER_TICK / n + 1
    per_native = (native["mfc0_counts"] - native["nop_counts"]) * INSTR_PER_TICK / n + 1
    report("mfc0_native_instr", round(per_native), "instr")
    report("mfc0_host_instr", round(per_mfc0), "instr")
    c_path = exit_ticks(stats, "mfc0")
    if c_path is not None:
        report("mfc0_exit_c_path_instr", round(c_path * INSTR_PER_TICK), "instr")

    native = run_native("timer")
    guest, stats = run_guest(config, "timer")

    def per_irq(r):
        return (r["timer_busy_counts"] - r["timer_quiet_counts"]) * INSTR_PER_TICK / r["timer_interrupts"]

    report("timer_irq_native_instr", round(per_irq(native)), "instr")
    report("timer_irq_guest_instr", round(per_irq(guest)), "instr")
    report("timer_irq_host_instr", round(per_irq(guest) - per_irq(native)), "instr")

    bench_tlb(config)


if __name__ == "__main__":
    main()
