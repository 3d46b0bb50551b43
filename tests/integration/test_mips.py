"""MIPS Malta specifics: the banner, CPU models, the firmware RAM size and
the full unexpected-exception report."""
import re
import subprocess

import pytest

from tern_qemu import boot, read_banner

GPR_NAMES = ["zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
             "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
             "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
             "t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra"]
CROSS = "mipsel-linux-gnu-"


def test_malta_banner(malta):
    with boot(malta) as console:
        banner = read_banner(console)
        console.expect_line(r"tern: boot complete")
    assert banner["board"].group(1) == "MIPS Malta"
    assert re.match(r"MIPS 24Kf r\d+\.\d+\.\d+ \(id 0x0001[0-9a-f]{4}\)$", banner["cpu"].group(1))
    assert banner["ram"].group(0).strip() == "ram:    256 MiB at 0x0"
    assert banner["clock"].group(1) == "160000000"  # /cpus timebase-frequency
    assert "note:" not in console.output()          # firmware agrees: 256 MiB


@pytest.mark.parametrize("cpu", ["24Kf", "34Kf", "74Kf"])
def test_malta_cpu_models(malta, cpu):
    """The same image identifies each supported core from its PRId."""
    with boot(malta, CPU=cpu, log_name="console-%s.log" % cpu) as console:
        line = console.expect_line(r"  cpu:    ([^\r\n]*)").group(1)
        console.expect_line(r"tern: boot complete")
    assert line.startswith("MIPS %s " % cpu)


def test_malta_firmware_ram_size_is_reported(malta):
    """QEMU's -m reaches the hypervisor in a3; the board tree still wins."""
    with boot(malta, QEMU_ARGS="-M malta -m 128", log_name="console-m128.log") as console:
        console.expect_line(r"  ram:    256 MiB at 0x0")
        console.expect_line(r"  note:   firmware reports 128 MiB")
        console.expect_line(r"tern: boot complete")


def image_symbols(image):
    out = subprocess.run([CROSS + "nm", str(image.path)], check=True, text=True,
                         stdout=subprocess.PIPE).stdout
    return {name: int(addr, 16) & 0xffffffff
            for addr, _, name in (line.split() for line in out.splitlines() if len(line.split()) == 3)}


def test_malta_unexpected_exception_report(malta):
    with boot(malta, append="tern.test=exception", log_name="console-exception.log") as console:
        console.expect_line(r"selftest: raising a deliberate unexpected exception")
        console.expect_line(r"\*\*\* unexpected exception Tr: trap \*\*\*")
        regs = console.expect_line(r"  epc      ([0-9a-f]{8})  badvaddr ([0-9a-f]{8})  "
                                   r"status   ([0-9a-f]{8})  cause    ([0-9a-f]{8})")
        console.expect_line(r"  exccode  13 \(Tr\)")
        gpr_lines = [console.expect_line(r"(?:  [a-z0-9]{1,4} +[0-9a-f]{8}){4}").group(0)
                     for _ in range(8)]
        console.expect_line(r"  hi   [0-9a-f]{8}  lo   [0-9a-f]{8}")
        console.expect_line(r"\*\*\* system halted")
        after = console.read_for(1.0)
        assert console.alive(), "a halt is not a reset or power-off:\n" + console.output()
    assert "boot complete" not in after

    epc, badvaddr, status, cause = (int(v, 16) for v in regs.groups())
    assert (cause >> 2) & 0x1f == 13, "Cause.ExcCode must be Tr"
    assert status & 0x10 == 0, "the trap was taken in kernel mode (Status.UM clear)"

    pairs = re.findall(r"([a-z0-9]+) +([0-9a-f]{8})", "\n".join(gpr_lines))
    assert [name for name, _ in pairs] == GPR_NAMES
    gpr = {name: int(value, 16) for name, value in pairs}
    assert gpr["zero"] == 0
    # k0/k1 are saved too (a guest kernel owns them): whatever the
    # hypervisor's code had there, which the dump must show, not zeros by fiat.

    # The trap happened in the hypervisor's code, on its stack, with $gp set.
    symbols = image_symbols(malta)
    start, end = symbols["__image_start"], symbols["__image_end"]
    assert start <= epc < end, "epc %08x outside the image %08x-%08x" % (epc, start, end)
    assert start <= gpr["sp"] < end
    assert gpr["gp"] == symbols["_gp"]
    where = subprocess.run([CROSS + "addr2line", "-f", "-e", str(malta.path), "%x" % epc],
                           check=True, text=True, stdout=subprocess.PIPE).stdout
    assert not where.startswith("??"), "epc %08x is not in any function" % epc


def test_malta_image_fits_in_128_kib(malta):
    """The foundation's budget: text + data of the MIPS image under 128 KiB."""
    out = subprocess.run([CROSS + "size", str(malta.path)], check=True, text=True,
                         stdout=subprocess.PIPE).stdout.splitlines()
    text, data = (int(x) for x in out[1].split()[:2])
    assert text + data < 128 * 1024, "text %d + data %d bytes" % (text, data)
