# baligraph — the two commands a new machine needs are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
BALIGRAPH = $(BIN_DIR)/baligraph
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LINT_PATHS = Package.swift Sources Tests Benchmarks

.PHONY: all deps embed build release test lint format demo render check-graphs bench bench-compare fuzz sanitize clean

all: build

## Install what the build needs when it is missing (Debian/Ubuntu): Graphviz's C library
## and headers (libgraphviz-dev, found through pkg-config), libxml2's headers (libxml2-dev:
## GraphML is read with libxml2's SAX parser, loaded at run time only when needed), the dot
## CLI (benchmarks compare against it) and the Liberation fonts that the diagrams' Helvetica
## resolves to, so that Graphs/*.svg come out byte-identical on every machine.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null \
	   || [ ! -f /usr/include/libxml2/libxml/parser.h ] \
	   || ! fc-match Helvetica 2>/dev/null | grep -q Liberation; then \
	  echo "Installing libgraphviz-dev, libxml2-dev, graphviz and fonts-liberation2 with apt-get…"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
	    pkg-config libgraphviz-dev libxml2-dev graphviz fonts-liberation2 fontconfig >/dev/null; \
	fi
	@pkg-config --exists libgvc || { echo "error: libgvc still not found by pkg-config" >&2; exit 1; }
	@[ -f /usr/include/libxml2/libxml/parser.h ] || { echo "error: libxml2's headers (libxml2-dev) are missing" >&2; exit 1; }
	@fc-match Helvetica | grep -q Liberation || { echo "error: Helvetica does not resolve to Liberation Sans" >&2; exit 1; }

## Regenerate what is compiled into the binary: the built-in model and view manifest (from
## Data/bali-process.yaml and Graphs/views.yaml), then the model's compact form, which a
## built baligraph writes (commands on the built-in model decode it instead of parsing YAML).
embed: deps
	@sh scripts/embed-model.sh
	$(SWIFT) build --product baligraph
	@sh scripts/embed-snapshot.sh "$$($(SWIFT) build --show-bin-path)/baligraph"

build: deps embed
	$(SWIFT) build

## An optimised binary with the Swift runtime linked in statically (starts about twice as
## fast): .build/release/baligraph.
release: deps embed
	$(SWIFT) build -c release --product baligraph --static-swift-stdlib

lint:
	$(SWIFT) format lint --strict --configuration .swift-format -r $(LINT_PATHS)

format:
	$(SWIFT) format format --in-place --configuration .swift-format -r $(LINT_PATHS)

## The whole test suite (build included); no timing assertions, no network.
test: deps embed lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Set up, build, render every view into Graphs/ and answer a sample query.
demo: build
	$(BALIGRAPH) validate --strict
	$(BALIGRAPH) render --all
	$(BALIGRAPH) explore -o Graphs/explorer.html
	$(BALIGRAPH) show "steering group"
	$(BALIGRAPH) path "Sri Lanka" "New Zealand" --avoid "Bali Process"

render: build
	$(BALIGRAPH) render --all

## Fails when a committed diagram in Graphs/ differs from what the data gives now.
check-graphs: build
	$(BALIGRAPH) render --all --check

## The benchmark suite (Benchmarks/, a separate package that `make test` never builds):
## start-up latency, rendering against dot, and the graph engine on seeded synthetic graphs
## of 10^3 to 10^6 edges, against NetworkX, igraph and rustworkx when Python has them. Prints
## a table and writes Benchmarks/out/bench-*.json. `bench-compare` pip-installs them first.
## Both binaries are built with the Swift runtime linked statically, as `make release` does.
PYTHON ?= python3

bench: deps embed
	@# SwiftPM keeps the build plan and misses new files of the main package: plan again.
	rm -f Benchmarks/.build/*.yaml
	cd Benchmarks && $(SWIFT) build -c release --static-swift-stdlib --product baligraph \
	  && $(SWIFT) build -c release --static-swift-stdlib
	cd Benchmarks && "$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/baligraph-bench" \
	  --python "$(PYTHON)"

bench-compare:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check networkx igraph rustworkx \
	  || echo "warning: pip could not install every package; the table says which are missing" >&2
	$(MAKE) bench

## Fuzzing (libFuzzer; a separate package in Fuzz/): replays the committed regression
## inputs, then fuzzes each target for FUZZ_TIME seconds (default 60).
FUZZ_TIME ?= 60
fuzz: deps embed
	bash scripts/fuzz.sh $(FUZZ_TIME)

## The test suite under AddressSanitizer and then ThreadSanitizer (own build folders).
sanitize: deps embed
	bash scripts/sanitize.sh

clean:
	rm -rf .build
