"""scripts/pack_guests.py: the guest initrd archive (no QEMU needed).

Reads archives back with an independent newc reader and checks the
failures that must stop packing with a message naming the file.
"""
import subprocess
import sys

import pytest

import tern_qemu  # puts scripts/ on sys.path
import pack_guests

PACK = tern_qemu.ROOT / "scripts" / "pack_guests.py"

DTS = """/dts-v1/;
/ {
    compatible = "tern,guest";
    model = "%(name)s";
    vcpus = <1>;
    memory {
        #address-cells = <1>; #size-cells = <1>;
        ram@0 { device_type = "ram"; reg = <0x00000000 0x00400000>; %(ram_image)s };
        rom@1fc00000 { device_type = "rom"; reg = <0x1fc00000 0x00100000>; image = "%(image)s"; };
    };
};
"""


def write_guest(directory, name="alpha", image="alpha.elf", ram_image="", image_bytes=b"ELF!",
                dts_name=None):
    directory.mkdir(parents=True, exist_ok=True)
    dts = directory / (dts_name or "%s.dts" % name)
    dts.write_text(DTS % {"name": name, "image": image, "ram_image": ram_image})
    if image_bytes is not None:
        target = directory / image
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(image_bytes)
    return dts


def read_newc(data):
    """[(name, mode, data)] of a cpio newc archive, checking its framing."""
    entries = []
    pos = 0
    while True:
        assert data[pos:pos + 6] == b"070701", "bad magic at %d" % pos
        fields = [int(data[pos + 6 + 8 * i:pos + 14 + 8 * i], 16) for i in range(13)]
        mode, filesize, namesize = fields[1], fields[6], fields[11]
        name_start = pos + 110
        name = data[name_start:name_start + namesize]
        assert name.endswith(b"\0")
        name = name[:-1].decode()
        data_start = (name_start + namesize + 3) & ~3
        body = data[data_start:data_start + filesize]
        pos = (data_start + filesize + 3) & ~3
        if name == "TRAILER!!!":
            assert pos == len(data), "bytes after the trailer"
            return entries
        entries.append((name, mode, body))


def fdt_string(dtb_path, node, prop, tmp_path):
    dtb = tmp_path / "check.dtb"
    dtb.write_bytes(dtb_path)
    out = subprocess.run(["fdtget", "-t", "s", str(dtb), node, prop], stdout=subprocess.PIPE,
                         check=True, text=True)
    return out.stdout.strip()


def test_archive_layout(tmp_path):
    a = write_guest(tmp_path / "a", "alpha", "alpha.elf", image_bytes=b"\x7fELF-alpha")
    b = write_guest(tmp_path / "b", "beta", "bin/beta.bin",
                    ram_image='image = "kernel.img";', image_bytes=b"beta-rom!")
    (tmp_path / "b" / "kernel.img").write_bytes(b"k" * 4097)
    out = tmp_path / "out" / "guests.cpio"
    assert pack_guests.pack([str(a), str(b)], str(out)) == ["alpha", "beta"]
    entries = read_newc(out.read_bytes())
    names = [name for name, _, _ in entries]
    assert names == ["alpha/guest.dtb", "alpha/alpha.elf",
                     "beta/guest.dtb", "beta/beta.bin", "beta/kernel.img"]
    files = {name: body for name, _, body in entries}
    assert all(mode == 0o100644 for _, mode, _ in entries)
    assert files["alpha/alpha.elf"] == b"\x7fELF-alpha"
    assert files["beta/kernel.img"] == b"k" * 4097
    assert files["alpha/guest.dtb"][:4] == b"\xd0\x0d\xfe\xed"
    # image properties are rewritten to the names inside the archive.
    assert fdt_string(files["beta/guest.dtb"], "/memory/rom@1fc00000", "image",
                      tmp_path) == "beta.bin"
    assert fdt_string(files["beta/guest.dtb"], "/", "model", tmp_path) == "beta"


def test_reproducible(tmp_path):
    a = write_guest(tmp_path, "alpha")
    pack_guests.pack([str(a)], str(tmp_path / "1.cpio"))
    pack_guests.pack([str(a)], str(tmp_path / "2.cpio"))
    assert (tmp_path / "1.cpio").read_bytes() == (tmp_path / "2.cpio").read_bytes()


def test_command_line(tmp_path):
    a = write_guest(tmp_path, "alpha")
    out = tmp_path / "g.cpio"
    proc = subprocess.run([sys.executable, str(PACK), "-o", str(out), str(a)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 0, proc.stderr
    assert [n for n, _, _ in read_newc(out.read_bytes())] == ["alpha/guest.dtb", "alpha/alpha.elf"]


def expect_error(tmp_path, dts_paths, *fragments):
    """Packing fails with a message containing every fragment, from the
    library and from the command line (exit status 1, no traceback)."""
    out = tmp_path / "bad.cpio"
    with pytest.raises(pack_guests.PackError) as error:
        pack_guests.pack([str(p) for p in dts_paths], str(out))
    for fragment in fragments:
        assert fragment in str(error.value)
    assert not out.exists()
    proc = subprocess.run([sys.executable, str(PACK), "-o", str(out)] + [str(p) for p in dts_paths],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    for fragment in fragments:
        assert fragment in proc.stderr


def test_missing_dts(tmp_path):
    expect_error(tmp_path, [tmp_path / "nope.dts"], "nope.dts", "no such guest description")


def test_dtc_failure(tmp_path):
    bad = tmp_path / "broken.dts"
    bad.write_text("/dts-v1/;\n/ { model = \"x\" \n")
    expect_error(tmp_path, [bad], "broken.dts", "dtc failed")


def test_missing_image(tmp_path):
    dts = write_guest(tmp_path, "alpha", "missing.elf", image_bytes=None)
    expect_error(tmp_path, [dts], "alpha.dts", "missing.elf", "not found")


def test_duplicate_names(tmp_path):
    a = write_guest(tmp_path / "one", "alpha")
    b = write_guest(tmp_path / "two", "alpha")
    expect_error(tmp_path, [a, b], str(b), '"alpha" is already used')


@pytest.mark.parametrize("name", ["Upper", "has space", "much-too-long-name", ""])
def test_bad_names(tmp_path, name):
    dts = write_guest(tmp_path, "x", dts_name="g.dts")
    dts.write_text(dts.read_text().replace('model = "x"', 'model = "%s"' % name))
    expect_error(tmp_path, [dts], "g.dts")


def test_not_a_guest(tmp_path):
    dts = write_guest(tmp_path, "alpha")
    dts.write_text(dts.read_text().replace('"tern,guest"', '"acme,board"'))
    expect_error(tmp_path, [dts], "alpha.dts", "tern,guest")
