"""The terminal's guest commands on MIPS Malta, with the demo guest (`hello`)
that `make run` boots: guest list/start/stop/reset/regions/dumpmem, vcpu
list/dumpreg/stats, vserial list/bind, and their errors."""
import re

from tern_qemu import boot
from test_guests import guest_dts, pack_guests

PROMPT = "tern# "


def run(console, line, timeout=-1):
    console.child.send(line + "\r")
    console.expect_exact(PROMPT, timeout=timeout)
    out = console.child.before.replace("\r", "")
    return out.split("\n", 1)[1] if "\n" in out else ""


def boot_hello(malta, log_name, extra_guests=()):
    initrd = malta.build_dir / ("%s.cpio" % log_name)
    pack_guests.pack([str(guest_dts(malta, n)) for n in ("hello",) + tuple(extra_guests)],
                     str(initrd))
    return boot(malta, initrd=initrd, log_name=log_name + ".log")


def test_demo_guest_runs_and_is_listed(malta):
    with boot_hello(malta, "demo-list") as console:
        console.expect(r"\[hello\] hello from a Tern guest: PRId 00019300, 16 TLB entries")
        console.expect(r"\[hello\] tick 1 s", timeout=30)
        guests = run(console, "guest list")
        vcpus = run(console, "vcpu list")
        regions = run(console, "guest regions hello")
        ports = run(console, "vserial list")
        threads = run(console, "thread list")
    assert re.search(r"(?m)^1\s+hello\s+running\s+1\s+5120\s*$", guests), guests
    assert re.search(r"(?m)^hello/0\s+(ready|running|blocked)\s+2\b", vcpus), vcpus
    assert re.search(r"(?m)^ram@0\s+ram\s+0x00000000\s+0x00400000\s+0x[0-9a-f]{8}$", regions)
    assert re.search(r"(?m)^rom@1fc00000\s+rom\s+0x1fc00000\s+0x00100000", regions)
    assert re.search(r"(?m)^serial@1f000900\s+device\s+0x1f000900\s+0x00000040\s+ns16550a$",
                     regions)
    assert re.search(r"(?m)^hello/uart0\s+-\s+\d+\s+0$", ports), ports
    assert re.search(r"(?m)^\d+\s+hello/0\s+\w+\s+2\s+vcpu\b", threads), threads


def test_vcpu_dumpreg_and_stats(malta):
    with boot_hello(malta, "demo-regs") as console:
        console.expect(r"\[hello\] tick 1 s", timeout=30)
        regs = run(console, "vcpu dumpreg hello/0")
        stats = run(console, "vcpu stats hello/0")
    assert re.search(r"pc   [0-9a-f]{8}  hi   [0-9a-f]{8}  lo   [0-9a-f]{8}", regs)
    for name in ["zero", "at", "sp", "ra", "k0", "k1"]:
        assert re.search(r"\b%s +[0-9a-f]{8}" % name, regs), name
    assert re.search(r"PRId +00019300", regs)
    assert re.search(r"EBase +80000000", regs)
    assert re.search(r"Config +80000482", regs)
    assert re.search(r"Status +[0-9a-f]{8}", regs) and re.search(r"Count +[0-9a-f]{8}", regs)
    assert re.search(r"vcpu hello/0: \d+ exits, [1-9]\d* interrupts injected", stats), stats
    # mfc0, mtc0 and eret are served by C or by the assembly fast paths.
    for kind in ["mmio", "mfc0", "mtc0", "eret", "wait"]:
        assert re.search(r"(?m)^\s+%s(-fast)?\s+[1-9]\d*\s+avg" % kind, stats), kind


def test_dumpmem_reads_the_loaded_image(malta):
    elf = (malta.build_dir / "tests" / "guests" / "hello" / "hello.elf").read_bytes()
    # The ELF's first loadable bytes, at guest-physical 0x1fc00000.
    import struct
    phoff, = struct.unpack_from("<I", elf, 28)
    offset, = struct.unpack_from("<I", elf, phoff + 4)
    expected = " ".join("%02x" % b for b in elf[offset:offset + 16])
    with boot_hello(malta, "demo-dumpmem") as console:
        console.expect(r"\[hello\] type at")
        dump = run(console, "guest dumpmem hello 0x1fc00000 16")
        errors = [run(console, cmd) for cmd in [
            "guest dumpmem hello 0x1f000900 4",      # a device, not memory
            "guest dumpmem hello 0x003ffff0 32",     # past the end of RAM
            "guest dumpmem hello 0x0 0",
            "guest dumpmem hello zzz 4",
            "guest dumpmem nosuch 0 4",
        ]]
    assert re.search(r"(?m)^1fc00000: %s$" % expected, dump), dump
    assert "is not inside one RAM/ROM region" in errors[0]
    assert "is not inside one RAM/ROM region" in errors[1]
    assert "LEN 1-4096" in errors[2] and "LEN 1-4096" in errors[3]
    assert "error: no guest 'nosuch'" in errors[4]


