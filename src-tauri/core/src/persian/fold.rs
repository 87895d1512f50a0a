//! Search folding: one function that maps every way of typing a Persian word
//! to one form. It is applied to every document before indexing and to every
//! query, so a reader finds a word however it was typed.
//!
//! The conventions (see also README "Search"):
//! - Arabic yeh `ي` `ى` and yeh with hamza `ئ` → Persian `ی`; Arabic kaf `ك` → `ک`.
//! - Heh variants `ە ہ ھ ۃ ۀ` and teh marbuta `ة` → `ه`.
//! - Alef variants `أ إ ٱ آ` → `ا`; `ؤ` → `و`; a lone hamza `ء` is dropped.
//! - Harakat (U+064B–U+065F), superscript alef (U+0670) and tatweel (U+0640)
//!   are dropped; presentation forms are mapped by NFKC.
//! - Digits of all three scripts (`۵`, `٥`, `5`) → ASCII.
//! - Half-space (ZWNJ), a soft hyphen written in its place (U+00AD), ZWJ and
//!   the direction marks LRM/RLM are dropped, so the half-spaced and joined
//!   forms meet: `می‌کند` = `می\u{AD}کند` = `میکند`.
//! - The other Arabic-script yehs (`ے ۓ ې ۑ`) and hehs (`ہ ۂ ھ ۃ ۿ`) fold
//!   with `ی` and `ه`: Urdu and Pashto spellings, and text typed on their
//!   keyboards, meet the Persian words.
//! - Spaced forms are joined where Persian writes one word: the verb prefixes
//!   `می`/`نمی` with the next word, plural and other suffixes (`ها`, `های`,
//!   `ای`, `ترین`…) with the word before, and known compounds from the
//!   lexicon (`رئیس جمهور`, `گفت و گو`): so `می کند` = `میکند` and
//!   `رئیس جمهور` = `رئیسجمهور`.
//! - Spelling pairs that no letter rule folds: `مسأله`/`مسئله` (both → `مسیله`
//!   after the rules above, via a small table).
//! - Latin letters are lower-cased.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// Words with a half-space, from shekar's compound list (see data/SOURCES.md).
const COMPOUND_WORDS: &str = include_str!("../../data/compound-words.txt");

/// Suffixes Persian writes joined (or half-spaced) to the word before.
const SUFFIXES: &[&str] = &[
    "ها",
    "های",
    "هایی",
    "هایم",
    "هایت",
    "هایش",
    "هایمان",
    "هایتان",
    "هایشان",
    "ای",
    "ام",
    "ات",
    "اش",
    "اند",
    "ایم",
    "اید",
    "تر",
    "ترین",
    "تری",
];

/// Whether a folded query word is one of the suffixes Persian writes joined
/// to the word before (`های`): searched alone, it finds the words that end
/// with it as well as the suffix written apart.
pub fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&word)
}

/// Verb prefixes Persian writes with a half-space before the stem.
const PREFIXES: &[&str] = &["می", "نمی"];

/// Spellings that differ by more than a letter rule, after folding.
const SPELLING_PAIRS: &[(&str, &str)] = &[
    ("مساله", "مسیله"),
    ("مسالهها", "مسیلهها"),
    ("مسالهای", "مسیلهای"),
];

/// Folds one character; `None` drops it.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    Some(match c {
        // The Arabic block first: most of a Persian text, and no letter
        // there has a case.
        '\u{0600}'..='\u{06FF}' => match c {
            // Yeh look-alikes: Arabic yeh and alef maksura, yeh with hamza,
            // yeh barree (Urdu `کے`, also typed for a final ی), and the
            // Pashto/Kurdish/Uyghur yehs.
            'ي' | 'ى' | 'ئ' | 'ۍ' | 'ێ' | 'ے' | 'ۓ' | 'ې' | 'ۑ' | 'ٸ' | 'ۦ' => 'ی',
            'ك' | 'ڪ' => 'ک',
            // Heh look-alikes: Kurdish ae, heh goal (Urdu `ہے`) and its
            // hamza form, heh doachashmee, heh with inverted v, teh marbuta.
            'ە' | 'ہ' | 'ۂ' | 'ھ' | 'ۃ' | 'ۀ' | 'ة' | 'ۿ' => 'ه',
            'أ' | 'إ' | 'ٱ' | 'آ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
            'ؤ' | 'ٶ' => 'و',
            'ء' => return None,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            c => c,
        },
        // Half-space, and the soft hyphen some editors write in its place.
        '\u{200C}' | '\u{00AD}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}' => return None,
        c if c.is_uppercase() => return c.to_lowercase().next(),
        c => c,
    })
}

