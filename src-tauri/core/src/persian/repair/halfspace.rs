//! Lost half-spaces (ZWNJ, U+200C), restored from the lexicon and the rules
//! described in [`super`].

use std::sync::OnceLock;

use super::compounds::{bound_heads, is_function_word};
use super::letters::{fold_yeh_kaf, is_non_joining, is_one_space, word_runs, SOFT_HYPHEN};

pub(super) const ZWNJ: char = '\u{200C}';

static LEXICON_TEXT: &str = include_str!("../../../data/halfspace-lexicon.txt");

/// Prefixes of the continuous/negative verb, longest first.
pub(super) const MI_PREFIXES: [&str; 9] = [
    "برنمی",
    "درنمی",
    "برمی",
    "درمی",
    "بازمی",
    "فرومی",
    "وامی",
    "نمی",
    "می",
];
/// Prefixes that, written apart (`می کند`), are joined to a following verb.
const SPACED_MI: [&str; 4] = ["نمی", "می", "برمی", "درمی"];
/// Person endings after a present stem (`می‌کنم` … `می‌کنند`).
const PRESENT_ENDINGS: [&str; 6] = ["م", "ی", "د", "یم", "ید", "ند"];
/// Person endings after a past stem (`می‌کرد` … `می‌کردند`).
const PAST_ENDINGS: [&str; 6] = ["", "م", "ی", "یم", "ید", "ند"];
/// Plural and plural-possessive suffixes, longest first.
pub(super) const HA_SUFFIXES: [&str; 9] = [
    "هایشان",
    "هایتان",
    "هایمان",
    "هایی",
    "هایم",
    "هایت",
    "هایش",
    "های",
    "ها",
];
/// Suffixes written with a half-space after a silent ه (`خانه‌ای`, `رفته‌اند`).
pub(super) const HEH_SUFFIXES: [&str; 7] = ["اید", "ایم", "اند", "ای", "ام", "ات", "اش"];
/// Comparative and superlative.
pub(super) const TAR_SUFFIXES: [&str; 2] = ["ترین", "تر"];
/// Suffixes written with a half-space after a final ی (`زندگی‌ام`); not `ات`
/// (`ادبیات`, `تجربیات` are words of their own).
const YEH_SUFFIXES: [&str; 6] = ["اید", "ایم", "اند", "ای", "ام", "اش"];

/// What kind of half-space joins two parts of a word: why the repair put it
/// there (shown to a reader who asks, and used to measure the repair by kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JoinKind {
    /// `می`/`نمی` (`برمی`…) before a verb: `می‌کند`.
    Mi,
    /// A plural or plural-possessive suffix: `کتاب‌ها`, `تنش‌هایش`.
    Plural,
    /// `ای`, `ام`, `اند`… after a final ه or ی: `خانه‌ای`, `رفته‌اند`.
    HehSuffix,
    /// `تر`, `ترین`: `مهم‌ترین`.
    Comparative,
    /// Two words written as one: `رئیس‌جمهور`, `گفت‌وگو`.
    Compound,
}

/// The kind of the half-space between `before` (the part of the word before
/// it) and `after` (the part after it).
pub fn explain_word_kind(before: &str, after: &str) -> JoinKind {
    let before = fold_yeh_kaf(before);
    let after = fold_yeh_kaf(after);
    if MI_PREFIXES.contains(&before.as_ref()) {
        JoinKind::Mi
    } else if HA_SUFFIXES.contains(&after.as_ref()) {
        JoinKind::Plural
    } else if TAR_SUFFIXES.contains(&after.as_ref()) {
        JoinKind::Comparative
    } else if HEH_SUFFIXES.contains(&after.as_ref())
        && (before.ends_with('ه') || before.ends_with('ی'))
    {
        JoinKind::HehSuffix
    } else {
        JoinKind::Compound
    }
}

