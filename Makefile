# Barg: `make run` opens the app, `make test` runs every test.
# Both install what is missing first (apt packages, tauri-driver, npm packages).

SHELL := /bin/bash
.DEFAULT_GOAL := run

# `make build` honours CARGO_TARGET_DIR and otherwise leaves target/release/barg.
BUILD_TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
# Everything else caches the (large) debug build outside the clone, so a fresh
# clone in CI reuses the previous run's build.
DEV_TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(HOME)/.cache/barg/target)

# tinyproxy and microsocks: the real HTTP and SOCKS5 proxies the route tests start;
# dbus, gnome-keyring and libdbus-1-dev: the Secret Service the credential tests use;
# PHP (CLI, SQLite and the extensions FreshRSS needs): the real FreshRSS the sync tests run;
# python3-venv: coldsweat, the second Fever server they run (from tests/servers/coldsweat).
APT_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev xvfb webkit2gtk-driver xdotool xclip tinyproxy microsocks dbus gnome-keyring libdbus-1-dev \
	php-cli php-sqlite3 php-curl php-xml php-mbstring php-intl php-zip python3-venv
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
UI_STAMP := ui/node_modules/.package-lock.json

.PHONY: run test lint build bench fuzz fuzz-smoke deps system-deps ui clean package package-deps package-windows check-macos package-appimage

## Set-up ---------------------------------------------------------------

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v node >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version '^2'

$(UI_STAMP): ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

deps: system-deps $(UI_STAMP)

ui: deps
	cd ui && npm run build

## The two commands ------------------------------------------------------

run: ui
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) cargo run -p barg

# Formatting, clippy with warnings as errors, and the UI's type check
# (svelte-check runs tsc over every .ts and .svelte file).
lint: ui
	cargo fmt --all -- --check
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

# Lint first; then the UI's own tests (Vitest); then Rust unit and
# integration tests (one test binary per crate), the command tests through
# Tauri's mock runtime, and the end-to-end tests in the real window
# (tests/e2e starts its own Xvfb and tauri-driver).
test: lint
	cd ui && npm test
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) cargo test --workspace
	$(MAKE) package package-windows check-macos

