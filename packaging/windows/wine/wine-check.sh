#!/bin/sh
# Runs the Windows command line (barg-cli.exe, cross-built) under Wine on
# a real library: the same code works on Windows as far as this machine
# can show without Windows (the window needs the WebView2 runtime, which
# Wine does not have). Test-only: a stand-in bcryptprimitives.dll (Wine
# 8.0 lacks it; see bcryptprimitives.c) sits beside the exe here only.
#
#   packaging/windows/wine/wine-check.sh target/windows/dist
set -eu
dist=$(cd "${1:?usage: wine-check.sh DIST}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cp "$dist/barg-cli.exe" "$dist/WebView2Loader.dll" "$work/"
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
    "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver64)
# Wine's server is stopped before its prefix is removed.
trap '"$wineserver" -k 2>/dev/null; rm -rf "$work"' EXIT
run() { "$wine" "$work/barg-cli.exe" --data-dir 'Z:'"$work/library" "$@"; }

run --version
run date --to-jalali 2025-03-20 | tr -d '\r' | grep -qx '1403-12-30'
printf 'رئیس‌جمهور امروز در تهران سخن گفت.\nمتن دوم خبر.\n' > "$work/خبر.txt"
run --json import 'Z:'"$work/خبر.txt" | tr -d '\r' | grep -q '"added":1'
run --json search 'رییس جمهور' | tr -d '\r' | grep -q 'تهران'
run --json list --all | tr -d '\r' | grep -c '"id"' | grep -qx '5'
# The library is in the Windows data folder given, and a backup works.
run backup 'Z:'"$work/backup.sqlite"
test -s "$work/backup.sqlite"
echo "barg-cli.exe under Wine: version, dates, import, search, list and backup work"