/// Only the half-space step (for measurement).
pub fn repair_half_spaces(text: &str) -> String {
    let lex = lexicon();
    let runs = word_runs(text);
    let mut out = String::with_capacity(text.len() + text.len() / 16 + 8);
    let mut i = 0;
    while i < runs.len() {
        let run = runs[i];
        if !run.word {
            out.push_str(run.text);
            i += 1;
            continue;
        }
        let s = run.text;
        // Spaced forms: word, one space, word (neither with a half-space).
        let next_word = |at: usize| runs.get(at).filter(|r| r.word && !r.has_zwnj);
        let one_space = |at: usize| runs.get(at).is_some_and(|r| is_one_space(r.text));
        if !run.has_zwnj && one_space(i + 1) {
            if let Some(second) = next_word(i + 2) {
                let (a, b) = (s, second.text);
                let (fa, fb) = (fold_yeh_kaf(a), fold_yeh_kaf(b));
                // `X و Y` -> `X‌وY` (`گفت و گو` -> `گفت‌وگو`).
                if fb == "و" && one_space(i + 3) {
                    if let Some(third) = next_word(i + 4) {
                        if lex.is_vav_pair(&fa, &fold_yeh_kaf(third.text)) {
                            out.push_str(a);
                            out.push(ZWNJ);
                            out.push_str(b);
                            out.push_str(third.text);
                            i += 5;
                            continue;
                        }
                    }
                }
                if let Some(glue) = lex.analyze_spaced(&fa, &fb) {
                    out.push_str(a);
                    if glue == Glue::Zwnj {
                        out.push(ZWNJ);
                    }
                    out.push_str(b);
                    i += 3;
                    // A suffix after the joined word: `موضع گیری های`.
                    let mut joined = format!("{fa}{fb}");
                    while one_space(i) {
                        let Some(next) = next_word(i + 1) else { break };
                        let fc = fold_yeh_kaf(next.text);
                        let Some(glue) = lex.analyze_spaced_suffix(&joined, &fc) else {
                            break;
                        };
                        if glue == Glue::Zwnj {
                            out.push(ZWNJ);
                        }
                        out.push_str(next.text);
                        joined.push_str(&fc);
                        i += 2;
                    }
                    continue;
                }
            }
        }
        if run.has_zwnj {
            // A word that has its half-space keeps it; a soft hyphen in its
            // place becomes one.
            if s.contains(SOFT_HYPHEN) {
                // Only between two Persian letters (not at the run's edge,
                // next to a Latin word).
                let inner = s.len() - SOFT_HYPHEN.len_utf8();
                for (at, c) in s.char_indices() {
                    let between = at > 0 && at < inner;
                    out.push(if c == SOFT_HYPHEN && between { ZWNJ } else { c });
                }
            } else {
                out.push_str(s);
            }
        } else {
            match lex.analyze(&fold_yeh_kaf(s)) {
                Some(positions) => push_with_zwnj(&mut out, s, &positions),
                None => out.push_str(s),
            }
        }
        i += 1;
    }
    out
}

// ---------------------------------------------------------------- lexicon

// FxHash (rustc-hash 2, whose finish mixes the low bits that pick a
// bucket): the lexicon is trusted data, no need for SipHash.
pub(super) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub(super) type FxSet<K> = rustc_hash::FxHashSet<K>;

pub(super) struct Lexicon {
    /// Joined key -> (form with half-spaces, frequency class).
    pub(super) split: FxMap<String, (&'static str, u8)>,
    /// Joined words kept as they are -> frequency class.
    pub(super) words: FxMap<&'static str, u8>,
    /// The 64-bit hashes of `words`: what every word of a text is looked up
    /// in first, 8 bytes a word where `words` holds a pointer to its text,
    /// so the lookup stays in cache (a collision, about 1 in 10^14 per
    /// word, would only leave a word unrepaired).
    word_hashes: FxSet<u64>,
    pub(super) present: FxSet<&'static str>,
    pub(super) past: FxSet<&'static str>,
    /// `X‌وY` verb-stem pairs: X -> [Y].
    vav: FxMap<&'static str, Vec<&'static str>>,
    /// Second parts that are seldom words alone (`سازی`, `گذاری`, `شناسی`,
    /// `آمیز`): a known word before one, written apart, is a compound.
    pub(super) bound_heads: FxSet<&'static str>,
    /// The longest of them, in bytes.
    pub(super) bound_head_bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Glue {
    /// Put a ZWNJ where the space was.
    Zwnj,
    /// Remove the space (after a non-joining letter a ZWNJ shows nothing).
    Join,
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(LEXICON_TEXT))
}

impl Lexicon {
    fn parse(text: &'static str) -> Lexicon {
        let mut lex = Lexicon {
            split: FxMap::default(),
            words: FxMap::default(),
            word_hashes: FxSet::default(),
            present: FxSet::default(),
            past: FxSet::default(),
            vav: FxMap::default(),
            bound_heads: FxSet::default(),
            bound_head_bytes: 0,
        };
        lex.split.reserve(16_384);
        lex.words.reserve(65_536);
        let mut section = "";
        for line in text.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let (word, class) = match line.split_once('\t') {
                Some((w, c)) => (w, c.parse::<u8>().unwrap_or(0)),
                None => (line, 0),
            };
            match section {
                "[split]" => {
                    lex.split.insert(word.replace(ZWNJ, ""), (word, class));
                }
                "[word]" => {
                    lex.words.insert(word, class);
                }
                "[present]" => {
                    lex.present.insert(word);
                }
                "[past]" => {
                    lex.past.insert(word);
                }
                _ => {}
            }
        }
        // `X‌وY` words whose parts are verb stems (`گفت‌وگو`, `جست‌وجو`): their
        // spaced spelling `X و Y` is a mistake. `کسب و کار`, `آموزش و پرورش`
        // are often correctly spaced and are not listed.
        let mut vav: FxMap<&'static str, Vec<&'static str>> = FxMap::default();
        for &(form, _) in lex.split.values() {
            let mut parts = form.split(ZWNJ);
            let (Some(x), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            let Some(y) = second.strip_prefix('و') else {
                continue;
            };
            if y.is_empty() {
                continue;
            }
            if (lex.past.contains(x) || lex.present.contains(x)) && lex.present.contains(y) {
                vav.entry(x).or_default().push(y);
            }
        }
        lex.vav = vav;
        lex.bound_heads = bound_heads(&lex);
        lex.bound_head_bytes = lex.bound_heads.iter().map(|h| h.len()).max().unwrap_or(0);
        // A joined word that also has a split form is looked up as split, so
        // `words` can be asked first: most words of a text are in it, and
        // are then found with one lookup.
        let split = &lex.split;
        lex.words.retain(|word, _| !split.contains_key(*word));
        lex.word_hashes = lex.words.keys().map(|w| word_hash(w)).collect();
        lex
    }

