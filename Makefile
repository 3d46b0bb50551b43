# Tern: a thin wrapper over Kconfig (Kconfiglib) and Meson/Ninja.
#
#   make menuconfig | <board>_defconfig | savedefconfig | olddefconfig
#   make            build the image of the configured architecture
#   make run        boot it in QEMU       (BOOTCMD='...' scripts the terminal)
#   make debug      QEMU's gdb stub with gdb-multiarch attached
#   make test       unit tests on the host + integration tests in QEMU
#                   (make unit / make integration: one level only)
#
# KCONFIG_CONFIG names the configuration (default .config) and O the build
# directory (default build/<arch>), so several configurations can coexist.

PYTHON         := /usr/bin/python3
KCONFIG_CONFIG ?= .config
export KCONFIG_CONFIG

DEFCONFIGS := $(wildcard arch/*/configs/*_defconfig)
cfg = $(shell sed -n 's/^CONFIG_$(1)=//p' $(KCONFIG_CONFIG) 2>/dev/null | tr -d '"')

ARCH = $(call cfg,ARCH)
O   ?= build/$(ARCH)

SETUP := scripts/setup.sh
STAMP := build/.setup-done

.PHONY: all image run debug test unit integration bench menuconfig savedefconfig \
        olddefconfig clean distclean setup help FORCE
.DEFAULT_GOAL := all

all: image

setup $(STAMP): $(SETUP)
	@sh $(SETUP)
	@mkdir -p build && touch $(STAMP)

# The default configuration, when there is none yet.
$(KCONFIG_CONFIG):
	@$(MAKE) --no-print-directory malta_defconfig

%_defconfig: | $(STAMP)
	@f=$$(ls arch/*/configs/$@ 2>/dev/null | head -1); \
	 if [ -z "$$f" ]; then echo "no such defconfig: $@ (have: $(notdir $(DEFCONFIGS)))"; exit 1; fi; \
	 mkdir -p $$(dirname $(KCONFIG_CONFIG)); \
	 $(PYTHON) -m defconfig --kconfig Kconfig $$f

menuconfig: | $(STAMP)
	@$(PYTHON) -m menuconfig Kconfig

olddefconfig: | $(STAMP)
	@$(PYTHON) -m olddefconfig Kconfig

savedefconfig: $(KCONFIG_CONFIG) | $(STAMP)
	@$(PYTHON) -m savedefconfig --kconfig Kconfig --out defconfig
	@echo "wrote defconfig"

# Meson reads the .config (keyval) and reconfigures when it changes;
# genconfig rewrites the C++ header only when a symbol changed, so ninja
# rebuilds just the files that include it.
image: $(KCONFIG_CONFIG) | $(STAMP)
	@$(PYTHON) -m olddefconfig Kconfig >/dev/null
	@mkdir -p $(O)/generated
	@$(PYTHON) -m genconfig --header-path $(O)/generated/tern_config.h Kconfig
	@if [ ! -f $(O)/build.ninja ]; then \
	   meson setup $(O) --cross-file cross/$(ARCH).ini \
	     -Dkconfig=$(abspath $(KCONFIG_CONFIG)) >$(O)/meson-setup.log || \
	     { cat $(O)/meson-setup.log; exit 1; }; \
	 fi
	@ninja -C $(O)
	@echo "image: $(O)/tern.elf ($(call cfg,BOARD), $(call cfg,CPU))"

# On MIPS `make run` boots the demo guest unless GUESTS names others
# (GUESTS=none: no guests).
DEMO_GUESTS = $(if $(filter mips,$(ARCH)),$(O)/tests/guests/hello/hello.dts)
RUN_GUESTS = $(filter-out none,$(if $(GUESTS),$(GUESTS),$(DEMO_GUESTS)))

run: image
	@$(PYTHON) scripts/qemu.py --config $(KCONFIG_CONFIG) --build $(O) \
	   $(if $(BOOTCMD),--bootcmd "$(BOOTCMD)") $(if $(RUN_GUESTS),--guests "$(RUN_GUESTS)") \
	   $(if $(APPEND),--append "$(APPEND)")

debug: image
	@$(PYTHON) scripts/qemu.py --config $(KCONFIG_CONFIG) --build $(O) --debug

test: | $(STAMP)
	@$(PYTHON) scripts/test.py

unit: | $(STAMP)
	@$(PYTHON) scripts/test.py --no-setup --unit

integration: | $(STAMP)
	@$(PYTHON) scripts/test.py --no-setup --integration

bench: | $(STAMP)
	@$(PYTHON) scripts/bench.py

clean:
	rm -rf build/mips build/arm build/x86_64 build/host build/test

distclean:
	rm -rf build .config .config.old defconfig

help:
	@sed -n '2,12p' Makefile | sed 's/^# \{0,1\}//'
