"""pytest fixtures for the QEMU integration tests (helpers: tern_qemu.py).

Each defconfig's image is built once per session in build/test/<defconfig>/.
A build that fails fails every test that needs it: nothing is skipped.
"""
import pytest

import tern_qemu

DEFCONFIGS = ["malta_defconfig", "arm_virt_defconfig", "x86_64_pc_defconfig"]


@pytest.fixture(scope="session")
def images():
    """The session's ImageCache: images.get("<defconfig>") builds on first use."""
    cache = tern_qemu.ImageCache()
    yield cache
    tern_qemu.kill_all()  # no QEMU outlives the session


@pytest.fixture(params=DEFCONFIGS)
def image(request, images):
    """The image of each defconfig in turn."""
    return images.get(request.param)


@pytest.fixture
def malta(images):
    """The MIPS Malta image (malta_defconfig)."""
    return images.get("malta_defconfig")
