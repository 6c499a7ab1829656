# The two commands a newcomer needs: `make demo` and `make test`. Both install what is
# missing, build, and are safe to run again (and after an interrupted run).
# `make package` builds the Debian package (build/jiaohe_<version>_<arch>.deb).
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
JIAOHE := $(BUILD_DIR)/cli/jiaohe

.PHONY: all deps configure build test demo package clean

all: build

deps:
	@bash scripts/install-deps.sh

# A build folder configured from another source tree is emptied (ours) or refused (someone
# else's) before anything is built with it: scripts/check-build-dir.sh says which and why.
configure: deps
	@bash scripts/check-build-dir.sh $(BUILD_DIR) $(CURDIR)
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	  cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null; fi

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The tests build and check the package too (tests/cli/package_clitest.cpp), so CI's
# `make test` runs `make package`'s own command.
test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

package: build
	@cmake --build $(BUILD_DIR) --target deb

demo: build
	@bash scripts/demo.sh $(JIAOHE)

clean:
	rm -rf $(BUILD_DIR)
