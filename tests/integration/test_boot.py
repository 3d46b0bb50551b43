"""Every architecture's defconfig builds and boots to the banner in QEMU."""
import re
from pathlib import Path

from tern_qemu import ROOT, boot, read_banner


def test_defconfig_selects_its_architecture(image):
    defconfig = next(ROOT.glob("arch/*/configs/" + image.name))
    assert image.arch == Path(defconfig).parts[-3]
    assert image.config["BOARD"] and image.config["CPU"]


def test_boots_to_banner(image):
    with boot(image) as console:
        banner = read_banner(console)
        console.expect_line(r"tern: boot complete")
    cfg = image.config
    assert banner["header"].group(2) == cfg["ARCH"]
    assert banner["board"].group(1).strip()
    assert banner["cpu"].group(1).strip()
    assert int(banner["ram"].group(1)) > 0
    assert int(banner["clock"].group(1)) > 0
    arch, board, cpu, timeslice, heap, emulators = banner["config"].groups()
    assert (arch, board, cpu) == (cfg["ARCH"], cfg["BOARD"], cfg["CPU"])
    assert int(timeslice) == int(cfg["SCHED_TIMESLICE_MS"])
    assert int(heap) == int(cfg["HEAP_SIZE_KB"])
    assert emulators == ("ns16550" if cfg.get("EMU_NS16550") == "y" else "none")


def test_boot_is_quiet_after_completion(image):
    """After "boot complete" the hypervisor idles: no panic, no exception report."""
    with boot(image) as console:
        console.expect_line(r"tern: boot complete")
        later = console.read_for(1.5)
        assert console.alive(), "QEMU exited after boot:\n" + console.output()
    for bad in ("PANIC", "unexpected exception", "system halted"):
        assert bad not in later, console.output()


def test_command_line_reaches_the_core(image):
    """QEMU's -append arrives as the kernel command line on every arch."""
    append = 'tern.test=bogus label="two words" quiet'
    with boot(image, append=append, log_name="console-cmdline.log") as console:
        console.expect_line(re.escape("  cmdline: " + append))
        console.expect_line(re.escape("selftest: unknown tern.test=bogus (known: exception)"))
        console.expect_line(r"tern: boot complete")


def test_unexpected_exception_halts(image):
    """tern.test=exception: a report, then a halted (not reset) machine."""
    with boot(image, append="tern.test=exception", log_name="console-exception.log") as console:
        console.expect_line(r"selftest: raising a deliberate unexpected exception")
        console.expect_line(r"\*\*\* unexpected exception [^\r\n]+ \*\*\*")
        console.expect_line(r"\*\*\* system halted")
        after = console.read_for(1.0)
        assert console.alive(), "a halt is not a reset or power-off:\n" + console.output()
    assert "boot complete" not in after
