"""Helpers for the QEMU integration tests: building images with the
top-level Makefile and booting them under pexpect.

Images are built exactly as a user would build them:
`make KCONFIG_CONFIG=<dir>/.config O=<dir> <defconfig> image`. QEMU's command
line comes from scripts/qemu.py's command(), the one `make run` uses.
"""
import contextlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import qemu  # noqa: E402  scripts/qemu.py

PYTHON = "/usr/bin/python3"   # Debian's, with kconfiglib
TEST_BUILD = ROOT / "build" / "test"
BUILD_TIMEOUT = 900           # seconds for one make (a cold build takes well under a minute)
BOOT_TIMEOUT = 30             # seconds to wait for any one expected console line


@dataclass
class Image:
    """A built image: its defconfig, build directory and .config symbols."""
    name: str
    build_dir: Path
    config: dict = field(default_factory=dict)

    @property
    def config_path(self):
        return self.build_dir / ".config"

    @property
    def arch(self):
        return self.config["ARCH"]

    @property
    def path(self):
        return Path(qemu.image_path(self.config, str(self.build_dir)))


def kconfig_env(build_dir):
    return dict(os.environ, KCONFIG_CONFIG=str(Path(build_dir) / ".config"))


def make(build_dir, *targets, timeout=BUILD_TIMEOUT, log_name="build.log"):
    """Runs make for the configuration in build_dir; returns (exit code, output).

    The output is also written to build_dir/<log_name>.
    """
    build_dir = Path(build_dir)
    build_dir.mkdir(parents=True, exist_ok=True)
    argv = ["make", "--no-print-directory", "KCONFIG_CONFIG=%s" % (build_dir / ".config"),
            "O=%s" % build_dir] + list(targets)
    try:
        proc = subprocess.run(argv, cwd=ROOT, env=kconfig_env(build_dir), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
        rc, out = proc.returncode, proc.stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        rc, out = -1, out + "\n[make timed out after %d s]" % timeout
    (build_dir / log_name).write_text("$ %s\n%s" % (" ".join(argv), out))
    return rc, out


def setconfig(build_dir, **symbols):
    """Sets Kconfig symbols in build_dir/.config with Kconfiglib's setconfig."""
    assignments = ["%s=%s" % item for item in symbols.items()]
    proc = subprocess.run([PYTHON, "-m", "setconfig", "--kconfig", "Kconfig"] + assignments,
                          cwd=ROOT, env=kconfig_env(build_dir), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, "setconfig %s failed:\n%s" % (assignments, proc.stdout)


def load_image(name, build_dir):
    image = Image(name, Path(build_dir))
    image.config = qemu.read_config(str(image.config_path))
    return image


def failure_excerpt(output, max_lines=25):
    """The telling lines of a failed build: errors first, then the tail."""
    lines = output.splitlines()
    errors = [line for line in lines
              if re.search(r"\berror\b|undefined reference|^FAILED:|^ERROR:", line)]
    picked = errors[:max_lines] + ["..."] + lines[-5:]
    return "\n".join(line if len(line) <= 300 else line[:300] + " [...]" for line in picked)


def build_image(name, build_dir, *targets):
    """make <targets> image in build_dir; returns (Image or None, error message)."""
    rc, out = make(build_dir, *targets, "image")
    if rc != 0:
        return None, ("building %s failed (make exit %d, full log in %s/build.log):\n%s"
                      % (name, rc, build_dir, failure_excerpt(out)))
    image = load_image(name, build_dir)
    if not image.path.is_file():
        return None, "make %s image succeeded but %s is missing" % (name, image.path)
    return image, None


class ImageCache:
    """Builds each defconfig at most once per session and remembers failures,
    so a broken build fails each test that needs it without rebuilding."""

    def __init__(self):
        self._results = {}

    def get(self, defconfig):
        if defconfig not in self._results:
            self._results[defconfig] = build_image(defconfig, TEST_BUILD / defconfig, defconfig)
        image, error = self._results[defconfig]
        if image is None:
            pytest.fail(error, pytrace=False)
        return image


class Console:
    """A running QEMU whose serial console the test reads."""

    def __init__(self, child, log_path):
        self.child = child
        self.log_path = log_path

    def output(self):
        """Everything the console printed so far (also after QEMU was killed)."""
        log = self.child.logfile_read
        if log is not None and not log.closed:
            log.flush()
        text = Path(self.log_path).read_text(errors="replace")
        return text.replace("\r\r\n", "\n").replace("\r\n", "\n")

    def _expect(self, method, pattern, timeout):
        try:
            getattr(self.child, method)(pattern, timeout=timeout)
        except pexpect.TIMEOUT:
            raise AssertionError("timed out waiting for %r; console so far:\n%s"
                                 % (pattern, self.output())) from None
        except pexpect.EOF:
            raise AssertionError("QEMU exited while waiting for %r; console:\n%s"
                                 % (pattern, self.output())) from None
        return self.child.match

    def expect(self, regex, timeout=-1):
        """Waits for a regular expression; returns the match."""
        return self._expect("expect", regex, timeout)

    def expect_exact(self, text, timeout=-1):
        """Waits for a literal string."""
        self._expect("expect_exact", text, timeout)

    def expect_line(self, regex, timeout=-1):
        """Waits for a complete console line matching regex (use [^\\r\\n]
        rather than '.': pexpect matches with re.DOTALL); returns the match."""
        return self.expect(r"(?m)^" + regex + r"\r*\n", timeout)

    def read_for(self, seconds):
        """What the console prints in the next `seconds` (often nothing)."""
        try:
            self.child.expect(pexpect.EOF, timeout=seconds)
        except pexpect.TIMEOUT:
            pass
        return self.child.before or ""

    def alive(self):
        return self.child.isalive()


_running = []


@contextlib.contextmanager
def boot(image, append="", timeout=BOOT_TIMEOUT, log_name="console.log", initrd=None,
         icount=False, extra=(), **overrides):
    """Boots `image` in QEMU; yields a Console; always kills QEMU afterwards.

    `append` is the kernel command line, `initrd` a file for QEMU's -initrd
    (e.g. a guest archive), `icount` runs QEMU with -icount shift=0, `extra`
    adds QEMU arguments. `overrides` replace .config symbols for the QEMU
    command line only, e.g. CPU="34Kf" runs the same image on another CPU.
    """
    config = dict(image.config, **overrides)
    argv = qemu.command(config, str(image.build_dir), append=append,
                        initrd=str(initrd) if initrd else None, icount=icount, extra=list(extra))
    log_path = image.build_dir / log_name
    log = open(log_path, "w", encoding="utf-8", errors="replace")
    log.write("$ %s\n" % " ".join(argv))
    log.flush()
    child = pexpect.spawn(argv[0], argv[1:], cwd=str(ROOT), encoding="utf-8",
                          codec_errors="replace", timeout=timeout, echo=False)
    child.logfile_read = log
    _running.append(child)
    try:
        yield Console(child, log_path)
    finally:
        kill(child)
        log.close()


def kill(child):
    if child in _running:
        _running.remove(child)
    child.terminate(force=True)
    child.close(force=True)


def kill_all():
    for child in list(_running):
        kill(child)


# The banner kernel_main prints, line by line (core/kernel.cpp).
BANNER_LINES = {
    "header": r"Tern (\S+) hypervisor \((\S+)\)",
    "board": r"  board:  (\S[^\r\n]*)",
    "cpu": r"  cpu:    (\S[^\r\n]*)",
    "ram": r"  ram:    (\d+) MiB at 0x([0-9a-f]+)",
    "clock": r"  clock:  (\d+) Hz",
    "config": r"  config: arch=(\S+) board=(\S+) cpu=(\S+) timeslice=(\d+)ms heap=(\d+)KiB "
              r"emulators=(\S+)",
}


def read_banner(console):
    """Reads the boot banner in order; returns {line name: match}."""
    return {name: console.expect_line(regex) for name, regex in BANNER_LINES.items()}
