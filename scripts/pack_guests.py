#!/usr/bin/python3
"""Packs guest descriptions into the cpio archive Tern reads from its initrd.

    pack_guests.py -o guests.cpio a.dts b.dts ...

For each guest .dts: compiles it with dtc, reads the guest's name (the root
`model`) and every `image` property (in RAM or ROM region nodes; a path
relative to the .dts), and writes the archive entries

    <name>/guest.dtb              the compiled description
    <name>/<basename of image>    each image file, byte for byte

In guest.dtb every `image` property is rewritten to that basename, so the
hypervisor finds each image beside the description. The archive is cpio
"newc" (the format of Linux initramfs): 110-byte "070701" ASCII headers,
NUL-terminated names, data padded to 4 bytes, a "TRAILER!!!" entry at the
end. Timestamps and owners are zero, so the same inputs give the same bytes.

`make run GUESTS="..."` calls pack() through scripts/qemu.py. Errors raise
PackError (a SystemExit: a clear one-line message naming the file, exit
status 1, and no traceback when nothing catches it). docs/guest-tests.md
describes the guest bindings.
"""
import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

NAME_RE = re.compile(r"^[a-z0-9_-]{1,15}$")
COMPATIBLE = "tern,guest"

FDT_MAGIC = 0xD00DFEED
FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_NOP, FDT_END = 1, 2, 3, 4, 9


class PackError(SystemExit):
    """A packing failure; str() is the message (naming the file at fault)."""

    def __init__(self, message):
        super().__init__("pack_guests: error: " + message)
        self.message = message

    def __str__(self):
        return self.message


def parse_dtb(blob, origin):
    """Returns {node path: {property name: raw bytes}} of a flattened device tree."""
    if len(blob) < 40:
        raise PackError("%s: dtc output is not a device tree blob" % origin)
    magic, total, off_struct, off_strings, _, version, _, _, size_strings, size_struct = \
        struct.unpack(">10I", blob[:40])
    if magic != FDT_MAGIC or total > len(blob) or version < 17:
        raise PackError("%s: dtc output is not a version 17 device tree blob" % origin)
    strings = blob[off_strings:off_strings + size_strings]
    nodes = {}
    path = []
    pos, end = off_struct, off_struct + size_struct
    while pos < end:
        (token,) = struct.unpack_from(">I", blob, pos)
        pos += 4
        if token == FDT_BEGIN_NODE:
            name_end = blob.index(b"\0", pos)
            path.append(blob[pos:name_end].decode())
            pos = (name_end + 4) & ~3
            nodes["/" + "/".join(p for p in path if p)] = {}
        elif token == FDT_END_NODE:
            path.pop()
        elif token == FDT_PROP:
            length, name_off = struct.unpack_from(">II", blob, pos)
            pos += 8
            name = strings[name_off:strings.index(b"\0", name_off)].decode()
            nodes["/" + "/".join(p for p in path if p)][name] = blob[pos:pos + length]
            pos = (pos + length + 3) & ~3
        elif token == FDT_NOP:
            continue
        elif token == FDT_END:
            break
        else:
            raise PackError("%s: bad token 0x%x in the device tree blob" % (origin, token))
    return nodes


def string_property(value):
    """A device tree string property's value, or None if it is not one string."""
    if not value or not value.endswith(b"\0") or b"\0" in value[:-1]:
        return None
    try:
        return value[:-1].decode()
    except UnicodeDecodeError:
        return None