    pub(super) fn is_vav_pair(&self, x: &str, y: &str) -> bool {
        self.vav.get(x).is_some_and(|ys| ys.contains(&y))
    }

    pub(super) fn is_verb_form(&self, rest: &str) -> bool {
        PRESENT_ENDINGS.iter().any(|e| {
            rest.strip_suffix(e)
                .is_some_and(|s| self.present.contains(s))
        }) || PAST_ENDINGS
            .iter()
            .any(|e| rest.strip_suffix(e).is_some_and(|s| self.past.contains(s)))
    }

    /// The written form of a known stem (with its own half-spaces) and its
    /// frequency class.
    pub(super) fn stem_form(&self, stem: &str) -> Option<(&'static str, u8)> {
        if let Some(&(form, class)) = self.split.get(stem) {
            return Some((form, class));
        }
        self.words.get_key_value(stem).map(|(&w, &c)| (w, c))
    }

    /// `a b` (folded words, one space between): how to glue them, or `None`
    /// to keep the space.
    fn analyze_spaced(&self, a: &str, b: &str) -> Option<Glue> {
        let glue = match a.chars().next_back() {
            Some(c) if is_non_joining(c) => Glue::Join,
            Some(_) => Glue::Zwnj,
            None => return None,
        };
        let split_at_a = || {
            let ab = format!("{a}{b}");
            self.split
                .get(ab.as_str())
                .is_some_and(|&(form, _)| form.strip_prefix(a).is_some_and(|r| r.starts_with(ZWNJ)))
        };
        // The prefixes below are at most 8 bytes long, the suffixes 12.
        if a.len() > 8 && b.len() > 12 {
            return self.spaced_compound(a, b, glue);
        }
        if SPACED_MI.contains(&a) {
            return (self.is_verb_form(b) || split_at_a()).then_some(glue);
        }
        if let Some(glue) = self.analyze_spaced_suffix(a, b) {
            return Some(glue);
        }
        if HA_SUFFIXES.contains(&b) || TAR_SUFFIXES.contains(&b) {
            return None;
        }
        if HEH_SUFFIXES.contains(&b) {
            let heh_word =
                a.ends_with('ه') && a.chars().count() >= 3 && self.stem_form(a).is_some();
            // `زندگی ام`, `رفتی اند` is not Persian; `ای` after ی is left
            // alone: it is also the vocative (`گفتی ای دوست`).
            let yeh_word = a.ends_with('ی')
                && b != "ای"
                && YEH_SUFFIXES.contains(&b)
                && a.chars().count() >= 3
                && self.stem_form(a).is_some();
            return (heh_word || yeh_word || split_at_a()).then_some(glue);
        }
        self.spaced_compound(a, b, glue)
    }

