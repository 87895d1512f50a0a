#!/bin/sh
# Compresses the documentation that the .deb and .rpm packages ship, for
# src-tauri/tauri.bundle.json (its `beforeBundleCommand` runs this script
# before Tauri bundles; it can also be run by hand from anywhere).
#
#   packaging/linux/barg.1     -> target/packaging/linux/barg.1.gz
#   packaging/linux/changelog  -> target/packaging/linux/changelog.gz
#
# `gzip -9n`: the maximum compression and no name or timestamp in the header,
# as Debian policy and lintian ask for (changelog-not-compressed-with-max-
# compression, package-contains-timestamped-gzip); the output is the same
# bytes on every run. The paths in tauri.bundle.json's `files` point here.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/../.." && pwd)
out="$root/target/packaging/linux"
mkdir -p "$out"
for name in barg.1 changelog; do
    gzip -9n -c "$here/$name" > "$out/$name.gz.tmp"
    chmod 0644 "$out/$name.gz.tmp"
    mv "$out/$name.gz.tmp" "$out/$name.gz"
done
