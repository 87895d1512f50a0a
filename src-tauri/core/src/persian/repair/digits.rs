//! Persian digits inside Persian text, and spacing around punctuation.

use super::halfspace::ZWNJ;
use super::letters::is_persian_letter_or_zwnj;
use crate::text::{is_ltr_letter, is_rtl_letter};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strong {
    Rtl,
    Ltr,
}

fn strong(c: char) -> Option<Strong> {
    if is_rtl_letter(c) {
        Some(Strong::Rtl)
    } else if is_ltr_letter(c) {
        Some(Strong::Ltr)
    } else {
        None
    }
}

/// Whether a whitespace-delimited chunk must be left alone by the digit and
/// punctuation steps: it has a Latin (LTR) letter, or looks like a URL or an
/// e-mail address (`https://example.com/a50`, `ICU4X`).
fn is_foreign_chunk(chunk: &str) -> bool {
    chunk.chars().any(is_ltr_letter) || chunk.contains("://") || chunk.contains('@')
}

fn persian_digit(c: char) -> Option<char> {
    let d = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        _ => return None,
    };
    char::from_u32(0x06F0 + d)
}

fn is_arabic_punct(c: char) -> bool {
    matches!(c, '،' | '؛' | '؟')
}

fn is_latin_punct(c: char) -> bool {
    matches!(c, '.' | ':' | '!' | '?')
}

fn is_mark(c: char) -> bool {
    is_arabic_punct(c) || is_latin_punct(c)
}

fn is_persian_digit(c: char) -> bool {
    ('\u{06F0}'..='\u{06F9}').contains(&c) || ('\u{0660}'..='\u{0669}').contains(&c)
}

/// The digit and punctuation steps, in one pass that copies the text and
/// edits it only around digits and marks:
///
/// - **Digits**: ASCII and Arabic-Indic digits become Persian digits when
///   they stand in Persian text: the nearest strong letter before them on the
///   line is Persian (or, with none before, the nearest after), and their
///   chunk is not foreign (see [`is_foreign_chunk`]). `Tauri 2.12`, `ICU4X`,
///   `https://example.com/a50` stay.
/// - **Punctuation**: no space before `، ؛ . : ؟ !`, one after, in Persian
///   text only. A run of marks (`؟!`, `...`) counts as one. `.` `:` `!` `?`
///   count only right after a Persian letter (`example.com`, `۱۲:۳۰`, `2.12`
///   stay); a space is added or collapsed after a mark only before a Persian
///   letter or `«`; marks in foreign chunks are left alone.
pub(super) fn digits_and_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32 + 8);
    // Text before `copied` is in `out` already.
    let mut copied = 0;
    let mut last_strong: Option<Strong> = None;
    // The next strong letter on the line, for digits with none before them:
    // (its byte offset, or the line's end, and its kind).
    let mut ahead: Option<(usize, Option<Strong>)> = None;
    // The chunk around the last digit or mark: (start, end, foreign).
    let mut chunk: Option<(usize, usize, bool)> = None;
    // The end of the last ASCII digit that became Persian.
    let mut converted_digit_end = usize::MAX;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            last_strong = None;
            ahead = None;
        }
        if let Some(s) = strong(c) {
            last_strong = Some(s);
            continue;
        }
        let digit = persian_digit(c);
        if digit.is_none() && !is_mark(c) {
            continue;
        }
        let foreign = match chunk {
            Some((start, end, foreign)) if start <= i && i < end => foreign,
            _ => {
                let start = text[..i]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace())
                    .map_or(0, |(at, c)| at + c.len_utf8());
                let end = text[i..]
                    .char_indices()
                    .find(|&(_, c)| c.is_whitespace())
                    .map_or(text.len(), |(at, _)| i + at);
                let foreign = is_foreign_chunk(&text[start..end]);
                chunk = Some((start, end, foreign));
                foreign
            }
        };
        if foreign {
            continue;
        }
        if let Some(persian) = digit {
            let context = match (last_strong, ahead) {
                (Some(s), _) => Some(s),
                (None, Some((at, s))) if at > i => s,
                (None, _) => {
                    // No strong letter before on this line: the next one decides.
                    let rest = &text[i + c.len_utf8()..];
                    let next = rest
                        .char_indices()
                        .take_while(|&(_, c)| c != '\n')
                        .find_map(|(at, c)| strong(c).map(|s| (at, s)));
                    let (at, s) = match next {
                        Some((at, s)) => (i + c.len_utf8() + at, Some(s)),
                        None => (text.len(), None),
                    };
                    ahead = Some((at, s));
                    s
                }
            };
            if context == Some(Strong::Rtl) {
                out.push_str(&text[copied..i]);
                out.push(persian);
                copied = i + c.len_utf8();
                if c.is_ascii_digit() {
                    converted_digit_end = copied;
                }
            }
            continue;
        }
        // A mark. The char before the spaces that precede it, as the digit
        // step left it.
        let before = text[..i].trim_end_matches(' ');
        let persian_before = before.chars().next_back().is_some_and(|p| {
            is_rtl_letter(p)
                || (is_persian_letter_or_zwnj(p) && p != ZWNJ) // a haraka or tatweel ends the word (`واقعاً`)
                || (is_arabic_punct(c)
                    && (is_persian_digit(p)
                        || converted_digit_end == before.len()
                        || matches!(p, '»' | ')')))
        });
        if !persian_before {
            continue;
        }
        // Drop the spaces before the mark, keep the run of marks.
        out.push_str(&text[copied.min(before.len())..before.len()]);
        let mut run_end = i + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            if !is_mark(next) {
                break;
            }
            run_end = at + next.len_utf8();
            chars.next();
        }
        out.push_str(&text[i..run_end]);
        copied = run_end;
        // Exactly one space before a following Persian letter or `«`.
        let after = text[run_end..].trim_start_matches(' ');
        if after.starts_with(|c: char| is_rtl_letter(c) || c == '«') {
            out.push(' ');
            copied = text.len() - after.len();
            while chars.peek().is_some_and(|&(at, _)| at < copied) {
                chars.next();
            }
        }
    }
    out.push_str(&text[copied..]);
    out
}
