#!/usr/bin/python3
"""`make test`: host unit tests, then integration tests in QEMU.

1. scripts/setup.sh (idempotent: returns at once when everything is there);
2. the unit tests: build/host/.config from malta_defconfig, its generated
   header, a native (non-cross) Meson build in build/host, and the Catch2
   binary it produces;
3. the integration tests: pytest over tests/integration, which builds one
   image per defconfig in build/test/ and boots each in QEMU.

Exits non-zero when any step fails. The last line printed is pytest's
summary. `--unit` or `--integration` runs one level only; arguments after
`--` go to pytest (e.g. `-- -k exception`).
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = "/usr/bin/python3"  # Debian's: the one with kconfiglib, pytest, pexpect
HOST_BUILD = ROOT / "build" / "host"
HOST_DEFCONFIG = ROOT / "arch" / "mips" / "configs" / "malta_defconfig"


def run(argv, env=None, cwd=None, **kwargs):
    """Runs argv (from the repository root unless told), echoing it; returns
    the exit code."""
    print("+ " + " ".join(str(a) for a in argv), flush=True)
    return subprocess.call([str(a) for a in argv], cwd=cwd or ROOT, env=env, **kwargs)


def setup():
    return run(["sh", "scripts/setup.sh"])


def unit_tests():
    """Configures, builds and runs the host unit tests; returns an exit code."""
    config = HOST_BUILD / ".config"
    header = HOST_BUILD / "generated" / "tern_config.h"
    header.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, KCONFIG_CONFIG=str(config))
    # defconfig and genconfig leave unchanged files alone, so a second run
    # rebuilds nothing.
    steps = [
        [PYTHON, "-m", "defconfig", "--kconfig", "Kconfig", HOST_DEFCONFIG],
        [PYTHON, "-m", "genconfig", "--header-path", header, "Kconfig"],
    ]
    for argv in steps:
        if run(argv, env=env, stdout=subprocess.DEVNULL) != 0:
            return 1
    if not (HOST_BUILD / "build.ninja").exists():
        if run(["meson", "setup", HOST_BUILD, "-Dkconfig=" + str(config)]) != 0:
            return 1
    if run(["ninja", "-C", HOST_BUILD]) != 0:
        return 1
    # Every test() of the host build, in turn, with its own output (meson
    # test would hide Catch2's summaries in its log).
    tests = json.loads(subprocess.check_output(
        ["meson", "introspect", "--tests", str(HOST_BUILD)], cwd=ROOT))
    if not tests:
        print("test.py: the host build defines no unit tests", file=sys.stderr)
        return 1
    rc = 0
    for t in tests:
        if run(t["cmd"], cwd=t.get("workdir") or None, env=dict(os.environ, **t.get("env", {}))) != 0:
            print("test.py: unit test %s FAILED" % t["name"], flush=True)
            rc = 1
    return rc


def integration_tests(pytest_args):
    argv = [PYTHON, "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/integration"]
    rc = run(argv + pytest_args)
    if rc == 5:  # pytest: no test was collected
        print("test.py: pytest collected no tests", file=sys.stderr)
    return rc


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    level = p.add_mutually_exclusive_group()
    level.add_argument("--unit", action="store_true", help="host unit tests only")
    level.add_argument("--integration", action="store_true", help="QEMU tests only")
    p.add_argument("--no-setup", action="store_true", help="skip scripts/setup.sh")
    p.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = p.parse_args()

    if not args.no_setup and setup() != 0:
        print("test.py: scripts/setup.sh failed", file=sys.stderr)
        return 1
    failed = []
    if not args.integration:
        if unit_tests() != 0:
            failed.append("unit")
    if not args.unit:
        if failed:
            print("test.py: unit tests FAILED; running the integration tests anyway",
                  flush=True)
        if integration_tests(args.pytest_args) != 0:
            failed.append("integration")
    elif not failed:
        print("test.py: unit tests passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
