#!/bin/sh
# A stand-in C compiler for `make check-macos`: `cargo check` of the macOS
# target type-checks every Rust crate, but some crates' build scripts
# compile C first (SQLite, ring, objc2's exception helper), which needs the
# macOS SDK these Linux machines do not have. Nothing is linked by a check,
# so each object asked for is written empty. Never used for a real build.
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        -o) out="$2"; shift 2 ;;
        -o*) out="${1#-o}"; shift ;;
        -Fo*) out="${1#-Fo}"; shift ;;  # (cc-rs takes a silent compiler for MSVC's)
        --version|-v|-dumpversion) echo "stub-cc 0 (for cargo check only)"; exit 0 ;;
        -E) # preprocessing (feature probes): give back nothing
            exit 0 ;;
        *) shift ;;
    esac
done
[ -n "$out" ] && : > "$out"
exit 0
