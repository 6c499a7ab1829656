# The two commands a newcomer needs: `make demo` and `make test`. Both install what is
# missing, build, and are safe to run again (and after an interrupted run).
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
JIAOHE := $(BUILD_DIR)/cli/jiaohe

.PHONY: all deps build test demo clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	  cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null; fi
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

demo: build
	@bash scripts/demo.sh $(JIAOHE)

clean:
	rm -rf $(BUILD_DIR)