def run_tool(argv, origin, what):
    tool = shutil.which(argv[0])
    if tool is None:
        raise PackError("%s: %s not found (Debian package device-tree-compiler)" % (origin, argv[0]))
    proc = subprocess.run([tool] + argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        message = proc.stderr.decode(errors="replace").strip()
        raise PackError("%s: %s failed:\n%s" % (origin, what, message))
    return proc.stdout


class Guest:
    """One guest: its name, compiled description and image files."""

    def __init__(self, dts_path):
        self.dts_path = dts_path
        if not os.path.isfile(dts_path):
            raise PackError("%s: no such guest description" % dts_path)
        with tempfile.TemporaryDirectory(prefix="pack_guests.") as tmp:
            dtb_path = os.path.join(tmp, "guest.dtb")
            run_tool(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb_path, dts_path],
                     dts_path, "dtc")
            with open(dtb_path, "rb") as f:
                nodes = parse_dtb(f.read(), dts_path)
            root = nodes.get("/", {})
            compatible = root.get("compatible", b"").split(b"\0")
            if COMPATIBLE.encode() not in compatible:
                raise PackError('%s: the root node is not compatible = "%s"'
                                % (dts_path, COMPATIBLE))
            name = string_property(root.get("model", b""))
            if name is None:
                raise PackError("%s: the root node has no model (the guest's name)" % dts_path)
            if not NAME_RE.match(name):
                raise PackError('%s: bad guest name "%s": use 1-15 of [a-z0-9_-]'
                                % (dts_path, name))
            self.name = name
            self.images = {}  # basename -> host path
            for node, props in sorted(nodes.items()):
                if "image" not in props:
                    continue
                image = string_property(props["image"])
                if not image:
                    raise PackError("%s: %s: image must be one file name" % (dts_path, node))
                path = os.path.join(os.path.dirname(os.path.abspath(dts_path)), image)
                if not os.path.isfile(path):
                    raise PackError("%s: %s: image file %s not found (looked for %s)"
                                    % (dts_path, node, image, path))
                base = os.path.basename(image)
                if base == "guest.dtb":
                    raise PackError("%s: %s: an image may not be called guest.dtb" % (dts_path, node))
                if base in self.images and os.path.realpath(self.images[base]) != os.path.realpath(path):
                    raise PackError("%s: two different images named %s" % (dts_path, base))
                self.images[base] = path
                if base != image:
                    run_tool(["fdtput", "-t", "s", dtb_path, node, "image", base],
                             dts_path, "fdtput (rewriting %s image)" % node)
            with open(dtb_path, "rb") as f:
                self.dtb = f.read()


def cpio_entry(ino, name, data, mode=0o100644):
    """One cpio newc entry: header, NUL-terminated name, data, each 4-byte padded."""
    name_bytes = name.encode() + b"\0"
    fields = (ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name_bytes), 0)
    header = b"070701" + b"".join(b"%08X" % v for v in fields)
    out = header + name_bytes
    out += b"\0" * (-len(out) % 4)
    out += data
    out += b"\0" * (-len(out) % 4)
    return out


def archive(guests):
    """The cpio archive of `guests` (bytes)."""
    entries = []
    for guest in guests:
        entries.append(("%s/guest.dtb" % guest.name, guest.dtb))
        for base, path in sorted(guest.images.items()):
            with open(path, "rb") as f:
                entries.append(("%s/%s" % (guest.name, base), f.read()))
    out = b"".join(cpio_entry(ino, name, data) for ino, (name, data) in enumerate(entries, 1))
    out += cpio_entry(0, "TRAILER!!!", b"", mode=0)
    return out


def pack(dts_paths, output):
    """Packs the guests of `dts_paths` into the cpio archive `output`."""
    if not dts_paths:
        raise PackError("no guest descriptions given")
    guests = []
    seen = {}
    for path in dts_paths:
        guest = Guest(path)
        if guest.name in seen:
            raise PackError('%s: guest name "%s" is already used by %s'
                            % (path, guest.name, seen[guest.name]))
        seen[guest.name] = path
        guests.append(guest)
    data = archive(guests)
    out_dir = os.path.dirname(os.path.abspath(output))
    os.makedirs(out_dir, exist_ok=True)
    tmp = output + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, output)
    return [g.name for g in guests]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-o", "--output", required=True, help="the cpio archive to write")
    p.add_argument("dts", nargs="+", help="guest descriptions (.dts)")
    args = p.parse_args(argv)
    names = pack(args.dts, args.output)
    print("pack_guests: %s: %s" % (args.output, " ".join(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
