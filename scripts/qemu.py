#!/usr/bin/python3
"""Boots a Tern image in QEMU: `make run`, `make debug` and the tests use it.

The QEMU command comes from the Kconfig selection: the architecture picks
the emulator, CONFIG_QEMU_ARGS the machine and CONFIG_CPU the CPU model.
"""
import argparse
import os
import shlex
import subprocess
import sys

QEMU_BINARY = {
    "mips": "qemu-system-mipsel",
    "arm": "qemu-system-aarch64",
    "x86_64": "qemu-system-x86_64",
}
GDB_ARCH = {"mips": "mips:isa32r2", "arm": "aarch64", "x86_64": "i386:x86-64"}


def read_config(path):
    """Returns the CONFIG_ symbols of a .config as a dict (strings unquoted)."""
    config = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("CONFIG_") or "=" not in line:
                continue
            key, value = line.split("=", 1)
            if value.startswith('"') and value.endswith('"'):
                value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            config[key[len("CONFIG_"):]] = value
    return config


def image_path(config, build_dir):
    name = "tern.elf32" if config["ARCH"] == "x86_64" else "tern.elf"
    return os.path.join(build_dir, name)


def command(config, build_dir, append="", initrd=None, icount=False, gdb=False, extra=()):
    """The QEMU argv for booting the image of `config` built in `build_dir`."""
    arch = config["ARCH"]
    argv = [QEMU_BINARY[arch]] + shlex.split(config.get("QEMU_ARGS", ""))
    argv += ["-cpu", config["CPU"], "-kernel", image_path(config, build_dir)]
    argv += ["-nographic", "-no-user-config"]
    if arch == "x86_64":
        # The PC's serial port is the console; no VGA, no option ROMs to wait for.
        argv += ["-vga", "none", "-net", "none"]
    if append:
        argv += ["-append", append]
    if initrd:
        argv += ["-initrd", initrd]
    if icount:
        argv += ["-icount", "shift=0,sleep=off"]
    if gdb:
        argv += ["-s", "-S"]
    return argv + list(extra)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--config", default=".config")
    p.add_argument("--build", required=True)
    p.add_argument("--bootcmd", help="terminal commands to run at boot, ';'-separated")
    p.add_argument("--append", default="", help="more kernel command line")
    p.add_argument("--guests", help="guest .dts files to pack into the initrd")
    p.add_argument("--initrd")
    p.add_argument("--icount", action="store_true", help="-icount shift=0 (deterministic)")
    p.add_argument("--debug", action="store_true", help="gdb stub + gdb-multiarch")
    p.add_argument("--dry-run", action="store_true")
    args = p.parse_args()

    config = read_config(args.config)
    append = args.append
    if args.bootcmd:
        append = (append + " " if append else "") + 'tern.bootcmd="%s"' % args.bootcmd
    initrd = args.initrd
    if args.guests:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import pack_guests  # noqa: E402 (only needed with guests)
        initrd = os.path.join(args.build, "guests.cpio")
        pack_guests.pack(args.guests.split(), initrd)
    argv = command(config, args.build, append, initrd, args.icount, args.debug)
    if args.dry_run:
        print(shlex.join(argv))
        return 0
    if not args.debug:
        os.execvp(argv[0], argv)
    # gdb owns the terminal: the console goes to a log file instead.
    log = os.path.join(args.build, "debug-console.log")
    argv = [a for a in argv if a != "-nographic"]
    argv += ["-display", "none", "-monitor", "none", "-serial", "file:" + log]
    print("tern: console output goes to %s (tail -f it)" % log)
    qemu = subprocess.Popen(argv, stdin=subprocess.DEVNULL)
    gdb = ["gdb-multiarch", "-q", "-ex", "set architecture " + GDB_ARCH[config["ARCH"]],
           "-ex", "file " + os.path.join(args.build, "tern.elf"),
           "-ex", "target remote localhost:1234"]
    try:
        return subprocess.call(gdb)
    finally:
        qemu.terminate()


if __name__ == "__main__":
    sys.exit(main())
