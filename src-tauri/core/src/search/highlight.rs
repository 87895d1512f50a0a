//! Highlights and snippets cut from the original text: each original word
//! is folded and compared with the query's terms, so a hit is marked however
//! it was spelled.

use super::{Term, TextPart};
use crate::persian::fold::{fold_letters, is_suffix, is_word_char};

/// Where each word of `text` is (byte ranges), without folding any.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word_char(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Whether `pieces` written together spell `term` (or, for a prefix term,
/// begin with it), compared piece by piece without joining them. Every piece
/// must be needed: a prefix that ends before the last piece does not make
/// that piece a hit (`کتاب*` marks `کتابها`, not `کتابها را`).
fn spells(pieces: &[String], term: &str, prefix: bool) -> bool {
    let mut rest = term;
    for (n, piece) in pieces.iter().enumerate() {
        if rest.is_empty() {
            return false;
        }
        if let Some(after) = rest.strip_prefix(piece.as_str()) {
            rest = after;
        } else {
            return prefix && n + 1 == pieces.len() && piece.starts_with(rest);
        }
    }
    rest.is_empty()
}

/// Marks the words of `text` that match the terms, also when the text spells
/// a term in two or three words (`می کند`, `گفت و گو`), and cuts a window of
/// about `max_words` around the first hit. Words are folded as the scan
/// reaches them, and the scan stops at the end of the window: a snippet of a
/// long article costs the words up to its first hit, not the whole text.
pub fn highlight(text: &str, terms: &[Term], max_words: usize) -> Vec<TextPart> {
    let words = word_spans(text);
    let mut folded: Vec<String> = Vec::new();
    let mut hit = vec![false; words.len()];
    let wanted: Vec<(&str, bool)> = terms
        .iter()
        .flat_map(|t| match t {
            Term::Word { text, prefix } => vec![(text.as_str(), *prefix)],
            Term::Phrase(words) => words.iter().map(|w| (w.as_str(), false)).collect(),
        })
        .collect();
    let matches = |pieces: &[String]| {
        wanted.iter().any(|(term, prefix)| {
            spells(pieces, term, *prefix)
                || (!prefix && is_suffix(term) && pieces.len() == 1 && pieces[0].ends_with(term))
        })
    };
    // The window: from a few words before the first hit (or the whole text
    // when it is short enough).
    let mut window = (words.len() <= max_words).then_some((0, words.len()));
    for i in 0..words.len() {
        if window.is_some_and(|(_, last)| i >= last) {
            break;
        }
        while folded.len() < (i + 3).min(words.len()) {
            let (start, end) = words[folded.len()];
            let mut word = String::new();
            fold_letters(&text[start..end], &mut word);
            folded.push(word);
        }
        if matches(&folded[i..=i]) {
            hit[i] = true;
        }
        for span in [2, 3] {
            if i + span <= words.len() && matches(&folded[i..i + span]) {
                hit[i..i + span].iter_mut().for_each(|h| *h = true);
            }
        }
        if window.is_none() && hit[i] {
            let first = i.saturating_sub(6).min(words.len() - max_words);
            window = Some((first, first + max_words));
        }
    }
    let (first, last) = window.unwrap_or((0, max_words.min(words.len())));
    let mut parts: Vec<TextPart> = Vec::new();
    let push = |parts: &mut Vec<TextPart>, text: &str, is_hit: bool| {
        if text.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(last) if last.hit == is_hit => last.text.push_str(text),
            _ => parts.push(TextPart {
                text: text.to_owned(),
                hit: is_hit,
            }),
        }
    };
    if words.is_empty() {
        push(&mut parts, text, false);
        return parts;
    }
    let window_start = if first == 0 { 0 } else { words[first].0 };
    let window_end = if last == words.len() {
        text.len()
    } else {
        words[last - 1].1
    };
    if first > 0 {
        push(&mut parts, "…", false);
    }
    let mut cursor = window_start;
    for i in first..last {
        let (start, end) = words[i];
        // The gap before a word is a hit only between two hit words.
        let gap_hit = hit[i] && i > first && hit[i - 1];
        push(&mut parts, &text[cursor..start], gap_hit);
        push(&mut parts, &text[start..end], hit[i]);
        cursor = end;
    }
    push(&mut parts, &text[cursor..window_end], false);
    if last < words.len() {
        push(&mut parts, "…", false);
    }
    // Newlines inside a snippet read as spaces.
    for part in &mut parts {
        if part.text.contains('\n') {
            part.text = part.text.replace('\n', " ");
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parse_query;

    fn marked(parts: &[TextPart]) -> String {
        parts
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn highlights_fall_on_the_original_text_however_it_is_spelled() {
        let terms = parse_query("میکند رئيس‌جمهور 50");
        let text = "او می کند و رئیس جمهور گفت که رئیسجمهور ۵۰ دقیقه صحبت می‌کند.";
        assert_eq!(
            marked(&highlight(text, &terms, usize::MAX)),
            "او [می کند] و [رئیس جمهور] گفت که [رئیسجمهور ۵۰] دقیقه صحبت [می‌کند].",
            "every spelling is marked; neighbouring hits read as one mark"
        );
    }

    #[test]
    fn snippets_are_cut_around_the_first_hit() {
        let text = (1..=100)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let parts = highlight(&text, &parse_query("w50"), 10);
        let shown = marked(&parts);
        assert!(
            shown.starts_with("…w44 "),
            "starts a few words before the hit: {shown}"
        );
        assert!(
            shown.contains("[w50]") && shown.ends_with("w53…"),
            "{shown}"
        );
    }

    #[test]
    fn snippets_mark_prefixes_and_spaced_spellings_deep_in_a_long_text() {
        let filler = (1..=60).map(|i| format!("w{i}")).collect::<Vec<_>>();
        let text = format!("{} کتابها را می کند {}", filler.join(" "), filler.join(" "));
        let shown = marked(&highlight(&text, &parse_query("کتاب* میکند"), 10));
        assert!(
            shown.contains("[کتابها] را [می کند]") && shown.starts_with('…') && shown.ends_with('…'),
            "a prefix hit and a verb written in two words, inside a window of the long text: {shown}"
        );
    }

    #[test]
    fn words_spell_a_term_piece_by_piece() {
        let pieces = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        let cases: &[(&[&str], &str, bool, bool, &str)] = &[
            (
                &["می", "کند"],
                "میکند",
                false,
                true,
                "two words spell the term",
            ),
            (
                &["می", "کند"],
                "میکن",
                false,
                false,
                "longer than an exact term",
            ),
            (
                &["می", "کند"],
                "میکن",
                true,
                true,
                "a prefix ends inside the last word",
            ),
            (
                &["می", "کند"],
                "میکندند",
                true,
                false,
                "shorter than a prefix",
            ),
            (
                &["رئیس", "جمهور"],
                "رئیسجمهور",
                true,
                true,
                "a prefix ends with the last word",
            ),
            (
                &["رئیس", "جمهور", "گفت"],
                "رئیسجمهور",
                true,
                false,
                "a word after the prefix is not part of the hit",
            ),
            (
                &["رئیس", "جمهور", "گفت"],
                "رئیسجمهور",
                false,
                false,
                "an exact term must use every word",
            ),
            (&["کتاب"], "کتب", true, false, "not a prefix"),
            (
                &["کتابها", "را"],
                "کتاب",
                true,
                false,
                "a prefix inside the first word needs no second",
            ),
        ];
        for (words, term, prefix, expected, why) in cases {
            assert_eq!(spells(&pieces(words), term, *prefix), *expected, "{why}");
        }
    }
}
