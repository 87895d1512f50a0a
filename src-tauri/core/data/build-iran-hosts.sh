#!/bin/sh
# Rebuild the domain lines of iran-hosts.txt: hosts served from inside Iran
# outside the .ir domain, for Barg's "Iran" routing preset (.ir is matched by
# a rule in src/feeds/network.rs, so .ir names are left out).
#
# Usage:  sh build-iran-hosts.sh IHD DLC > domains.txt
#   IHD  checkout of https://github.com/bootmortis/iran-hosted-domains (MIT)
#        read: src/data/adsl_tci.txt, src/data/custom_domains.py
#   DLC  checkout of https://github.com/v2fly/domain-list-community (MIT)
#        read: data/category-ir and every file it includes, recursively,
#        and (to drop foreign names) every other file in data/
#
# To regenerate the whole file, keeping its comment header (then update the
# commit lines in the header by hand):
#   { grep '^#' iran-hosts.txt; sh build-iran-hosts.sh IHD DLC; } > iran-hosts.new
#   mv iran-hosts.new iran-hosts.txt
#
# The steps follow upstream's src/main.py (collect_and_clean_domains), using
# the inputs that upstream keeps in git (its generated lists are only
# published as release assets):
#   1. collect adsl_tci.txt and v2fly category-ir (upstream also collects the
#      enamad, ito.gov and iwmf lists, fetched from other repositories at
#      build time; they are not used here);
#   2. lower-case, keep the host name only (no scheme, user, port or path),
#      drop a leading "www.", keep names of letters, digits, hyphens and dots
#      with an alphabetic TLD (this also drops IP addresses, Persian names and
#      the bare TLDs "ir" and "xn--mgba3a4f16a");
#   3. drop the names in custom_domains "remove" and "proxy" and the names
#      under them, names containing a "remove_contain" string and names
#      matching a "remove_regex";
#   4. drop the names that v2fly lists in a category outside category-ir;
#   5. add custom_domains "direct";
#   6. drop .ir names, sort (C locale), de-duplicate.
# Unlike upstream, names are not cut down to their registered domain (upstream
# uses tldextract): a listed host covers itself and the names under it only.
#
# Only POSIX sh, grep, sed and sort (plus cat, mkdir, rm).

set -eu

if [ "$#" -ne 2 ]; then
    echo "usage: $0 IRAN_HOSTED_DOMAINS_DIR DOMAIN_LIST_COMMUNITY_DIR" >&2
    exit 2
fi
IHD=$1
DLC=$2
ADSL=$IHD/src/data/adsl_tci.txt
CUSTOM=$IHD/src/data/custom_domains.py
for f in "$ADSL" "$CUSTOM" "$DLC/data/category-ir"; do
    [ -f "$f" ] || { echo "$0: missing $f" >&2; exit 1; }
done

LC_ALL=C
export LC_ALL
tmp=${TMPDIR:-/tmp}/build-iran-hosts.$$
mkdir "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM
CR=$(printf '\r')

# Host names, one a line, from URLs or names on stdin.
clean() {
    sed -e "s/$CR//g" \
        -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
        -e 'y/ABCDEFGHIJKLMNOPQRSTUVWXYZ/abcdefghijklmnopqrstuvwxyz/' \
        -e 's|^[a-z][a-z0-9+.-]*://||' \
        -e 's|^[^/@]*@||' \
        -e 's|[/?#:].*||' \
        -e 's|\.$||' \
        -e 's|^www\.||' |
    grep -E '^([a-z0-9-]+\.)+[a-z]{2,}$' || true
}

# The strings in one list of custom_domains.py: py_list KEY
py_list() {
    sed -n "/^[[:space:]]*\"$1\":[[:space:]]*\[/,/^[[:space:]]*\],*[[:space:]]*\$/p" "$CUSTOM" |
    sed -n 's/^[[:space:]]*r\{0,1\}"\([^"]*\)",\{0,1\}[[:space:]]*$/\1/p'
}

# Entries of v2fly data files (full: and domain: names, plain names).
v2fly_entries() {
    sed -e 's/#.*//' -e 's/[[:space:]]@.*//' \
        -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$@" |
    grep -v -e '^include:' -e '^regexp:' -e '^keyword:' -e '^$' |
    sed -e 's/^domain://' -e 's/^full://' || true
}

# category-ir and the files it includes, once each, into $tmp/irfiles.
: > "$tmp/irfiles"
walk() {
    if grep -qxF "$1" "$tmp/irfiles"; then
        return 0
    fi
    [ -f "$DLC/data/$1" ] || { echo "$0: missing $DLC/data/$1" >&2; exit 1; }
    echo "$1" >> "$tmp/irfiles"
    for name in $(sed -n -e 's/#.*//' -e 's/^[[:space:]]*include:\([^[:space:]]*\).*/\1/p' "$DLC/data/$1"); do
        walk "$name"
    done
}
walk category-ir

# 1-2. Collect and clean.
{
    cat "$ADSL"
    while read -r name; do
        v2fly_entries "$DLC/data/$name"
    done < "$tmp/irfiles"
} | clean | sort -u > "$tmp/collected"

# 3. Upstream's removal lists.
{ py_list remove; py_list proxy; } | clean |
    sed -e 's/\./\\./g' -e 's/^/(^|\\.)/' -e 's/$/$/' > "$tmp/remove.re"
py_list remove_contain > "$tmp/remove_contain"
py_list remove_regex > "$tmp/remove_regex"

# 4. Names v2fly lists outside category-ir.
set --
for f in "$DLC"/data/*; do
    if ! grep -qxF "${f##*/}" "$tmp/irfiles"; then
        set -- "$@" "$f"
    fi
done
v2fly_entries "$@" | clean | sort -u > "$tmp/foreign"

grep -v -E -f "$tmp/remove.re" "$tmp/collected" |
    grep -v -F -f "$tmp/remove_contain" |
    grep -v -E -f "$tmp/remove_regex" |
    grep -v -x -F -f "$tmp/foreign" > "$tmp/kept" || true

# 5-6. Add "direct", drop .ir, sort.
{ cat "$tmp/kept"; py_list direct | clean; } | grep -v '\.ir$' | sort -u
