//! Why a word was repaired: each word whose half-spaces the repair put back
//! is marked, with the kind of join (`می` + verb, plural, suffix after ه,
//! comparative, compound) and whether the lexicon or a rule knew it, so the
//! reader can tell a user who taps the word.

use super::halfspace::{explain_word_kind, lexicon, JoinKind, ZWNJ};
use super::letters::{fold_yeh_kaf, is_persian_letter_or_zwnj, SOFT_HYPHEN};

/// Starts a marked word; the kind and the source follow as one character each.
pub(crate) const MARK_START: char = '\u{E001}';
/// Ends a marked word.
pub(crate) const MARK_END: char = '\u{E002}';
/// The first of the characters that stand for a kind (`JoinKind` order),
/// then for a source (lexicon, rule).
const KIND_BASE: u32 = 0xE010;
const FROM_LEXICON: char = '\u{E018}';
const FROM_RULE: char = '\u{E019}';

/// Whether `c` is one of the marks (they never reach the web view).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0xE001..=0xE002 | 0xE010..=0xE019)
}

const KINDS: [(JoinKind, &str); 5] = [
    (JoinKind::Mi, "mi"),
    (JoinKind::Plural, "plural"),
    (JoinKind::HehSuffix, "suffix"),
    (JoinKind::Comparative, "comparative"),
    (JoinKind::Compound, "compound"),
];

/// The name of a kind mark (`data-join` in the reader).
pub(crate) fn kind_name(mark: char) -> Option<&'static str> {
    let index = (mark as u32).checked_sub(KIND_BASE)? as usize;
    KINDS.get(index).map(|(_, name)| *name)
}

/// The name of a source mark (`data-from`).
pub(crate) fn source_name(mark: char) -> Option<&'static str> {
    match mark {
        FROM_LEXICON => Some("lexicon"),
        FROM_RULE => Some("rule"),
        _ => None,
    }
}

fn kind_mark(kind: JoinKind) -> char {
    let index = KINDS.iter().position(|(k, _)| *k == kind).unwrap_or(4);
    char::from_u32(KIND_BASE + index as u32).unwrap_or(MARK_END)
}

/// `repaired` (the half-space step's output for `original`) with every word
/// it changed between [`MARK_START`], a kind and a source mark, and
/// [`MARK_END`]. The step only puts a ZWNJ in, turns a space or a soft
/// hyphen into one, or takes a space out, so the two texts align letter by
/// letter.
pub(crate) fn mark_repaired_words(original: &str, repaired: &str) -> String {
    // Byte offsets in `repaired` where a change is.
    let mut changes: Vec<usize> = Vec::new();
    let mut o = original.char_indices().peekable();
    for (at, r) in repaired.char_indices() {
        match o.peek().copied() {
            Some((_, c)) if c == r => {
                o.next();
            }
            Some((_, ' ' | SOFT_HYPHEN)) if r == ZWNJ => {
                o.next();
                changes.push(at);
            }
            Some(_) if r == ZWNJ => changes.push(at),
            Some((_, ' ')) => {
                // A space taken out: the join is before this letter.
                o.next();
                changes.push(at);
                if o.peek().is_some_and(|(_, c)| *c == r) {
                    o.next();
                }
            }
            _ => return repaired.to_owned(),
        }
    }
    if changes.is_empty() {
        return repaired.to_owned();
    }
    let mut out = String::with_capacity(repaired.len() + changes.len() * 12);
    let mut last = 0;
    let mut next_change = changes.iter().peekable();
    // Each word of `repaired` (a run of Persian letters and ZWNJ) with a change in it.
    let mut start: Option<usize> = None;
    let ends = repaired
        .char_indices()
        .map(|(i, c)| (i, is_persian_letter_or_zwnj(c)))
        .chain([(repaired.len(), false)]);
    for (i, in_word) in ends {
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                start = None;
                while next_change.peek().is_some_and(|&&c| c < s) {
                    next_change.next();
                }
                let Some(&&first) = next_change.peek().filter(|&&&c| c < i) else {
                    continue;
                };
                let word = &repaired[s..i];
                let at = first - s;
                let before = word[..at].rsplit(ZWNJ).next().unwrap_or("");
                let after = word[at..]
                    .trim_start_matches(ZWNJ)
                    .split(ZWNJ)
                    .next()
                    .unwrap_or("");
                let kind = explain_word_kind(before, after);
                let key: String = fold_yeh_kaf(word).chars().filter(|c| *c != ZWNJ).collect();
                let from = if lexicon().split.contains_key(key.as_str()) {
                    FROM_LEXICON
                } else {
                    FROM_RULE
                };
                out.push_str(&repaired[last..s]);
                out.push(MARK_START);
                out.push(kind_mark(kind));
                out.push(from);
                out.push_str(word);
                out.push(MARK_END);
                last = i;
            }
            _ => {}
        }
    }
    out.push_str(&repaired[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::repair_half_spaces;
    use super::*;

    fn marked(text: &str) -> String {
        mark_repaired_words(text, &repair_half_spaces(text))
            .replace(MARK_START, "[")
            .replace(MARK_END, "]")
            .chars()
            .map(|c| match (kind_name(c), source_name(c)) {
                (Some(k), _) => format!("{k}:"),
                (_, Some(s)) => format!("{s} "),
                _ => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn each_repaired_word_says_why() {
        let rows = [
            (
                "او میکند",
                "او [mi:lexicon می\u{200c}کند]",
                "a common می verb the lexicon knows",
            ),
            (
                "او میخروشید",
                "او [mi:rule می\u{200c}خروشید]",
                "می + a verb, by the rule",
            ),
            (
                "کتاب ها",
                "[plural:lexicon کتاب\u{200c}ها]",
                "a plural the lexicon knows",
            ),
            (
                "رئیس جمهور آمد",
                "[compound:lexicon رئیس\u{200c}جمهور] آمد",
                "a spaced compound",
            ),
            (
                "مهم ترین خبر",
                "[comparative:lexicon مهم\u{200c}ترین] خبر",
                "a superlative",
            ),
            ("دقیقهای", "[suffix:lexicon دقیقه\u{200c}ای]", "ای after ه"),
            (
                "کشور ها",
                "[plural:rule کشورها]",
                "a space taken out after ر",
            ),
            ("خانه بزرگ", "خانه بزرگ", "nothing repaired, nothing marked"),
        ];
        for (input, want, why) in rows {
            assert_eq!(marked(input), want, "{why}");
        }
    }
}
