# The front door. `make test` and `make demo` are all a newcomer needs; each installs what is
# missing (scripts/bootstrap.sh), builds, and runs.
.PHONY: all native wasm test test-native test-wasm demo bootstrap clean

# Emscripten 3.1.6's tools need Node to find Debian's acorn (DESIGN.md, "Toolchain facts").
export NODE_PATH := /usr/share/nodejs

all: native

bootstrap:
	@scripts/bootstrap.sh native

# The CLI, the unit tests, the golden-case runner and the assembled rules bundle.
native: bootstrap
	@cmake --preset native >/dev/null
	@cmake --build --preset native

# The WebAssembly engine and its JavaScript API, in build/wasm/dist/. It embeds the rules bundle
# the native build assembled and validated.
wasm: native
	@scripts/bootstrap.sh wasm
	@cmake --preset wasm >/dev/null
	@cmake --build --preset wasm

test: test-native test-wasm

test-native: native
	@ctest --preset native

# Golden cases and 10,000 generated profiles through WebAssembly, compared byte for byte with
# the native CLI; the JS API's error handling; the glue's CSP-safety.
test-wasm: wasm
	@node --test tests/wasm/

# For now, a sample evaluation; the widget issue turns this into the demo mission site.
demo: native
	@echo '$$ echo '"'"'{"service":"visa","as_of":"2026-11-21","facts":{"nationality":"US"}}'"'"' | build/native/bin/eligibility evaluate --lang en'
	@echo '{"service":"visa","as_of":"2026-11-21","facts":{"nationality":"US"}}' | build/native/bin/eligibility evaluate --lang en

clean:
	rm -rf build
