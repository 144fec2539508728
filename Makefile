# The two commands of the README:
#   make run   deps, build, then serve conf/edgeway.yaml on 127.0.0.1:8080
#   make test  deps, build, every test, then the same suite under ASan+UBSan
# Everything else here is a step of those two.

JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
ASAN  ?= build-asan
CONF  ?= conf/edgeway.yaml

.PHONY: all deps build build-asan run test test-release test-asan e2e bench format clean \
        difficulty-weights

all: build

deps:
	@bash scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DEW_WERROR=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DEW_WERROR=ON \
	    -DEW_SANITIZE=address,undefined >/dev/null
	@cmake --build $(ASAN) -j $(JOBS)

run: build
	./$(BUILD)/edgeway serve -c $(CONF)

test-release: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	@cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

test: test-release test-asan
	@echo "make test: release and ASan+UBSan suites passed"

bench: build
	@for b in $(BUILD)/bench_*; do [ -x "$$b" ] && "$$b"; done

# Retrains conf/difficulty.weights from ../shared/data/difficulty and prints
# the held-out AUCs first (scripts/train_difficulty.sh; README, difficulty).
difficulty-weights: build
	@EW_BIN=$(BUILD)/edgeway EW_SHARED=../shared sh scripts/train_difficulty.sh conf/difficulty.weights

format:
	@git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN)
