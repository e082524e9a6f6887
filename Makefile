# Praxis: the two commands are `make run` and `make test` (see README.md).
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
SCENARIO   ?= scenarios/safe-isolation
PRAXIS      = $(BUILD)/tools/praxis/praxis
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all deps configure build run test unit scenario-tests fuzz fuzz-build bench sanitize clean help

all: build

help:
	@echo "make run      install missing packages, build, run the default scenario ($(SCENARIO))"
	@echo "make test     install missing packages, build, run every test (unit, scenarios, fuzz)"
	@echo "make bench    build and run the benchmarks (praxis bench, praxis explore, render, xAPI, assets)"
	@echo "make fuzz     build the loader fuzzer with clang and run it for FUZZ_SECONDS"
	@echo "make sanitize build with ASan+UBSan into build-asan and run the unit tests"

deps:
	@cmake/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=$(shell command -v ccache) \
	  -DPRAXIS_FUZZ_BUILD_DIR=$(abspath $(FUZZ_BUILD)) -DPRAXIS_FUZZ_SECONDS=$(FUZZ_SECONDS)

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# With a display the reference solution plays in a desktop window at human speed; without one
# (a CI machine, an ssh session) it plays headless. Either way the line before says which.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "make run: a display is there: desktop mode (the autopilot plays; close the window to stop)"; \
	  $(PRAXIS) run $(SCENARIO) --mode desktop --autopilot; \
	else \
	  echo "make run: no display: headless mode (the autopilot plays the reference solution)"; \
	  $(PRAXIS) run $(SCENARIO) --headless --autopilot; \
	fi

# Everything runs under CTest (unit and integration suites, the shipped scenarios through
# `praxis test`, and the bounded fuzz run), so the run ends on one summary line.
unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600

scenario-tests: build
	$(PRAXIS) test scenarios/ --junit $(BUILD)/scenario-tests.xml

fuzz-build: deps
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DPRAXIS_FUZZ=ON \
	  -DPRAXIS_TESTS=OFF -DPRAXIS_BENCHMARKS=OFF -DPRAXIS_ONLY_FUZZ=ON \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=$(shell command -v ccache)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_scenario_loader

fuzz: fuzz-build
	tests/fuzz/run-fuzzer.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

test: build fuzz-build
	$(MAKE) --no-print-directory unit

# The headless scenario speed, then the Google Benchmark programs (renderer on the GPU when
# there is one, else lavapipe; xAPI emit and delivery to a local LRS; model import and cache).
bench: build
	$(PRAXIS) bench scenarios/
	$(PRAXIS) explore scenarios/ --seconds 120
	$(BUILD)/tests/bench/render_bench
	$(BUILD)/tests/bench/xapi_bench
	$(BUILD)/tests/bench/assets_bench
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BUILD)/tests/bench/desktop_bench

sanitize: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPRAXIS_SANITIZE=ON \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=$(shell command -v ccache)
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD) build-asan
