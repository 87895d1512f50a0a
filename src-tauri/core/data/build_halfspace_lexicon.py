#!/usr/bin/env python3
"""Builds halfspace-lexicon.txt, the data behind Barg's half-space (ZWNJ) repair.

Run by hand (a build tool, not part of the app build):

    python3 build_halfspace_lexicon.py /work/shared/fixtures/lexicon > halfspace-lexicon.txt

Inputs (all under the given lexicon directory; provenance in SOURCES.md):
  wordfreq_fa_small.tsv             wordfreq 3.1.1 small_fa list (data CC BY-SA 4.0, Robyn Speer)
  shekar-1.7.0/vocab.csv            shekar word counts (MIT)
  shekar-1.7.0/compound_words.csv   shekar compound words, written with ZWNJ or '#'-joined (MIT)
  shekar-1.7.0/verbs.csv            shekar verb stems (MIT)
  hazm-0.10.0/words.dat             hazm word list with counts (MIT)
  hazm-0.10.0/verbs.dat             hazm verb stems past#present (MIT)

Nothing is taken from the evaluation text (fixtures/text/ud-persian).

Output: plain UTF-8 text, one entry per line, three sections, each sorted:
  [split]  words written WITH a half-space whose half-spaced form clearly wins
           over the joined spelling (the joined spelling is the lookup key).
  [word]   joined words that must not be split by the productive rules, and
           that serve as stems for them (`دقیقه`, `موضوعات`, `تنش`).
  [present], [past]  verb stems for the `می`/`نمی` rule.

Conventions (documented, the tools disagree):
  * no half-space after a non-joining letter (ا آ أ إ د ذ ر ز ژ و ؤ ة): it
    changes nothing on screen, and careful text usually omits it (`کشورها`).
    Such ZWNJs are dropped from the lexicon forms.
  * letters are folded for lookup only: Arabic yeh/kaf -> Persian (1:1).
"""

import math
import os
import sys
from collections import defaultdict
from pathlib import Path

ZWNJ = "\u200c"
NON_JOINING = set("اآأإدذرزژوؤةۀ")  # letters that do not join to the next one
FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})

# Tunables (chosen from the lexicon data, not from the evaluation text).
# An affix form (`می‌کند`, `کتاب‌ها`, `خانه‌ای`) is split when its half-spaced
# spelling is at least a third as frequent as the joined one: web lists are
# full of joined verbs and plurals that lost their half-space. A compound
# (`دست‌شویی`, `نگه‌داری`) is split only when the half-spaced spelling is the
# more frequent: many compounds are correctly written joined.
SPLIT_RATIO = float(os.environ.get("HS_SPLIT_RATIO", "0.33"))
COMPOUND_RATIO = float(os.environ.get("HS_COMPOUND_RATIO", "1.0"))
AFFIX_PREFIXES = {"می", "نمی", "برمی", "درمی", "بازمی", "فرومی", "وامی", "برنمی", "درنمی"}
AFFIX_SUFFIXES = {"ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
                  "ای", "ام", "ات", "اش", "ایم", "اید", "اند", "ترین", "تر", "ی", "هاست", "اید"}
WORD_MIN_PER_MILLION = 0.05  # joined words rarer than this are not kept as [word]
MI_PREFIXES = ("برنمی", "درنمی", "برمی", "درمی", "بازمی", "فرومی", "وامی", "نمی", "می")
PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")


def is_persian_word(w: str) -> bool:
    return bool(w) and all(
        ("\u0621" <= c <= "\u064a") or ("\u0671" <= c <= "\u06d3") or c == "\u06d5"
        or c == ZWNJ for c in w
    )


def clean_hs(w: str):
    """Normalises a half-spaced form: strips edge ZWNJ, collapses runs, drops
    ZWNJ after non-joining letters. Returns None if junk."""
    w = w.translate(FOLD).strip(ZWNJ)
    while ZWNJ + ZWNJ in w:
        w = w.replace(ZWNJ + ZWNJ, ZWNJ)
    out = []
    for c in w:
        if c == ZWNJ and (not out or out[-1] in NON_JOINING):
            continue
        out.append(c)
    w = "".join(out)
    if not is_persian_word(w) or ZWNJ not in w:
        return None  # junk, or only invisible half-spaces
    return w


def load_wordfreq(d: Path):
    res = {}
    for line in open(d / "wordfreq_fa_small.tsv", encoding="utf8"):
        if line.startswith("#"):
            continue
        p = line.rstrip("\n").split("\t")
        res[p[0]] = float(p[2])  # per million
    return res


