//! The letters and words of a text as the half-space repair sees them.

use std::borrow::Cow;

use super::halfspace::ZWNJ;

/// Letters of Persian words (Arabic script letters, harakat, tatweel) and ZWNJ.
pub(super) fn is_persian_letter_or_zwnj(c: char) -> bool {
    matches!(c as u32,
        0x0621..=0x063A | 0x0640..=0x065F | 0x0670 | 0x0671..=0x06D3 | 0x06D5
        | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF | 0x200C | 0x00AD)
}

/// A soft hyphen: some editors write it where a half-space belongs
/// (`می\u{AD}کند`); between letters it shows nothing and lets them join.
pub(super) const SOFT_HYPHEN: char = '\u{00AD}';

pub(super) fn is_arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Letters that do not join to the next letter: a ZWNJ after them shows nothing.
pub(super) fn is_non_joining(c: char) -> bool {
    matches!(
        c,
        'ا' | 'آ' | 'أ' | 'إ' | 'د' | 'ذ' | 'ر' | 'ز' | 'ژ' | 'و' | 'ؤ' | 'ة' | 'ۀ'
    )
}

fn fold_yeh_kaf_char(c: char) -> char {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        _ => c,
    }
}

/// Arabic yeh/kaf to Persian, for lookup only. Every mapping is two bytes to
/// two bytes, so byte offsets in the folded word are offsets in the original.
pub(super) fn fold_yeh_kaf(s: &str) -> Cow<'_, str> {
    // ي ى ك are D9 8A, D9 89, D9 83 in UTF-8: looked for in the bytes, as
    // every word is folded before it is looked up.
    let arabic = s
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xD9 && matches!(w[1], 0x83 | 0x89 | 0x8A));
    if arabic {
        Cow::Owned(s.chars().map(fold_yeh_kaf_char).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether a run is exactly one space (without a `memcmp` call: this is
/// asked between every two words).
#[inline]
pub(super) fn is_one_space(run: &str) -> bool {
    run.len() == 1 && run.as_bytes()[0] == b' '
}

/// A maximal run of word characters (`word`) or of everything else.
#[derive(Clone, Copy)]
pub(super) struct Run<'a> {
    pub(super) word: bool,
    pub(super) text: &'a str,
    /// Whether it has a half-space (asked of every word, several times).
    pub(super) has_zwnj: bool,
}

/// Splits text into maximal runs of word characters and of everything else.
pub(super) fn word_runs(text: &str) -> Vec<Run<'_>> {
    let mut runs = Vec::with_capacity(text.len() / 6 + 1);
    let mut start = 0;
    let mut kind: Option<bool> = None;
    let mut has_zwnj = false;
    for (i, c) in text.char_indices() {
        let w = is_persian_letter_or_zwnj(c);
        match kind {
            Some(k) if k == w => {}
            Some(k) => {
                runs.push(Run {
                    word: k,
                    text: &text[start..i],
                    has_zwnj,
                });
                start = i;
                kind = Some(w);
                has_zwnj = false;
            }
            None => kind = Some(w),
        }
        has_zwnj |= c == ZWNJ || c == SOFT_HYPHEN;
    }
    if let Some(k) = kind {
        runs.push(Run {
            word: k,
            text: &text[start..],
            has_zwnj,
        });
    }
    runs
}
