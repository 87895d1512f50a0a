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
//! - Half-space (ZWNJ), ZWJ and the direction marks LRM/RLM are dropped, so
//!   the half-spaced and joined forms meet: `می‌کند` = `میکند`.
//! - Spaced forms are joined where Persian writes one word: the verb prefixes
//!   `می`/`نمی` with the next word, plural and other suffixes (`ها`, `های`,
//!   `ای`, `ترین`…) with the word before, and known compounds from the
//!   lexicon (`رئیس جمهور`, `گفت و گو`): so `می کند` = `میکند` and
//!   `رئیس جمهور` = `رئیسجمهور`.
//! - Spelling pairs that no letter rule folds: `مسأله`/`مسئله` (both → `مسیله`
//!   after the rules above, via a small table).
//! - Latin letters are lower-cased.

use std::collections::HashSet;
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

/// Verb prefixes Persian writes with a half-space before the stem.
const PREFIXES: &[&str] = &["می", "نمی"];

/// Spellings that differ by more than a letter rule, after folding.
const SPELLING_PAIRS: &[(&str, &str)] = &[
    ("مساله", "مسیله"),
    ("مسالهها", "مسیلهها"),
    ("مسالهای", "مسیلهای"),
];

/// Folds one character; `None` drops it.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'ي' | 'ى' | 'ئ' | 'ۍ' | 'ێ' => 'ی',
        'ك' | 'ڪ' => 'ک',
        'ە' | 'ہ' | 'ھ' | 'ۃ' | 'ۀ' | 'ة' => 'ه',
        'أ' | 'إ' | 'ٱ' | 'آ' => 'ا',
        'ؤ' => 'و',
        'ء' => return None,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}' => return None,
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        'A'..='Z' => c.to_ascii_lowercase(),
        c if !c.is_ascii() && c.is_uppercase() => return c.to_lowercase().next(),
        c => c,
    })
}

/// Presentation forms and other compatibility characters that NFKC maps.
fn needs_nfkc(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF | 0xFF00..=0xFFEF)
}

/// Folds the letters of a text without touching word boundaries.
pub fn fold_letters(text: &str, out: &mut String) {
    for c in text.chars() {
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
}

/// Whether a character is part of a word for folding and search: letters,
/// marks and digits (ZWNJ is inside words too, but it is folded away).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{200C}' | '\u{200D}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        )
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
        let mut joined = HashSet::new();
        let mut heads = HashSet::new();
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
    let mut words: Vec<String> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut current = String::new();
    let flush = |current: &mut String, words: &mut Vec<String>| {
        if !current.is_empty() {
            let mut folded = String::with_capacity(current.len());
            fold_letters(current, &mut folded);
            if !folded.is_empty() {
                words.push(folded);
            }
            current.clear();
        }
    };
    for c in text.chars() {
        if is_word_char(c) || needs_nfkc(c) {
            current.push(c);
        } else {
            flush(&mut current, &mut words);
            if !c.is_whitespace() {
                // Punctuation ends a run of words that may be joined.
                join_words(&mut words, &mut out);
                out.push(c);
                out.push(' ');
            }
        }
    }
    flush(&mut current, &mut words);
    join_words(&mut words, &mut out);
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Writes a run of folded words, joining the spaced forms of one word.
fn join_words(words: &mut Vec<String>, out: &mut String) {
    let mut i = 0;
    while i < words.len() {
        let mut word = std::mem::take(&mut words[i]);
        i += 1;
        loop {
            let next = words.get(i).map(String::as_str);
            let after = words.get(i + 1).map(String::as_str);
            match (next, after) {
                // گفت و گو → گفتوگو
                (Some("و"), Some(third)) if is_compound(&word, "و", third) => {
                    word = format!("{word}و{third}");
                    i += 2;
                }
                (Some(next), _)
                    if is_persian_word(next)
                        && (PREFIXES.contains(&word.as_str())
                            || SUFFIXES.contains(&next)
                            || is_compound(&word, "", next)) =>
                {
                    word.push_str(next);
                    i += 1;
                }
                _ => break,
            }
        }
        if let Some((_, to)) = SPELLING_PAIRS.iter().find(|(from, _)| *from == word) {
            word = (*to).to_owned();
        }
        out.push_str(&word);
        out.push(' ');
    }
    words.clear();
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
