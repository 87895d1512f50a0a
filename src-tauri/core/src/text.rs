//! Script-aware text functions: which way a text runs, and plain text to safe
//! HTML with its own direction per paragraph and isolated embedded runs.

use std::fmt::Write as _;

mod titles;

pub use titles::title_direction;

/// The base direction of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rtl,
    Ltr,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "rtl" => Some(Direction::Rtl),
            "ltr" => Some(Direction::Ltr),
            _ => None,
        }
    }
}

/// Letters of right-to-left scripts: Hebrew, Arabic (Persian, Urdu), Syriac,
/// Thaana, NKo, and their presentation forms.
pub fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32,
        0x05D0..=0x05EA | 0x05EF..=0x05F2 // Hebrew letters
        | 0x0620..=0x064A | 0x066E..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF | 0x06FA..=0x06FF // Arabic letters, incl. Persian
        | 0x0700..=0x074F | 0x0750..=0x077F | 0x0780..=0x07B1 | 0x07C0..=0x07FF
        | 0x0860..=0x08FF
        | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
        && !is_arabic_mark(c)
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

/// A strong left-to-right letter (Latin, Cyrillic, Greek, CJK…).
pub fn is_ltr_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !matches!(c as u32, 0x0590..=0x08FF | 0x200C..=0x200F) && !is_rtl_letter(c) && c.is_alphabetic()
}

/// How much of a text its direction is judged by: a title or the opening of
/// an article, enough to outvote a Latin name or a number.
pub const DIRECTION_SAMPLE_CHARS: usize = 400;

/// The direction a text should be shown in, judged by the share of strong
/// letters of each direction in its first [`DIRECTION_SAMPLE_CHARS`]
/// characters.
///
/// For paragraphs and snippets: `dir="auto"` looks only at the first strong
/// letter, which fails on a Persian sentence that begins with a Latin name
/// ("Rust و Tauri: …"). Short names and titles, where a few letters decide,
/// take [`title_direction`] (their grammar words). A text with no letters at
/// all is `fallback`.
pub fn detect_direction(text: &str, fallback: Direction) -> Direction {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars().take(DIRECTION_SAMPLE_CHARS) {
        if is_rtl_letter(c) {
            rtl += 1;
        } else if is_ltr_letter(c) {
            ltr += 1;
        }
    }
    match (rtl, ltr) {
        (0, 0) => fallback,
        (r, l) if r >= l => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Turns paragraphs of plain text into HTML: one `<p>` per paragraph with the
/// paragraph's own `dir`, and every embedded run of the other direction (Latin
/// words inside Persian, Persian inside English, and ASCII numbers) wrapped in
/// `<bdi>` so brackets and numbers stay where the writer put them:
/// `7 دسامبر (16 آذر ماه)` reads the same as in the source.
///
/// The text itself is never changed: half-spaces (U+200C) and digits pass
/// through as they are.
pub fn paragraphs_to_html<'a>(
    paragraphs: impl IntoIterator<Item = &'a str>,
    fallback: Direction,
) -> String {
    let mut html = String::new();
    for paragraph in paragraphs {
        let dir = detect_direction(paragraph, fallback);
        let _ = write!(html, "<p dir=\"{}\">", dir.as_str());
        isolate_embedded_runs(paragraph, dir, &mut html);
        html.push_str("</p>\n");
    }
    html
}

/// Whether `c` starts or continues a run that must be isolated in a
/// paragraph running in `dir`.
fn belongs_to_embedded_run(c: char, dir: Direction) -> bool {
    match dir {
        Direction::Rtl => is_ltr_letter(c) || c.is_ascii_digit(),
        Direction::Ltr => {
            is_rtl_letter(c) || is_arabic_mark(c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
        }
    }
}

/// Characters that may sit inside an embedded run without ending it
/// ("Tauri 2.12", "ICU4X's", "e-mail"), but never at its edges.
fn joins_embedded_run(c: char, dir: Direction) -> bool {
    match dir {
        Direction::Rtl => matches!(
            c,
            ' ' | '.' | ',' | '-' | '_' | '\'' | '/' | ':' | '+' | '#' | '&' | '@'
        ),
        Direction::Ltr => matches!(c, ' ' | '\u{200C}' | '\u{200D}' | '،' | '-'),
    }
}

fn isolate_embedded_runs(text: &str, dir: Direction, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !belongs_to_embedded_run(chars[i], dir) {
            let mut buf = [0u8; 4];
            escape_html(chars[i].encode_utf8(&mut buf), out);
            i += 1;
            continue;
        }
        // Extend the run over joiners as long as another run character follows.
        let start = i;
        let mut end = i + 1;
        let mut j = end;
        while j < chars.len() {
            if belongs_to_embedded_run(chars[j], dir) {
                j += 1;
                end = j;
            } else if joins_embedded_run(chars[j], dir) {
                j += 1;
            } else {
                break;
            }
        }
        let run: String = chars[start..end].iter().collect();
        out.push_str("<bdi>");
        escape_html(&run, out);
        out.push_str("</bdi>");
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_follows_the_majority_of_strong_letters() {
        let cases = [
            (
                "رؤسای جمهور روسیه و آمریکا",
                Direction::Rtl,
                "plain Persian",
            ),
            (
                "Tauri 2 چیست و چرا برای برنامه‌های دسکتاپ مناسب است",
                Direction::Rtl,
                "Persian title starting with Latin",
            ),
            (
                "2021 در یک نگاه",
                Direction::Rtl,
                "Persian title starting with a number",
            ),
            ("Reading offline with Barg", Direction::Ltr, "plain English"),
            (
                "The word کتاب means book",
                Direction::Ltr,
                "English with a Persian word",
            ),
            ("שלום עולם", Direction::Rtl, "Hebrew"),
            (
                "۱۴۰۰/۱۰/۰۷",
                Direction::Ltr,
                "digits only take the fallback",
            ),
        ];
        for (text, expected, why) in cases {
            assert_eq!(
                detect_direction(text, Direction::Ltr),
                expected,
                "{why}: {text}"
            );
        }
    }

    #[test]
    fn latin_and_numbers_inside_persian_are_isolated_and_text_is_unchanged() {
        let html = paragraphs_to_html(
            ["در تاریخ 7 دسامبر (16 آذر ماه) با Tauri 2.12 کار کرد."],
            Direction::Rtl,
        );
        assert_eq!(
            html,
            "<p dir=\"rtl\">در تاریخ <bdi>7</bdi> دسامبر (<bdi>16</bdi> آذر ماه) با <bdi>Tauri 2.12</bdi> کار کرد.</p>\n",
            "numbers and Latin runs must be isolated, everything else kept"
        );
    }

    #[test]
    fn half_spaces_and_persian_digits_survive() {
        let text = "گفت‌وگوی ۵۰ دقیقه‌ای رئیس‌جمهور";
        let html = paragraphs_to_html([text], Direction::Rtl);
        assert!(
            html.contains(text),
            "half-spaces and Persian digits must pass through unchanged: {html}"
        );
    }

    #[test]
    fn markup_in_text_is_escaped() {
        let html = paragraphs_to_html(["<script>alert(1)</script> & \"quotes\""], Direction::Ltr);
        assert!(
            !html.contains("<script>"),
            "text must never become markup: {html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn persian_inside_english_is_isolated() {
        let html = paragraphs_to_html(["The word کتاب‌ها means books."], Direction::Ltr);
        assert_eq!(
            html,
            "<p dir=\"ltr\">The word <bdi>کتاب‌ها</bdi> means books.</p>\n"
        );
    }
}
