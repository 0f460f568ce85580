# The two commands of the README, and the rest of the project's chores.
# Every target installs what it needs first (scripts/install-deps.sh), so a
# fresh Debian bookworm machine needs nothing else.

BUILD      ?= build
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc)
DEMO_DB    ?= $(BUILD)/demo.db
LISTEN     ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 300

.PHONY: all deps build demo test sanitize bench fuzz fuzz-run sample clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Start the local news web (the sample outlets on 127.0.0.1), collect it
# into a fresh database with the real fetcher, and serve the web UI.
demo: build
	@bash scripts/demo.sh $(BUILD)/tidings $(DEMO_DB) $(LISTEN)

# Build and run the whole suite (unit, end-to-end, data); ctest's summary
# line closes the output.
test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 300

# The same suite built with AddressSanitizer and UBSan, in its own tree.
sanitize: deps
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIDINGS_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ctest --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@npm ci --prefix bench --no-audit --no-fund --loglevel=error
	@bench/extract
	@bench/feeds
	@bench/crawl
	@bench/cluster
	@bench/facts

# libFuzzer targets, built with clang-14 in their own tree.
fuzz: deps
	@CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIDINGS_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@echo "fuzz targets in $(FUZZ_BUILD)/fuzz/ (make fuzz-run FUZZ_SECONDS=300)"

fuzz-run: fuzz
	@bash fuzz/run.sh $(FUZZ_BUILD)/fuzz $(FUZZ_SECONDS)

# Regenerate data/sample from ../shared/data (the output is committed).
sample:
	@python3 scripts/make_sample.py

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD) build-asan
