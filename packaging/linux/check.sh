#!/bin/sh
# Checks the Linux packages `make package` built, as a user's system would
# see them; any failure ends with a non-zero status.
#
#   packaging/linux/check.sh DIR      (DIR holds barg_*.deb and barg-*.rpm)
#
# - lintian finds no error or warning in the .deb (pedantic tags included);
# - the desktop entry and the AppStream metainfo validate;
# - the icons are there at every size, and the scalable one;
# - the desktop entry opens OPML lists and feed:/feeds: links with Barg;
# - the packaged binary runs (its command line needs no display);
# - the .rpm holds the same files.
set -eu
dir="${1:?usage: check.sh DIR}"
deb=$(ls "$dir"/*.deb)
rpm=$(ls "$dir"/*.rpm)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "lintian $deb"
# (lintian refuses to run as root without --allow-root on newer versions;
# Debian 12's runs and says so on standard error.)
out=$(lintian -E --pedantic --tag-display-limit 0 "$deb" 2>/dev/null || true)
if printf '%s\n' "$out" | grep -E '^(E|W|P): ' >/dev/null; then
    printf '%s\n' "$out"
    echo "lintian found problems in $deb" >&2
    exit 1
fi

dpkg-deb -x "$deb" "$work/root"
desktop="$work/root/usr/share/applications/Barg.desktop"
desktop-file-validate "$desktop"
appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/app.barg.reader.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
    test -s "$work/root/usr/share/icons/hicolor/${size}x${size}/apps/barg.png" || {
        echo "no ${size}x${size} icon" >&2; exit 1; }
done
test -s "$work/root/usr/share/icons/hicolor/scalable/apps/barg.svg"
for want in 'MimeType=text/x-opml+xml;x-scheme-handler/feed;x-scheme-handler/feeds;' 'Exec=barg %U' 'Name\[fa\]=برگ' 'Categories=Network;News;Feed;'; do
    grep -q "^$want" "$desktop" || { echo "the desktop entry lacks $want" >&2; exit 1; }
done
"$work/root/usr/bin/barg" --version
"$work/root/usr/bin/barg" --data-dir "$work/library" date --to-jalali 2025-03-20 | grep -q '1403-12-30'

rpm -qlp "$rpm" 2>/dev/null | sort > "$work/rpm-files"
for file in /usr/bin/barg /usr/share/applications/Barg.desktop /usr/share/metainfo/app.barg.reader.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/barg.svg /usr/share/man/man1/barg.1.gz; do
    grep -qx "$file" "$work/rpm-files" || { echo "the .rpm lacks $file" >&2; exit 1; }
done
echo "packages checked: $deb $rpm"
