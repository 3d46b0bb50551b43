"""The test guests (tests/guests, docs/guest-tests.md) run inside Tern.

Each test packs one or more guests of the malta_defconfig build into an
initrd (scripts/pack_guests.py), boots Tern with it and reads the guests'
console lines, which Tern prefixes with "[<name>] ". A guest prints one
"PASS: <check>" or "FAIL: <check> (...)" line per check and ends with
"DONE: <n> passed, <m> failed". The bad guests (wild, storm) check that
the hypervisor answers a misbehaving guest with an exception or a clear
report while the other guests keep running.
"""
import re
import struct
from contextlib import contextmanager

import pexpect
import pytest

import tern_qemu
import pack_guests  # scripts/, on sys.path through tern_qemu

# Kernel command line for guest runs; the guests in the initrd start on
# their own.
GUEST_APPEND = ""
# Seconds to wait for a guest's DONE line (every CP0 access and device
# access of a guest is a trap into Tern, under TCG).
GUEST_TIMEOUT = 180

# The guests that must pass every check when run alone. The timer guest
# measures interrupt latency in Count ticks: deterministic under -icount.
SOLO_GUESTS = {
    "cp0": {},
    "exceptions": {},
    "delayslot": {},
    "rdhwr": {},
    "timer": {"icount": True},
    "irq": {},
    "uart": {},
    "mmio": {},
    "kregs": {},
    "tlb": {},
    "usermode": {},
    "badinsn": {},
    "mfc0rt": {},
    "rawimage": {},
    "ptwalk": {},
    "asids": {},
    "tlbattr": {},
    # Timer-driven task switches: time slices of exact length under -icount.
    "preempt": {"icount": True},
    "fastpath": {},
}
ALL_GUESTS = list(SOLO_GUESTS) + ["ping", "pong", "wild", "storm"]

# A guest line may follow the terminal's prompt on the same console line
# ("tern# [cp0] PASS: ..."): Tern prints the prompt, then guest output.
PROMPT = "tern# "
LINE_START = r"^(?:%s)*" % re.escape(PROMPT)
DONE_RE = r"\[%s\] DONE: (\d+) passed, (\d+) failed"


def guest_dts(image, name):
    return image.build_dir / "tests" / "guests" / name / ("%s.dts" % name)


def strip_prompt(line):
    while line.startswith(PROMPT):
        line = line[len(PROMPT):]
    return line


def guest_lines(output, name):
    """The console lines guest `name` printed, without the prefix."""
    prefix = "[%s] " % name
    lines = (strip_prompt(line.rstrip("\r")) for line in output.splitlines())
    return [line[len(prefix):] for line in lines if line.startswith(prefix)]


def report_body(name):
    """A console line in which Tern (not the guest itself) reports stopping
    guest `name`. The wording is Tern's; any line that names the guest and
    says it was stopped, halted, killed, terminated or aborted will do."""
    return (r"%s(?!\[%s\] )[^\r\n]*\b%s\b[^\r\n]*\b(?:stop|halt|kill|terminat|abort)\w*"
            r"[^\r\n]*" % (LINE_START, re.escape(name), re.escape(name)))


def wait_done_or_stopped(console, name, timeout=GUEST_TIMEOUT):
    """Waits until guest `name` printed DONE or Tern reported stopping it.
    Returns ("done", None) or ("stopped", the report line)."""
    done = r"%s%s\r*\n" % (LINE_START, DONE_RE % re.escape(name))
    already = console.output()
    if re.search("(?m)" + done, already):
        return "done", None
    found = re.search("(?im)" + report_body(name), already)
    if found:
        return "stopped", found.group(0)
    pattern = r"(?im)(?P<done>%s)|(?P<report>%s)" % (done, report_body(name))
    match = console.expect(pattern, timeout=timeout)
    if match.group("done"):
        return "done", None
    return "stopped", match.group("report")


@contextmanager
def run_guests(image, names, icount=False, log_name=None):
    """Boots `image` with guests `names` packed into an initrd; yields the Console."""
    tag = "-".join(names)
    initrd = image.build_dir / ("guests-%s.cpio" % tag)
    pack_guests.pack([str(guest_dts(image, n)) for n in names], str(initrd))
    with tern_qemu.boot(image, append=GUEST_APPEND, log_name=log_name or "guests-%s.log" % tag,
                        initrd=initrd, icount=icount, timeout=GUEST_TIMEOUT) as console:
        yield console
        shutdown(console)


def shutdown(console):
    """Types `shutdown` at the terminal; QEMU is killed afterwards anyway."""
    if not console.alive():
        return
    try:
        console.child.sendline("shutdown")
        console.child.expect(pexpect.EOF, timeout=10)
    except (pexpect.TIMEOUT, OSError):
        pass


def wait_done(console, name, timeout=GUEST_TIMEOUT):
    """The counts of guest `name`'s DONE line, (passed, failed), waiting for
    it unless the console already printed it."""
    done = r"(?m)%s%s\r*\n" % (LINE_START, DONE_RE % re.escape(name))
    match = re.search(done, console.output())
    if match is None:
        match = console.expect(done, timeout=timeout)
    return int(match.group(1)), int(match.group(2))


