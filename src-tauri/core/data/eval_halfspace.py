#!/usr/bin/env python3
"""Prototype of Barg's half-space (ZWNJ) repair, and its evaluation.

This is the reference the Rust module `persian::repair` translates: same
lexicon file, same rules, same order. Run by hand:

    python3 eval_halfspace.py [lexicon.txt] [ud-persian dir] [scraped sample]

Measurement (held out: the lexicon is built only from fixtures/lexicon):
  * removed: every ZWNJ of the UD sentences is deleted (parts joined), the text
    repaired, and each restored ZWNJ compared by position with the original.
  * spaced: every ZWNJ is replaced by a space instead.
Precision = correct restored / all inserted; recall = correct restored / all
ZWNJ in the original. "visible" leaves out original ZWNJs that follow a
non-joining letter (ا د ذ ر ز ژ و …), which change nothing on screen and which
the repair never inserts by convention.
"""

import sys
import time
from pathlib import Path

ZWNJ = "\u200c"
NON_JOINING = set("اآأإدذرزژوؤةۀ")
FOLD = {"ي": "ی", "ى": "ی", "ك": "ک"}

MI_PREFIXES = ("برنمی", "درنمی", "برمی", "درمی", "بازمی", "فرومی", "وامی", "نمی", "می")
SPACED_MI = ("نمی", "می", "برمی", "درمی")
PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")  # `می‌کنم` … `می‌کنند`
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")  # `می‌کرد` … `می‌کردند`
HA_SUFFIXES = ("هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها")
HEH_SUFFIXES = ("اید", "ایم", "اند", "ای", "ام", "ات", "اش")
TAR_SUFFIXES = ("ترین", "تر")
YEH_SUFFIXES = ("اید", "ایم", "اند", "ای", "ام", "اش")  # not ات: `ادبیات`, `تجربیات`

# Rule switches (the Rust port has the same defaults).
JOIN_SPACED_COMPOUNDS = False  # `رئیس جمهور` -> `رئیس‌جمهور` (off: precision)
JOIN_SPACED_VAV = True  # `گفت و گو` -> `گفت‌وگو` for lexicon X‌وY words


def is_word_char(c: str) -> bool:
    o = ord(c)
    return (0x0621 <= o <= 0x063A or 0x0640 <= o <= 0x065F or o == 0x0670
            or 0x0671 <= o <= 0x06D3 or o == 0x06D5 or 0x06EE <= o <= 0x06EF
            or 0x06FA <= o <= 0x06FC or o == 0x06FF or o == 0x200C)


def fold(w: str) -> str:
    return "".join(FOLD.get(c, c) for c in w)