# Linux packages (.deb and .rpm) with the Tauri CLI pinned in ui/package.json,
# checked by packaging/linux/check.sh (lintian, desktop-file-validate,
# appstreamcli, icons, the file and link associations); copied to
# target/packages/. The AppImage needs a download from github.com that these
# machines cannot make: it is configured, not built here.
PACKAGE_APT := lintian desktop-file-utils appstream rpm
package-deps: deps
	@missing=""; for p in $(PACKAGE_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; fi

package: ui package-deps
	rm -rf $(DEV_TARGET_DIR)/release/bundle
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) ui/node_modules/.bin/tauri build --bundles deb,rpm --config src-tauri/tauri.bundle.json
	rm -rf target/packages && mkdir -p target/packages
	cp $(DEV_TARGET_DIR)/release/bundle/deb/*.deb $(DEV_TARGET_DIR)/release/bundle/rpm/*.rpm target/packages/
	sh packaging/linux/check.sh target/packages

# The AppImage, where its tools can be fetched (Tauri downloads linuxdeploy and
# its AppImage runtime from github.com, which these machines cannot reach).
package-appimage: ui package-deps
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) ui/node_modules/.bin/tauri build --bundles appimage --config src-tauri/tauri.bundle.json
	mkdir -p target/packages && cp $(DEV_TARGET_DIR)/release/bundle/appimage/*.AppImage target/packages/

# Windows: barg.exe (GUI subsystem) and barg-cli.exe (console subsystem, the
# same command line for cmd and PowerShell) cross-built with Debian's
# mingw-w64, WebView2Loader.dll beside them, and a per-user installer made
# with Debian's makensis from packaging/windows/barg.nsi; checked by
# packaging/windows/check.py; in target/windows/. The WebView2 bootstrapper
# is bundled when packaging/windows/MicrosoftEdgeWebview2Setup.exe exists
# (it cannot be downloaded here).
WINDOWS_TARGET := x86_64-pc-windows-gnu
WINDOWS_OUT := $(DEV_TARGET_DIR)/$(WINDOWS_TARGET)/release
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
package-windows: ui
	@missing=""; for p in mingw-w64 nsis; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; fi
	@rustup target list --installed | grep -qx $(WINDOWS_TARGET) || rustup target add $(WINDOWS_TARGET)
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
	  cargo build --release --target $(WINDOWS_TARGET) -p barg --features console --bins
	rm -rf target/windows && mkdir -p target/windows/dist
	cp $(WINDOWS_OUT)/barg.exe $(WINDOWS_OUT)/barg-cli.exe target/windows/dist/
	cp "$$(cargo metadata --format-version 1 --locked | python3 -c 'import json,sys,os; p=[p for p in json.load(sys.stdin)["packages"] if p["name"]=="webview2-com-sys"][0]; print(os.path.join(os.path.dirname(p["manifest_path"]),"x64","WebView2Loader.dll"))')" target/windows/dist/
	if [ -f packaging/windows/MicrosoftEdgeWebview2Setup.exe ]; then cp packaging/windows/MicrosoftEdgeWebview2Setup.exe target/windows/dist/; fi
	makensis -V2 -DVERSION=$(VERSION) -DDIST=$(CURDIR)/target/windows/dist -DOUT=$(CURDIR)/target/windows/Barg-$(VERSION)-setup.exe packaging/windows/barg.nsi
	python3 packaging/windows/check.py target/windows
	@dpkg -s wine64 >/dev/null 2>&1 || (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends wine64)
	sh packaging/windows/wine/wine-check.sh target/windows/dist

# macOS: `cargo check` of the whole app for aarch64-apple-darwin, as far as a
# Linux machine allows: the C that some build scripts compile needs the
# macOS SDK, so a stand-in compiler (packaging/macos/stub-cc.sh) writes empty
# objects; nothing is linked. Every Rust line is type-checked for macOS.
MACOS_TARGET := aarch64-apple-darwin
check-macos: ui
	@rustup target list --installed | grep -qx $(MACOS_TARGET) || rustup target add $(MACOS_TARGET)
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) CC_aarch64_apple_darwin=$(CURDIR)/packaging/macos/stub-cc.sh \
	  CXX_aarch64_apple_darwin=$(CURDIR)/packaging/macos/stub-cc.sh AR_aarch64_apple_darwin=ar \
	  cargo check --target $(MACOS_TARGET) -p barg --bins

build: ui
	CARGO_TARGET_DIR=$(BUILD_TARGET_DIR) cargo build --release -p barg
	@echo "Built $(BUILD_TARGET_DIR)/release/barg"

# Benchmarks (measured, never asserted): the library at scale (search, import,
# lists, folding/repair throughput, repair precision/recall) and the real
# window (start-up, memory). Sizes: BARG_BENCH_SIZES=100000,1000000.
# The generated libraries are kept under BENCH_LIBRARIES for the window
# benchmark, which runs the release build on the largest one.
BENCH_LIBRARIES := $(HOME)/.cache/barg/bench
bench: ui
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) cargo run --release -q -p barg-core --example halfspace_eval -- src-tauri/core/benches/data/fa_perdt-ud-dev.sentences.txt src-tauri/core/benches/data/fa_seraji-ud-dev.sentences.txt
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) BARG_BENCH_LIBRARY_DIR=$(BENCH_LIBRARIES) BARG_BENCH_SIZES=$${BARG_BENCH_SIZES:-100000,1000000} cargo bench -p barg-core --bench library
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) cargo build --release -p barg
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) BARG_BIN=$(DEV_TARGET_DIR)/release/barg BARG_BENCH_LIBRARY=$(BENCH_LIBRARIES)/library-1000000 cargo test -p barg-e2e --test it window_bench:: -- --ignored --nocapture --test-threads 1
	@command -v newsboat >/dev/null || (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends newsboat)
	python3 bench/sync_vs_newsboat.py --barg $(DEV_TARGET_DIR)/release/barg
	python3 bench/sync_through_proxy.py --barg $(DEV_TARGET_DIR)/release/barg
	python3 bench/sync_account.py --barg $(DEV_TARGET_DIR)/release/barg
	CARGO_TARGET_DIR=$(DEV_TARGET_DIR) cargo test --release -p barg --test it limits:: -- --ignored --nocapture

# Fuzzing (cargo-fuzz, nightly): each target for FUZZ_SECONDS; what it finds
# interesting is saved in fuzz/corpus/<target>, which `make test` replays.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := feed html text query opml date
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  CARGO_TARGET_DIR=$(HOME)/.cache/barg/fuzz cargo +nightly fuzz run $$t corpus/$$t $$(case $$t in feed) echo ../src-tauri/core/tests/fixtures/feeds;; html) echo ../src-tauri/core/tests/fixtures/html;; esac) -- -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 -rss_limit_mb=2048 || exit 1; \
	done

# The fuzz smoke CI runs: each target over its saved corpus and then a fixed
# number of new inputs from a fixed seed (close to repeatable: hash sets seed
# themselves, so coverage can differ a little between runs). A failure prints
# the end of libFuzzer's output and leaves the crash input in fuzz/artifacts.
# New inputs go to a scratch folder, not the corpus.
FUZZ_SMOKE_RUNS ?= 10000
fuzz-smoke:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  scratch=$$(mktemp -d) && \
	  CARGO_TARGET_DIR=$(HOME)/.cache/barg/fuzz cargo +nightly fuzz run $$t $$scratch corpus/$$t -- -runs=$(FUZZ_SMOKE_RUNS) -seed=1 -max_len=16384 -timeout=10 -rss_limit_mb=2048 > $$scratch.log 2>&1; \
	  status=$$?; grep -E '^Done [0-9]+ runs' $$scratch.log; rm -rf $$scratch; \
	  [ $$status -eq 0 ] || { tail -60 $$scratch.log; echo "fuzz target $$t failed"; exit 1; }; rm -f $$scratch.log; \
	  echo "fuzz target $$t: $(FUZZ_SMOKE_RUNS) new inputs, no crash"; \
	done

clean:
	rm -rf ui/dist target
