# Praxis: the two commands are `make run` and `make test` (see README.md).
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
SCENARIO   ?= scenarios/safe-isolation
PRAXIS      = $(BUILD)/tools/praxis/praxis
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
SANITIZE_BUILD ?= build-asan
# `make test SANITIZE=0` leaves out the sanitizer build and its run (CI keeps it).
SANITIZE   ?= 1

.PHONY: all deps configure build run test unit scenario-tests fuzz fuzz-build bench sanitize \
        sanitize-build clean help cts

all: build

help:
	@echo "make run      install missing packages, build, run the default scenario ($(SCENARIO))"
	@echo "make test     install missing packages, build, run every test (unit, scenarios, fuzz),"
	@echo "              then the same suites built with ASan+UBSan (SANITIZE=0 leaves that out)"
	@echo "make bench    build and run the benchmarks (praxis bench, praxis explore, render, xAPI, assets)"
	@echo "make fuzz     build the loader fuzzer with clang and run it for FUZZ_SECONDS"
	@echo "make sanitize build with ASan+UBSan into $(SANITIZE_BUILD) and run the unit and integration suites"
	@echo "make cts CTS_SRC=DIR  build the Khronos OpenXR CTS from DIR into CTS_BUILD and run its automated"
	@echo "              tests on the simulated runtime (never part of make test; docs/xr-sim.md)"

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

# The plain suites first (the quicker answer), then the sanitizer build of the same suites.
test: build fuzz-build
	$(MAKE) --no-print-directory unit
ifneq ($(SANITIZE),0)
	$(MAKE) --no-print-directory sanitize
endif

# The headless scenario speed, then the Google Benchmark programs (renderer on the GPU when
# there is one, else lavapipe; xAPI emit and delivery to a local LRS; model import and cache).
bench: build
	$(PRAXIS) bench scenarios/
	$(PRAXIS) explore scenarios/ --seconds 120
	$(BUILD)/tests/bench/render_bench
	$(BUILD)/tests/bench/xapi_bench
	$(BUILD)/tests/bench/assets_bench
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BUILD)/tests/bench/desktop_bench

# ASan + UBSan, Debug: every unit and integration suite (render and golden tests included)
# under CTest with the options and LSan suppressions of tests/sanitize/. No benchmarks, and
# no fuzz run (the fuzzer has its own sanitizer build, `make fuzz`); the fuzz corpus replay runs.
sanitize-build: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPRAXIS_SANITIZE=ON \
	  -DPRAXIS_BENCHMARKS=OFF -DCMAKE_CXX_COMPILER_LAUNCHER=$(shell command -v ccache)
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)

sanitize: sanitize-build
	cd $(SANITIZE_BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD) $(SANITIZE_BUILD)

# The Khronos OpenXR conformance tests on the simulated runtime (docs/xr-sim.md). The CTS source
# is a clone of KhronosGroup/OpenXR-CTS outside the project; it builds outside it too.
CTS_SRC   ?=
CTS_BUILD ?= $(abspath ..)/praxis-cts-build
CTS_ARGS  ?= "exclude:[interactive]" -G vulkan2 --apiVersion 1.1
cts: build
	@if [ -z "$(CTS_SRC)" ]; then echo "make cts: give the CTS source, make cts CTS_SRC=DIR" >&2; exit 2; fi
	cmake -S $(CTS_SRC) -B $(CTS_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DBUILD_CONFORMANCE_TESTS=ON -DDYNAMIC_LOADER=ON
	cmake --build $(CTS_BUILD) --target conformance_cli -j $(JOBS)
	cd $(CTS_BUILD)/src/conformance/conformance_cli && \
	  XR_RUNTIME_JSON=$(abspath $(BUILD))/tools/xr_sim/praxis_xr_sim.json \
	  ./conformance_cli $(CTS_ARGS) -r junit -o $(abspath $(BUILD))/cts-results.xml; \
	  echo "make cts: results in $(abspath $(BUILD))/cts-results.xml"