def assert_all_passed(console, name):
    outcome, report = wait_done_or_stopped(console, name)
    lines = guest_lines(console.output(), name)
    if outcome == "stopped":
        pytest.fail("guest %s was stopped by Tern: %s\nits last lines:\n%s"
                    % (name, report, "\n".join(lines[-10:])), pytrace=False)
    passed, failed = wait_done(console, name)
    lines = guest_lines(console.output(), name)
    failures = [line for line in lines if line.startswith("FAIL:")]
    assert failed == 0 and not failures, (
        "guest %s: %d passed, %d failed:\n%s" % (name, passed, failed, "\n".join(failures)))
    checks = sum(1 for line in lines if line.startswith("PASS:"))
    assert passed > 0 and checks == passed, (
        "guest %s: DONE says %d passed but %d PASS lines were seen" % (name, passed, checks))


def assert_hypervisor_alive(console):
    """The terminal still answers: the hypervisor survived."""
    console.child.sendline("echo tern-still-alive")
    console.expect_line(r"tern-still-alive", timeout=30)


# --- the guests are built -------------------------------------------------

def elf_load_segments(path):
    """(entry, [(vaddr, memsz)]) of PT_LOAD segments in a 32-bit LE MIPS ELF."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 1 and data[5] == 1, "%s: not ELF32 LE" % path
    (machine,) = struct.unpack_from("<H", data, 18)
    assert machine == 8, "%s: not a MIPS ELF" % path
    entry, phoff = struct.unpack_from("<II", data, 24)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    segments = []
    for i in range(phnum):
        p_type, _, vaddr, _, _, memsz = struct.unpack_from("<6I", data, phoff + i * phentsize)
        if p_type == 1:
            segments.append((vaddr, memsz))
    return entry, segments


@pytest.mark.parametrize("name", ALL_GUESTS)
def test_guest_is_built(malta, name):
    """Each guest ELF is built at the moved reset vector, its .dts beside it."""
    dts = guest_dts(malta, name)
    elf = dts.with_suffix(".elf")
    assert dts.is_file(), "%s is missing (tests/guests/%s/meson.build)" % (dts, name)
    assert elf.is_file(), "%s is missing" % elf
    entry, segments = elf_load_segments(elf)
    assert entry == 0x3FC00000
    assert segments, "%s has no PT_LOAD segment" % elf
    for vaddr, memsz in segments:
        assert 0x3FC00000 <= vaddr and vaddr + memsz <= 0x3FD00000, (
            "%s: segment 0x%08x+0x%x is outside the guest ROM" % (elf, vaddr, memsz))
    assert pack_guests.Guest(str(dts)).name == name


# --- one guest at a time --------------------------------------------------

@pytest.mark.parametrize("name", list(SOLO_GUESTS))
def test_guest_passes(malta, name):
    with run_guests(malta, [name], icount=SOLO_GUESTS[name].get("icount", False)) as console:
        assert_all_passed(console, name)


# --- several guests -------------------------------------------------------

def test_two_guests_side_by_side(malta):
    """ping and pong run at the same time, neither disturbs the other."""
    with run_guests(malta, ["ping", "pong"]) as console:
        assert_all_passed(console, "ping")
        assert_all_passed(console, "pong")
        output = console.output()
        lines = [strip_prompt(line) for line in output.splitlines()]
        ping = [i for i, line in enumerate(lines) if line.startswith("[ping] ")]
        pong = [i for i, line in enumerate(lines) if line.startswith("[pong] ")]
        assert pong[0] < ping[-1] and ping[0] < pong[-1], (
            "ping and pong did not run side by side (one finished before the other started)")


def test_wild_guest(malta):
    """wild reaches outside its address space: it gets exceptions, or Tern
    stops it with a report; pong, beside it, finishes either way."""
    with run_guests(malta, ["wild", "pong"]) as console:
        assert_all_passed(console, "pong")
        outcome, report = wait_done_or_stopped(console, "wild")
        if outcome == "done":
            assert_all_passed(console, "wild")
        else:
            lines = guest_lines(console.output(), "wild")
            assert not any(line.startswith("FAIL:") for line in lines), (
                "wild (stopped by Tern: %s) failed checks first:\n%s" % (report, "\n".join(lines)))
        assert_hypervisor_alive(console)


def test_storm_guest(malta):
    """storm's exception handler re-faults forever: Tern stops it with a
    clear report and pong keeps running to its end."""
    with run_guests(malta, ["storm", "pong"]) as console:
        assert_all_passed(console, "pong")
        outcome, report = wait_done_or_stopped(console, "storm")
        lines = guest_lines(console.output(), "storm")
        assert outcome == "stopped", "storm's exception storm ended:\n%s" % "\n".join(lines)
        assert not any(line.startswith("FAIL:") for line in lines), "\n".join(lines)
        assert_hypervisor_alive(console)