def test_stop_start_reset(malta):
    with boot_hello(malta, "demo-lifecycle") as console:
        console.expect(r"\[hello\] hello from a Tern guest")
        assert "guest hello: stopped" in run(console, "guest stop hello")
        assert re.search(r"(?m)^1\s+hello\s+stopped", run(console, "guest list"))
        assert "is stopped: its vcpus do not exist" in run(console, "vcpu dumpreg hello/0")
        assert "guest hello: started" in run(console, "guest start hello")
        console.expect(r"\[hello\] hello from a Tern guest")
        assert "busy" in run(console, "guest start hello")  # already running
        assert "guest hello: reset" in run(console, "guest reset hello")
        console.expect(r"\[hello\] hello from a Tern guest")
        assert re.search(r"(?m)^1\s+hello\s+running", run(console, "guest list"))
        assert "error: expected GUEST/N" in run(console, "vcpu dumpreg hello")
        assert "has 1 vcpu(s)" in run(console, "vcpu dumpreg hello/3")


def test_vserial_bind_talks_to_the_guest(malta):
    with boot_hello(malta, "demo-vserial") as console:
        console.expect(r"\[hello\] type at")
        console.child.send("vserial bind hello/uart0\r")
        console.expect(r"vserial: console bound to hello/uart0; press Ctrl-] to return")
        console.child.send("tern")
        console.expect_exact("TERN")           # the guest's echo, in upper case
        console.child.send("\x1d")             # Ctrl-]
        console.expect(r"vserial: back to the terminal")
        console.expect_exact(PROMPT)
        ports = run(console, "vserial list")
        assert re.search(r"(?m)^hello/uart0\s+-\s+\d+\s+4$", ports), ports  # 4 bytes received
        assert "error: no port 'hello/uart9'" in run(console, "vserial bind hello/uart9")


BROKEN_GUEST = """/dts-v1/;
/ {
	compatible = "tern,guest";
	model = "broken";
	memory {
		#address-cells = <1>;
		#size-cells = <1>;
		ram@0 { device_type = "ram"; reg = <0x00000000 0x00100000>; };
	};
	devices {
		#address-cells = <1>;
		#size-cells = <1>;
		serial@1f000900 { compatible = "acme,uart"; reg = <0x1f000900 0x40>; };
	};
};
"""


def test_a_broken_guest_is_reported_and_the_others_run(malta, tmp_path):
    """A guest whose tree names an emulator that does not exist is not
    created; Tern says why, and the good guest beside it runs."""
    broken = tmp_path / "broken.dts"
    broken.write_text(BROKEN_GUEST)
    initrd = malta.build_dir / "demo-broken.cpio"
    pack_guests.pack([str(broken), str(guest_dts(malta, "hello"))], str(initrd))
    with boot(malta, initrd=initrd, log_name="demo-broken.log") as console:
        console.expect(r"guest broken: not loaded: devices/serial@1f000900: no emulator for "
                       r"\"acme,uart\"")
        console.expect(r"\[hello\] hello from a Tern guest")
        guests = run(console, "guest list")
    assert "broken" not in guests and re.search(r"(?m)^\d+\s+hello\s+running", guests)


def test_a_garbage_initrd_is_reported_and_boot_completes(malta, tmp_path):
    garbage = tmp_path / "garbage.cpio"
    garbage.write_bytes(bytes(range(256)) * 16)
    with boot(malta, initrd=garbage, log_name="demo-garbage.log") as console:
        console.expect(r"initrd: not a cpio newc archive \(bad magic\)")
        console.expect_line(r"tern: boot complete")
        console.expect_exact(PROMPT)
        assert run(console, "echo alive").strip() == "alive"
