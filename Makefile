# The front door. `make test` and `make demo` are all a newcomer needs; each installs what is
# missing (scripts/bootstrap.sh), builds, and runs.
.PHONY: all native wasm web test test-native test-sanitize test-wasm test-web fuzz demo bench bootstrap clean

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

test: test-native test-sanitize test-wasm test-web

test-native: native
	@ctest --preset native

# The same native suite built with AddressSanitizer and UndefinedBehaviorSanitizer (clang).
test-sanitize: bootstrap
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize
	@ctest --preset sanitize

# libFuzzer targets (rules loader, profiles, evaluation, the JSON scanner against nlohmann), each
# for FUZZ_SECONDS (default 60); reports executions per second and corpus size per target.
fuzz: native
	@fuzz/run.sh

# Golden cases and 10,000 generated profiles through WebAssembly, compared byte for byte with
# the native CLI; the JS API's error handling; the glue's CSP-safety.
test-wasm: wasm
	@node --test tests/wasm/

# The widget as a mission copies it, one minified folder: the element, its stylesheet, the engine, its
# rule packs (rules/, one per service, fetched when an applicant chooses the service) and a copy
# of the whole rules bundle (rules.json) for missions to edit and serve through rules-src; and the
# demo embassy's own rules file for demo/mission-rules.html.
WEB_DIR := build/web/consular-eligibility
web: wasm
	@scripts/bootstrap.sh web
	@node scripts/build-web.mjs $(WEB_DIR) build/wasm/dist build/native/rules/default.json
	@node demo/make-mission-rules.mjs build/native/rules/default.json build/web/demo-rules/embassy-rules.json

# The sample mission website on http://127.0.0.1:8080 (PORT=… to change), in the foreground.
demo: web
	@node demo/serve.mjs

# The widget in headless Chromium, through the demo site under its strict CSP: end-to-end flows,
# axe-core, CSP and same-origin checks, mobile and print layouts (screenshots in tests/web/artifacts/).
test-web: web
	@scripts/bootstrap.sh browser
	@node --test tests/web/

# Benchmarks beside the peers (bench/README.md): the native core at four rule sizes, the
# WebAssembly engine in Node and in headless Chromium, the widget's first visit, and json-logic-js,
# json-rules-engine and ZEN on one shared workload; ONE table, with the budgets of DESIGN.md.
bench: web
	@scripts/bootstrap.sh browser
	@cmake --build --preset native --target eligibility_bench
	@node bench/run.mjs --native-bin build/native/bin/eligibility_bench

clean:
	rm -rf build
