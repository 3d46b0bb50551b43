"""The build follows Kconfig: a symbol change reaches the image, and a
build without changes does nothing."""
import re

from tern_qemu import TEST_BUILD, boot, build_image, make, setconfig

COMPILE = re.compile(r"Compiling \S+ object (\S+)")


def compiled(output):
    return COMPILE.findall(output)


def test_unchanged_rebuild_does_nothing(malta):
    """`make <defconfig> image` again: defconfig and genconfig leave the
    unchanged .config and header alone, so ninja has nothing to do."""
    rc, out = make(malta.build_dir, malta.name, "image", log_name="rebuild.log")
    assert rc == 0, out
    assert "ninja: no work to do." in out
    assert compiled(out) == []


def test_kconfig_change_reaches_the_image():
    build_dir = TEST_BUILD / "kconfig_change"
    # Start from the defconfig each session (the directory may hold the
    # previous session's changed configuration).
    image, error = build_image("malta_defconfig", build_dir, "malta_defconfig")
    assert image is not None, error
    assert image.config["SCHED_TIMESLICE_MS"] == "10"

    setconfig(build_dir, SCHED_TIMESLICE_MS=25)
    rc, out = make(build_dir, "image", log_name="build-changed.log")
    assert rc == 0, out
    header = (build_dir / "generated" / "tern_config.h").read_text()
    assert "#define CONFIG_SCHED_TIMESLICE_MS 25\n" in header
    objects = compiled(out)
    assert any("kernel.cpp" in o for o in objects), out
    # Only what includes the configuration is rebuilt.
    assert not any("format.cpp" in o for o in objects), out

    image.config["SCHED_TIMESLICE_MS"] = "25"
    with boot(image) as console:
        console.expect(r"config: arch=mips board=malta cpu=24Kf timeslice=25ms ")
        console.expect_line(r"tern: boot complete")

    rc, out = make(build_dir, "image", log_name="build-again.log")
    assert rc == 0, out
    assert "ninja: no work to do." in out
    assert compiled(out) == []
