# Flat targets; the logic lives in Go. CGO is off: the whole program,
# Hugo included, is pure Go.
export CGO_ENABLED := 0
# Added to the user's own GOFLAGS, never in their place.
export GOFLAGS += -buildvcs=false

.PHONY: site test fuzz serve check sample template build clean bench e2e

# Flags of the benchmark, which runs at 1,000, 10,000 and 100,000 records
# unless told otherwise, e.g. make bench BENCH_FLAGS='-scales 1000,10000 -runs 2'.
BENCH_FLAGS ?=

# How long each fuzz target runs, e.g. make fuzz FUZZTIME=5m.
FUZZTIME ?= 30s

# Build the site from the workbooks in data/ into public/.
site: build
	./bin/disclose build
	@echo "View it with any static web server (python3 -m http.server -d public 8000), or run make serve for a preview that rebuilds on change."

# Compile the command into bin/disclose.
build:
	go build -o bin/disclose ./cmd/disclose

# Run every test (unit, golden, end-to-end scripts).
test:
	go test ./...

# Validate the workbooks in data/ without building.
check: build
	./bin/disclose check

# Preview on http://127.0.0.1:1313/ with rebuilds on change.
serve: build
	./bin/disclose serve

# Regenerate the committed sample workbooks in data/.
sample: build
	rm -rf data && ./bin/disclose sample --out data --scale 400 --seed 1 --as-of 2026-11-01

# Blank workbooks for data officers.
template: build
	./bin/disclose template --out templates

# Run each fuzz target for a while.
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' generator | sort); do \
		for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "== $$(dirname $$f) $$t"; \
			go test ./$$(dirname $$f) -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME); \
		done; \
	done

# Measure the build against bare Hugo and excelize at several scales.
bench: build
	go run ./bench $(BENCH_FLAGS)

# Browser, HTML, link and Lighthouse checks of the built site (installs what it needs).
e2e:
	bash .ci/e2e

clean:
	rm -rf bin public .disclose