class Lexicon:
    def __init__(self, path):
        self.split = {}
        self.words = {}  # joined word -> frequency class
        self.split_class = {}
        self.present = set()
        self.past = set()
        section = None
        for line in open(path, encoding="utf8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line
                continue
            word, _, cls = line.partition("\t")
            cls = int(cls) if cls else 0
            if section == "[split]":
                key = word.replace(ZWNJ, "")
                self.split[key] = word
                self.split_class[key] = cls
            elif section == "[word]":
                self.words[word] = cls
            elif section == "[present]":
                self.present.add(line)
            elif section == "[past]":
                self.past.add(line)
        # X‌وY words for the spaced `X و Y` rule (`گفت و گو`, `جست و جو`): only
        # verb-stem pairs, whose spaced spelling is a mistake; `کسب و کار`,
        # `آموزش و پرورش` are often correctly spaced and stay as they are.
        self.vav = {}
        for form in self.split.values():
            parts = form.split(ZWNJ)
            if len(parts) == 2 and parts[1].startswith("و") and len(parts[1]) > 1:
                x, y = parts[0], parts[1][1:]
                if (x in self.past or x in self.present) and y in self.present:
                    self.vav[(x, y)] = form

    # -- analysis of one joined word (folded, no ZWNJ) -> form with ZWNJ or None
    def is_verb_form(self, rest: str) -> bool:
        for e in PRESENT_ENDINGS:
            if rest.endswith(e) and rest[: len(rest) - len(e)] in self.present:
                return True
        for e in PAST_ENDINGS:
            if rest.endswith(e) and rest[: len(rest) - len(e)] in self.past:
                return True
        return False

    def stem_form(self, stem: str):
        """The written form of a known stem (with its own half-spaces) and its
        frequency class, or None."""
        if stem in self.split:
            return self.split[stem], self.split_class[stem]
        if stem in self.words:
            return stem, self.words[stem]
        return None

    def analyze_spaced(self, a: str, b: str):
        """`a b` (folded words, one space between) -> the text to put between
        them: ZWNJ, "" (join without a half-space, after a non-joining letter),
        or None to keep the space."""
        glue = "" if a[-1] in NON_JOINING else ZWNJ
        if a in SPACED_MI:
            if self.is_verb_form(b):
                return glue
            form = self.split.get(a + b)
            if form is not None and form.startswith(a + ZWNJ):
                return glue
            return None
        if b in HA_SUFFIXES or b == "ترین":
            if self.stem_form(a) is not None:
                return glue
            return None
        if b in HEH_SUFFIXES:
            form = self.split.get(a + b)
            if (a.endswith("ه") and len(a) >= 3 and self.stem_form(a) is not None) or (
                    form is not None and form.startswith(a + ZWNJ)):
                return glue
            return None
        if JOIN_SPACED_COMPOUNDS:
            form = self.split.get(a + b)
            if form is not None and form.startswith(a + ZWNJ):
                return glue
        return None

    def analyze(self, k: str):
        if k in self.split:
            return self.split[k]
        if k in self.words:
            return None
        for p in MI_PREFIXES:
            if k.startswith(p) and len(k) > len(p):
                rest = k[len(p):]
                if self.is_verb_form(rest):
                    return p + ZWNJ + rest
        # ه-final word + ای/ام/ات/اش/ایم/اید/اند (`دقیقهای` -> دقیقه‌ای), or
        # word + ها/های/… (`تنشها` -> تنش‌ها). When both read (`نامهای`), the
        # more frequent stem wins, ties to the ه reading (not `دقیق‌های`).
        heh = None
        for suf in HEH_SUFFIXES:
            if k.endswith(suf):
                base = k[: -len(suf)]
                if len(base) >= 3 and base.endswith("ه"):
                    st = self.stem_form(base)
                    if st is not None:
                        # A past participle (`نشسته`, `ساخته`) wins outright:
                        # `نشستهایم` is نشسته‌ایم, not نشست‌هایم.
                        participle = base[-2] in "تد" and base[:-1] in self.past
                        heh = (st[0] + ZWNJ + suf, 1000 if participle else st[1])
                        break
        ha = None
        for suf in HA_SUFFIXES:
            if k.endswith(suf) and len(k) - len(suf) >= 2:
                st = self.stem_form(k[: -len(suf)])
                if st is not None:
                    ha = (st[0] + ZWNJ + suf, st[1])
                break
        if heh is not None and (ha is None or heh[1] >= ha[1]):
            return heh[0]
        if ha is not None:
            return ha[0]
        # comparative and superlative: `ژرفتر` -> ژرف‌تر, `کوچکترین` -> کوچک‌ترین
        for suf in TAR_SUFFIXES:
            if k.endswith(suf) and len(k) - len(suf) >= 2:
                st = self.stem_form(k[: -len(suf)])
                if st is not None:
                    return st[0] + ZWNJ + suf
                break
        # ی-final word + ام/اش/ای/ایم/اید/اند: `زندگیام` -> زندگی‌ام
        for suf in YEH_SUFFIXES:
            if k.endswith(suf):
                base = k[: -len(suf)]
                if len(base) >= 3 and base.endswith("ی"):
                    st = self.stem_form(base)
                    if st is not None:
                        return st[0] + ZWNJ + suf
                break
        return None


def zwnj_positions(form: str):
    """Indices in the joined word before which a ZWNJ goes (visible ones only)."""
    pos, i = [], 0
    for c in form:
        if c == ZWNJ:
            pos.append(i)
        else:
            i += 1
    return pos


def insert_zwnj(word: str, pos):
    out, last = [], 0
    for p in pos:
        if 0 < p < len(word) and word[p - 1] not in NON_JOINING and fold(word[p - 1]) not in NON_JOINING:
            out.append(word[last:p])
            out.append(ZWNJ)
            last = p
    out.append(word[last:])
    return "".join(out)


def repair_half_spaces(text: str, lex: Lexicon) -> str:
    # Tokenise into runs: (is_word, string).
    runs = []
    i, n = 0, len(text)
    while i < n:
        j = i
        w = is_word_char(text[i])
        while j < n and is_word_char(text[j]) == w:
            j += 1
        runs.append([w, text[i:j]])
        i = j

    out = []
    i = 0
    while i < len(runs):
        is_w, s = runs[i]
        if not is_w:
            out.append(s)
            i += 1
            continue
        # Spaced forms: word, single space, word.
        if i + 2 < len(runs) and runs[i + 1][1] == " " and runs[i + 2][0] and ZWNJ not in s:
            a, b = s, runs[i + 2][1]
            fa, fb = fold(a), fold(b)
            if ZWNJ not in b:
                # `X و Y` -> `X‌وY`
                if (JOIN_SPACED_VAV and fb == "و" and i + 4 < len(runs)
                        and runs[i + 3][1] == " " and runs[i + 4][0]
                        and ZWNJ not in runs[i + 4][1]):
                    form = lex.vav.get((fa, fold(runs[i + 4][1])))
                    if form is not None:
                        out.append(a + ZWNJ + b + runs[i + 4][1])
                        i += 5
                        continue
                glued = lex.analyze_spaced(fa, fb)
                if glued is not None:
                    out.append(a + glued + b)
                    i += 3
                    continue
        if ZWNJ in s:
            out.append(s)
        else:
            form = lex.analyze(fold(s))
            out.append(insert_zwnj(s, zwnj_positions(form)) if form else s)
        i += 1
    return "".join(out)


# ---------------------------------------------------------------- evaluation

def align(src: str, out: str):
    """Positions (in src) where the repair put a ZWNJ: ('sp', i) replaced the
    space at i, ('ins', i) inserted before src[i]."""
    pred = set()
    i = j = 0
    while j < len(out):
        if i < len(src) and src[i] == out[j]:
            i += 1
            j += 1
        elif out[j] == ZWNJ and i < len(src) and src[i] == " ":
            pred.add(("sp", i))
            i += 1
            j += 1
        elif out[j] == ZWNJ:
            pred.add(("ins", i))
            j += 1
        elif i < len(src) and src[i] == " ":
            i += 1  # a space removed (`X و Y`)
        else:
            raise AssertionError(f"repair changed a letter at {i}: {src[i-5:i+5]!r} -> {out[j-5:j+5]!r}")
    assert i == len(src), "repair dropped text"
    return pred


def evaluate(lines, lex, mode):
    tp = fp = fn = fn_vis = gold_n = gold_vis = 0
    errs_fp, errs_fn = {}, {}
    for orig in lines:
        if mode == "removed":
            src, gold, i = [], set(), 0
            for c in orig:
                if c == ZWNJ:
                    gold.add(("ins", i))
                else:
                    src.append(c)
                    i += 1
            src = "".join(src)
        else:
            src = orig.replace(ZWNJ, " ")
            gold = {("sp", i) for i, c in enumerate(orig) if c == ZWNJ}
        out = repair_half_spaces(src, lex)
        pred = align(src, out)
        # idempotence
        assert repair_half_spaces(out, lex) == out, out
        tp += len(pred & gold)
        fp += len(pred - gold)
        for kind, p in gold:
            prev = src[p - 1] if p > 0 else ""
            vis = prev not in NON_JOINING
            gold_n += 1
            gold_vis += vis
            if (kind, p) not in pred:
                fn += 1
                fn_vis += vis
                if vis:
                    w = word_at(orig, src, p, mode)
                    errs_fn[w] = errs_fn.get(w, 0) + 1
        for kind, p in pred - gold:
            w = word_at(orig, src, p, mode)
            errs_fp[w] = errs_fp.get(w, 0) + 1
    prec = tp / (tp + fp) if tp + fp else 1.0
    return {
        "mode": mode, "gold": gold_n, "gold_visible": gold_vis, "inserted": tp + fp,
        "correct": tp, "precision": round(prec, 4),
        "recall": round(tp / gold_n, 4), "recall_visible": round((gold_vis - fn_vis) / gold_vis, 4),
        "fp": sorted(errs_fp.items(), key=lambda x: -x[1])[:40],
        "fn": sorted(errs_fn.items(), key=lambda x: -x[1])[:40],
    }


def word_at(orig, src, p, mode):
    a = p
    while a > 0 and (is_word_char(src[a - 1]) or (mode == "spaced" and src[a - 1] == " " and a == p)):
        a -= 1
    b = p
    while b < len(src) and (is_word_char(src[b]) or (mode == "spaced" and src[b] == " " and b == p)):
        b += 1
    return src[a:b]


def main():
    here = Path(__file__).resolve().parent
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    lexpath = args[0] if len(args) > 0 else here / "halfspace-lexicon.txt"
    ud = Path(args[1] if len(args) > 1 else "/work/shared/fixtures/text/ud-persian")
    sample = Path(args[2] if len(args) > 2 else "/work/shared/fixtures/text/scraped-news-fa.txt")
    t0 = time.perf_counter()
    lex = Lexicon(lexpath)
    print(f"lexicon: {Path(lexpath).stat().st_size} bytes, split={len(lex.split)} words={len(lex.words)} "
          f"present={len(lex.present)} past={len(lex.past)}, loaded in {time.perf_counter() - t0:.3f}s")
    lines = []
    for f in sorted(ud.glob("*.sentences.txt")):
        lines += [l.rstrip("\n") for l in open(f, encoding="utf8") if l.strip()]
    for mode in ("removed", "spaced"):
        r = evaluate(lines, lex, mode)
        print(f"\n== {mode}: gold={r['gold']} (visible {r['gold_visible']}) inserted={r['inserted']} "
              f"correct={r['correct']} precision={r['precision']} recall={r['recall']} "
              f"recall_visible={r['recall_visible']}")
        if "-v" in sys.argv:
            print("FP:", r["fp"])
            print("FN:", r["fn"])
    text = "\n".join(l.replace(ZWNJ, "") for l in lines)
    t0 = time.perf_counter()
    repair_half_spaces(text, lex)
    dt = time.perf_counter() - t0
    nbytes = len(text.encode("utf8"))
    print(f"\nspeed: {nbytes} bytes in {dt:.3f}s = {nbytes / dt / 1e6:.2f} MB/s (Python)")
    s = open(sample, encoding="utf8").read()
    rs = repair_half_spaces(s, lex)
    targets = ["دقیقهای", "گفتوگو", "رئیسجمهور", "تنشها", "تحریمها", "میکند", "میشود",
               "هستهای", "منطقهای", "مشترکالمنافع"]
    print("\nscraped sample:")
    import re
    words_out = set(re.findall("[\u0600-\u06FF\u200c]+", rs))
    for t in targets:
        fixed = [w for w in words_out if w.replace(ZWNJ, "") == t and ZWNJ in w]
        print(f"  {t} -> {fixed[0] if fixed else 'NOT REPAIRED'}  ok={bool(fixed) and t not in words_out}")
    for a, b in [("گفت و گو", "گفت‌وگو"), ("می تواند", "می‌تواند"), ("50 دقیقه ای", "50 دقیقه‌ای")]:
        print(f"  {a!r} -> {b in rs}")
    if "-v" in sys.argv:
        print(rs)


if __name__ == "__main__":
    main()