/// Presentation forms and other compatibility characters that NFKC maps.
#[inline]
fn needs_nfkc(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF | 0xFF00..=0xFFEF)
}

/// Folds one character onto `out`.
#[inline]
fn push_folded(c: char, out: &mut String) {
    if needs_nfkc(c) {
        for d in std::iter::once(c).nfkc() {
            if let Some(f) = fold_char(d) {
                out.push(f);
            }
        }
    } else if let Some(f) = fold_char(c) {
        out.push(f);
    }
}

/// Folds the letters of a text without touching word boundaries.
pub fn fold_letters(text: &str, out: &mut String) {
    for c in text.chars() {
        push_folded(c, out);
    }
}

/// Whether a character is part of a word for folding and search: letters,
/// marks and digits (ZWNJ is inside words too, but it is folded away).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // Most of a Persian text: a table instead of Unicode's slow lookup.
        return arabic_block_word_chars()[(c as u32 - 0x0600) as usize];
    }
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{200C}' | '\u{00AD}' | '\u{200D}' | '\u{0640}' | '\u{064B}'
                ..='\u{065F}' | '\u{0670}'
        )
}

/// For each character of the Arabic block (U+0600–U+06FF), whether
/// [`is_word_char`] holds: computed once from Unicode's own properties.
fn arabic_block_word_chars() -> &'static [bool; 256] {
    static TABLE: OnceLock<[bool; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [false; 256];
        for (i, slot) in table.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).unwrap_or(' ');
            *slot = c.is_alphanumeric()
                || matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}');
        }
        table
    })
}

/// Known compounds, folded (`رییسجمهور`), and their first parts (`رییس`),
/// so that most word pairs are ruled out by one lookup without building the
/// joined form.
struct Compounds {
    joined: HashSet<String>,
    heads: HashSet<String>,
}

fn compounds() -> &'static Compounds {
    static SET: OnceLock<Compounds> = OnceLock::new();
    SET.get_or_init(|| {
        let mut joined = HashSet::default();
        let mut heads = HashSet::default();
        for line in COMPOUND_WORDS.lines().filter(|l| l.contains('\u{200C}')) {
            let mut folded = String::with_capacity(line.len());
            fold_letters(line.trim(), &mut folded);
            if let Some(head) = line.trim().split('\u{200C}').next() {
                let mut folded_head = String::new();
                fold_letters(head, &mut folded_head);
                heads.insert(folded_head);
            }
            joined.insert(folded);
        }
        Compounds { joined, heads }
    })
}

/// Whether `head` + `middle` + `tail` is a known compound.
fn is_compound(head: &str, middle: &str, tail: &str) -> bool {
    let compounds = compounds();
    if !compounds.heads.contains(head) {
        return false;
    }
    let mut probe = String::with_capacity(head.len() + middle.len() + tail.len());
    probe.push_str(head);
    probe.push_str(middle);
    probe.push_str(tail);
    compounds.joined.contains(&probe)
}

fn is_persian_word(word: &str) -> bool {
    word.chars().next().is_some_and(crate::text::is_rtl_letter)
}

