#!/bin/sh
# Installs everything Tern needs from Debian packages. Idempotent: when all
# tools are present it returns at once without touching apt.
set -e

PACKAGES="meson ninja-build make g++ g++-mipsel-linux-gnu g++-aarch64-linux-gnu \
qemu-system-mips qemu-system-arm qemu-system-x86 device-tree-compiler \
libfdt-dev python3 python3-kconfiglib catch2 python3-pytest python3-pexpect \
cpio gdb-multiarch python3-capstone libcapstone-dev pkg-config"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# libfdt for the bare-metal images: Debian's libfdt-dev of the target
# architecture, unpacked into the build tree (never into the source tree).
# The x86-64 image links the host's own libfdt.a.
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
for debarch in mipsel arm64; do
    dir="$ROOT/build/libfdt-$debarch"
    [ -f "$dir/usr/include/libfdt.h" ] && continue
    echo "setup: fetching libfdt-dev:$debarch into $dir"
    if ! dpkg --print-foreign-architectures | grep -qx "$debarch"; then
        $SUDO dpkg --add-architecture "$debarch"
        $SUDO apt-get update -qq
    fi
    mkdir -p "$dir"
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    (cd "$tmp" && apt-get download -qq "libfdt-dev:$debarch" 2>/dev/null)
    dpkg-deb -x "$tmp"/libfdt-dev_*_"$debarch".deb "$dir"
    rm -rf "$tmp"
done