    /// `a b` where `b` is a plural or comparative suffix written apart from a
    /// known word (`کتاب ها`, `مهم ترین`).
    fn analyze_spaced_suffix(&self, a: &str, b: &str) -> Option<Glue> {
        let glue = match a.chars().next_back() {
            Some(c) if is_non_joining(c) => Glue::Join,
            Some(_) => Glue::Zwnj,
            None => return None,
        };
        let suffix =
            HA_SUFFIXES.contains(&b) || (TAR_SUFFIXES.contains(&b) && !is_function_word(a));
        (suffix && self.stem_form(a).is_some()).then_some(glue)
    }

    /// One joined word (folded, no ZWNJ) -> byte offsets where half-spaces go.
    fn analyze(&self, k: &str) -> Option<Vec<usize>> {
        if self.word_hashes.contains(&word_hash(k)) {
            return None;
        }
        if let Some(&(form, _)) = self.split.get(k) {
            return Some(form_positions(form, 0));
        }
        for p in MI_PREFIXES {
            if let Some(rest) = k.strip_prefix(p) {
                if !rest.is_empty() && self.is_verb_form(rest) {
                    return Some(vec![p.len()]);
                }
            }
        }
        // ه-final word + ای/ام/… or word + ها/های/…; the more frequent stem
        // wins, ties go to the ه reading (`دقیقهای` is not `دقیق‌های`).
        let mut heh: Option<(Vec<usize>, u32)> = None;
        for suf in HEH_SUFFIXES {
            let Some(base) = k.strip_suffix(suf) else {
                continue;
            };
            if base.chars().count() >= 3 && base.ends_with('ه') {
                if let Some((form, class)) = self.stem_form(base) {
                    let before_heh = &base[..base.len() - 'ه'.len_utf8()];
                    // A past participle (`نشسته`) wins: `نشستهایم` is نشسته‌ایم.
                    let participle = (before_heh.ends_with('ت') || before_heh.ends_with('د'))
                        && self.past.contains(before_heh);
                    let weight = if participle { 1000 } else { u32::from(class) };
                    heh = Some((stem_positions(form, base.len()), weight));
                    break;
                }
            }
        }
        let mut ha: Option<(Vec<usize>, u32)> = None;
        for suf in HA_SUFFIXES {
            let Some(stem) = k.strip_suffix(suf) else {
                continue;
            };
            if stem.chars().count() >= 2 {
                if let Some((form, class)) = self.stem_form(stem) {
                    ha = Some((stem_positions(form, stem.len()), u32::from(class)));
                }
                break;
            }
        }
        match (heh, ha) {
            (Some((h, hw)), Some((_, aw))) if hw >= aw => return Some(h),
            (Some((h, _)), None) => return Some(h),
            (_, Some((a, _))) => return Some(a),
            (None, None) => {}
        }
        // Comparative and superlative: `ژرفتر` -> ژرف‌تر.
        for suf in TAR_SUFFIXES {
            let Some(stem) = k.strip_suffix(suf) else {
                continue;
            };
            if stem.chars().count() >= 2 {
                if let Some((form, _)) = self.stem_form(stem) {
                    return Some(stem_positions(form, stem.len()));
                }
                break;
            }
        }
        // ی-final word + ام/اش/…: `زندگیام` -> زندگی‌ام.
        for suf in YEH_SUFFIXES {
            let Some(base) = k.strip_suffix(suf) else {
                continue;
            };
            if base.chars().count() >= 3 && base.ends_with('ی') {
                if let Some((form, _)) = self.stem_form(base) {
                    return Some(stem_positions(form, base.len()));
                }
            }
            break;
        }
        self.glued_compound(k)
    }
}

fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// Byte offsets (in the form without ZWNJ, plus `base`) before which the form
/// has a ZWNJ.
fn form_positions(form: &str, base: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = base;
    for c in form.chars() {
        if c == ZWNJ {
            out.push(i);
        } else {
            i += c.len_utf8();
        }
    }
    out
}

/// Half-spaces of a stem's form, then one after the stem (`stem_len` bytes).
pub(super) fn stem_positions(form: &str, stem_len: usize) -> Vec<usize> {
    let mut out = form_positions(form, 0);
    out.push(stem_len);
    out
}

/// Pushes `word` with a ZWNJ before each byte offset in `positions`, except
/// at the edges and after a non-joining letter.
fn push_with_zwnj(out: &mut String, word: &str, positions: &[usize]) {
    let mut last = 0;
    for &p in positions {
        if p == 0 || p >= word.len() || p < last || !word.is_char_boundary(p) {
            continue;
        }
        let prev = word[..p].chars().next_back();
        if prev.is_none_or(is_non_joining) {
            continue;
        }
        out.push_str(&word[last..p]);
        out.push(ZWNJ);
        last = p;
    }
    out.push_str(&word[last..]);
}
