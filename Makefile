# The front door. `make test` and `make demo` are all a newcomer needs; each installs what is
# missing (scripts/bootstrap.sh), builds, and runs.
.PHONY: all native test demo bootstrap clean

all: native

bootstrap:
	@scripts/bootstrap.sh native

# The CLI, the unit tests, the golden-case runner and the assembled rules bundle.
native: bootstrap
	@cmake --preset native >/dev/null
	@cmake --build --preset native

test: native
	@ctest --preset native

# For now, a sample evaluation; the widget issue turns this into the demo mission site.
demo: native
	@echo '$$ echo '"'"'{"service":"visa","as_of":"2026-11-21","facts":{"nationality":"US"}}'"'"' | build/native/bin/eligibility evaluate --lang en'
	@echo '{"service":"visa","as_of":"2026-11-21","facts":{"nationality":"US"}}' | build/native/bin/eligibility evaluate --lang en

clean:
	rm -rf build