/// Folds a text for the search index or a query: letters folded, words
/// separated by single spaces, spaced compounds joined. Punctuation is kept
/// as a separator (the index tokenizer drops it).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The folded words of the current run (words between punctuation), one
    // after another in `run`, each a span of it: no allocation per word.
    let mut run = String::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut word_start: Option<usize> = None;
    let end_word =
        |run: &mut String, spans: &mut Vec<(usize, usize)>, start: &mut Option<usize>| {
            if let Some(s) = start.take() {
                if run.len() > s {
                    spans.push((s, run.len()));
                }
            }
        };
    for c in text.chars() {
        if is_word_char(c) || needs_nfkc(c) {
            if word_start.is_none() {
                word_start = Some(run.len());
            }
            push_folded(c, &mut run);
        } else {
            end_word(&mut run, &mut spans, &mut word_start);
            if !c.is_whitespace() {
                // Punctuation ends a run of words that may be joined.
                join_words(&run, &spans, &mut out);
                run.clear();
                spans.clear();
                out.push(c);
                out.push(' ');
            }
        }
    }
    end_word(&mut run, &mut spans, &mut word_start);
    join_words(&run, &spans, &mut out);
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Writes a run of folded words (`spans` of `run`), joining the spaced
/// forms of one word, each followed by a space.
fn join_words(run: &str, spans: &[(usize, usize)], out: &mut String) {
    let word = |i: usize| spans.get(i).map(|&(s, e)| &run[s..e]);
    let mut i = 0;
    while let Some(first) = word(i) {
        let start = out.len();
        out.push_str(first);
        i += 1;
        loop {
            let current = &out[start..];
            match (word(i), word(i + 1)) {
                // گفت و گو → گفتوگو
                (Some("و"), Some(third)) if is_compound(current, "و", third) => {
                    out.push('و');
                    out.push_str(third);
                    i += 2;
                }
                (Some(next), _)
                    if is_persian_word(next)
                        && (PREFIXES.contains(&current)
                            || SUFFIXES.contains(&next)
                            || is_compound(current, "", next)) =>
                {
                    out.push_str(next);
                    i += 1;
                }
                _ => break,
            }
        }
        if let Some((_, to)) = SPELLING_PAIRS
            .iter()
            .find(|(from, _)| *from == &out[start..])
        {
            out.truncate(start);
            out.push_str(to);
        }
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: forms that must fold to the same text, and why.
    const SAME: &[(&[&str], &str)] = &[
        (
            &["میکند", "می‌کند", "می کند"],
            "verb prefix joined, half-spaced or spaced",
        ),
        (
            &["رئیسجمهور", "رئیس‌جمهور", "رئیس جمهور", "رييس جمهور"],
            "compound, also with Arabic yeh",
        ),
        (&["تنشها", "تنش‌ها", "تنش ها"], "plural suffix"),
        (&["گفتوگو", "گفت‌وگو", "گفت و گو"], "compound with و"),
        (&["رئیس", "رییس", "رئيس"], "hamza seat spelling pair"),
        (&["مسئله", "مسأله"], "spelling pair"),
        (
            &["کتاب", "كتاب", "کِتاب", "كِتَاب", "کتـــاب"],
            "Arabic kaf, harakat, tatweel",
        ),
        (
            &["۵۰ دقیقه", "٥٠ دقيقه", "50 دقیقه"],
            "digits of three scripts, Arabic yeh",
        ),
        (&["خانه‌ای", "خانهای", "خانه ای"], "suffix after heh"),
        (&["خانۀ", "خانه"], "heh with hamza (ezafe)"),
        (&["ﻛﺘﺎﺏ", "کتاب"], "presentation forms"),
        (&["آمریکا", "امریکا"], "alef madda"),
        (&["Tauri", "TAURI", "tauri"], "Latin case"),
        (
            &["هی", "ہے", "هے", "ھی"],
            "yeh barree and heh goal (Urdu `ہے`, bbc_urdu.xml in the fixtures)",
        ),
        (
            &["کی", "کے"],
            "yeh barree for a final yeh (Urdu `کے`, bbc_urdu.xml)",
        ),
        (
            &["ہفته", "هفته"],
            "heh goal as a heh (`ہفتے` in bbc_urdu.xml)",
        ),
        (
            &["شعله", "شعلۂ", "شعلۀ"],
            "heh goal with hamza for heh with yeh (ezafe)",
        ),
        (
            &["میکند", "می\u{00AD}کند", "می\u{200C}کند"],
            "a soft hyphen where the half-space belongs",
        ),
        (
            &["کتابهای", "کتاب\u{00AD}های"],
            "a soft hyphen before a suffix",
        ),
    ];

    #[test]
    fn variants_fold_to_one_form() {
        for (forms, why) in SAME {
            let first = fold(forms[0]);
            for form in forms.iter().skip(1) {
                assert_eq!(fold(form), first, "{why}: {form} vs {}", forms[0]);
            }
        }
    }

    #[test]
    fn different_words_stay_different() {
        let pairs = [
            ("کتاب", "کتابخانه"),
            ("می", "من"),
            ("دقیقه", "دقیق"),
            ("ها", "هم"),
        ];
        for (a, b) in pairs {
            assert_ne!(fold(a), fold(b), "{a} and {b} are different words");
        }
    }

    #[test]
    fn punctuation_separates_and_words_keep_their_order() {
        assert_eq!(fold("سلام، دنیا!"), "سلام ، دنیا !");
        assert_eq!(fold("  Hello   World "), "hello world");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn a_prefix_never_joins_across_punctuation_or_latin() {
        assert_eq!(fold("می، کند"), "می ، کند");
        assert_eq!(fold("می Tauri"), "می tauri");
    }
}