def load_counts(path: Path, sep: str):
    res = {}
    for line in open(path, encoding="utf8"):
        p = line.rstrip("\n").rsplit(sep, 1) if sep == "," else line.rstrip("\n").split(sep)
        if len(p) < 2:
            continue
        try:
            res[p[0]] = int(p[1])
        except ValueError:
            continue
    total = sum(res.values()) or 1
    return {w: c * 1e6 / total for w, c in res.items()}


def freq_class(per_million: float) -> int:
    """A small integer for a word's frequency: 0 at WORD_MIN_PER_MILLION and
    below, +4 per factor of ten (0.5 per million -> 4, 50 -> 12)."""
    if per_million <= WORD_MIN_PER_MILLION:
        return 0
    return max(0, int(round(4 * math.log10(per_million / WORD_MIN_PER_MILLION))))


def add(table, w, f):
    if w is None:
        return
    table[w] = table.get(w, 0.0) + f


def main():
    d = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/fixtures/lexicon")
    sources = {
        "wordfreq": load_wordfreq(d),
        "shekar": load_counts(d / "shekar-1.7.0" / "vocab.csv", ","),
        "hazm": load_counts(d / "hazm-0.10.0" / "words.dat", "\t"),
    }
    # Per source, folded and cleaned frequencies (per million).
    freq = {}
    for name, src in sources.items():
        t = {}
        for w, f in src.items():
            w2 = clean_hs(w) if ZWNJ in w else w.translate(FOLD)
            if w2 is None or not is_persian_word(w2):
                continue  # (an entry whose only half-spaces were invisible is dropped)
            add(t, w2, f)
        freq[name] = t

    compounds_hs, compounds_joined = set(), set()
    for line in open(d / "shekar-1.7.0" / "compound_words.csv", encoding="utf8"):
        w = line.strip()
        if not w:
            continue
        if "#" in w:
            # '#' marks a morpheme boundary written joined: keep the word joined.
            j = w.replace("#", "").replace(ZWNJ, "").translate(FOLD)
            if is_persian_word(j):
                compounds_joined.add(j)
            continue
        h = clean_hs(w)
        if h and ZWNJ in h:
            compounds_hs.add(h)

    def score(w):
        # Sum over sources of per-million frequency; hazm is weak (many zeros),
        # so it counts at a quarter.
        return (freq["wordfreq"].get(w, 0.0) + freq["shekar"].get(w, 0.0)
                + 0.25 * freq["hazm"].get(w, 0.0))

    # Candidate half-spaced forms, grouped by joined key.
    cands = defaultdict(set)
    for t in freq.values():
        for w in t:
            if ZWNJ in w:
                cands[w.replace(ZWNJ, "")].add(w)
    for w in compounds_hs:
        cands[w.replace(ZWNJ, "")].add(w)

    split = {}
    for key, forms in cands.items():
        best = max(forms, key=lambda h: (score(h), h in compounds_hs, h))
        hs = sum(score(h) for h in forms)
        j = score(key)
        if key in compounds_joined:
            continue
        if hs == 0.0:
            # Only the compound list knows it: trust it when the joined form is unknown.
            if best in compounds_hs and j == 0.0:
                split[key] = best
            continue
        if best in compounds_hs:
            hs *= 2.0  # a curated compound gets a bonus
        parts = best.split(ZWNJ)
        affix = parts[0] in AFFIX_PREFIXES or parts[-1] in AFFIX_SUFFIXES
        if not affix:
            # hazm's counts come from text its own normalizer rewrote (it
            # splits words), so for a compound the raw web text decides: a
            # word wordfreq sees only joined, or more often joined, stays
            # whole (`قالیباف` the name, not `قالی‌باف`).
            wf_joined = freq["wordfreq"].get(key, 0.0)
            wf_hs = sum(freq["wordfreq"].get(h, 0.0) for h in forms)
            if wf_joined > 0.0 and wf_hs < wf_joined:
                continue
        if hs >= (SPLIT_RATIO if affix else COMPOUND_RATIO) * j:
            split[key] = best

    words = set()
    for w in set(freq["wordfreq"]) | set(freq["shekar"]) | set(freq["hazm"]):
        if ZWNJ in w or w in split or len(w) < 2:
            continue
        if score(w) >= WORD_MIN_PER_MILLION:
            words.add(w)
    words |= {w for w in compounds_joined if w not in split}

    present, past = set(), set()
    for line in open(d / "hazm-0.10.0" / "verbs.dat", encoding="utf8"):
        line = line.strip()
        if not line or line.startswith("#") or "#" not in line:
            continue
        pa, pr = line.split("#", 1)  # past#present, present may be "X یا Y"
        if is_persian_word(pa):
            past.add(pa.translate(FOLD))
        for s in pr.split():
            if is_persian_word(s) and s != "یا":
                present.add(s.translate(FOLD))
    for line in open(d / "shekar-1.7.0" / "verbs.csv", encoding="utf8"):
        cols = line.strip().split(",")  # present,past,colloquial present,colloquial past
        for i, s in enumerate(cols[:4]):
            if s and is_persian_word(s):
                (present if i % 2 == 0 else past).add(s.translate(FOLD))

    # A joined word of the shape (ن)می + verb form whose half-spaced form no list
    # attests is a verb that lost its half-space (`مینویسی`), not a word of its
    # own: leave it out of [word] so the verb rule applies. A joined word whose
    # half-spaced form lost the frequency test above (`میدانی`) stays.
    def is_verb_form(rest):
        for e in PRESENT_ENDINGS:
            if rest.endswith(e) and rest[: len(rest) - len(e)] in present:
                return True
        for e in PAST_ENDINGS:
            if rest.endswith(e) and rest[: len(rest) - len(e)] in past:
                return True
        return False

    # Stems some list writes after a half-spaced می/نمی (`می‌نویسد`): the verbs
    # people really write with the prefix.
    attested_stems = set()
    for key, forms in cands.items():
        for h in forms:
            first, _, rest = h.partition(ZWNJ)
            if first in AFFIX_PREFIXES and ZWNJ not in rest:
                for e in PRESENT_ENDINGS + PAST_ENDINGS:
                    stem = rest[: len(rest) - len(e)] if e else rest
                    if rest.endswith(e) and (stem in present or stem in past):
                        attested_stems.add(stem)

    def attested_verb_form(rest):
        for e in PRESENT_ENDINGS:
            if rest.endswith(e) and rest[: len(rest) - len(e)] in attested_stems:
                return True
        for e in PAST_ENDINGS:
            stem = rest[: len(rest) - len(e)] if e else rest
            if rest.endswith(e) and stem in attested_stems:
                return True
        return False

    for w in sorted(words):
        if w in cands:
            continue
        for p in MI_PREFIXES:
            # Only a verb people write with the prefix: `میانجی` (mediator)
            # reads as می + انج + ی, but nobody writes `می‌انجد`.
            if w.startswith(p) and is_verb_form(w[len(p):]) and attested_verb_form(w[len(p):]):
                words.discard(w)
                break

    out = sys.stdout
    out.write(
        "# Barg half-space (ZWNJ) repair lexicon. Generated by build_halfspace_lexicon.py; do not edit.\n"
        "# Built from: wordfreq 3.1.1 small_fa (data CC BY-SA 4.0, Robyn Speer / wordfreq),\n"
        "#   shekar 1.7.0 vocab.csv, compound_words.csv, verbs.csv (MIT, amirivojdan/shekar),\n"
        "#   hazm 0.10.0 words.dat, verbs.dat (MIT, roshan-research/hazm). See SOURCES.md.\n"
        "# This file is a derived work of wordfreq data and is therefore CC BY-SA 4.0.\n"
        f"# Parameters: split_ratio={SPLIT_RATIO} word_min_per_million={WORD_MIN_PER_MILLION}\n"
        "# Sections: [split] half-spaced forms (key = the form without ZWNJ); [word] joined words\n"
        "#   kept as they are and used as stems; [present]/[past] verb stems for the می/نمی rule.\n"
        "# In [split] and [word], an optional TAB and frequency class follows the word (absent = 0;\n"
        "#   +4 per factor of ten in frequency); it decides between two readings (`نامه‌ای`/`نام‌های`).\n"
    )
    def line(w):
        c = freq_class(score(w))
        return f"{w}\t{c}\n" if c > 0 else w + "\n"

    for name, items, with_class in (("split", split.values(), True), ("word", words, True),
                                    ("present", present, False), ("past", past, False)):
        out.write(f"[{name}]\n")
        for w in sorted(items):
            out.write(line(w) if with_class else w + "\n")


if __name__ == "__main__":
    main()
