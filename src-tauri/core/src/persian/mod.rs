//! Persian text: search folding ([`fold`]), display repair of lost
//! half-spaces ([`repair`]), and the Jalali calendar ([`jalali`]).

pub mod fold;
pub mod jalali;
pub mod repair;

use std::fmt::Write as _;

/// Repairs text for reading: lost half-spaces, Persian digits in Persian
/// text, spacing around punctuation (see [`repair`]).
pub fn repair_text(text: &str) -> String {
    repair::repair(text)
}

/// Stands for a tag or an entity while the text of an HTML fragment is
/// repaired as one piece (a private-use character: never in real text).
const MARKUP: char = '\u{E000}';

/// Repairs the text of (sanitized) HTML for reading: only text between tags
/// changes; tags, attributes and entities are left exactly as they are.
///
/// The text is repaired as one piece, each tag replaced by a placeholder, so
/// a number in its own `<bdi>` still sees the Persian sentence around it.
pub fn repair_html(html: &str) -> String {
    repair_html_with(html, repair_text)
}

/// [`repair_html`] for the reader: each word whose half-spaces the repair
/// put back is wrapped in `<span class="repaired" data-join="KIND"
/// data-from="lexicon|rule">` (KIND: `mi`, `plural`, `suffix`,
/// `comparative`, `compound`), so a reader who taps it can see why.
pub fn repair_html_explained(html: &str) -> String {
    let marked = repair_html_with(html, repair::repair_explained);
    if !marked.contains(repair::MARK_START) {
        return marked;
    }
    let mut out = String::with_capacity(marked.len() + 256);
    let mut chars = marked.chars();
    while let Some(c) = chars.next() {
        if c == repair::MARK_START {
            let kind = chars
                .next()
                .and_then(repair::kind_name)
                .unwrap_or("compound");
            let from = chars.next().and_then(repair::source_name).unwrap_or("rule");
            let _ = write!(
                out,
                "<span class=\"repaired\" data-join=\"{kind}\" data-from=\"{from}\">"
            );
        } else if c == repair::MARK_END {
            out.push_str("</span>");
        } else {
            out.push(c);
        }
    }
    out
}

fn repair_html_with(html: &str, repair: impl Fn(&str) -> String) -> String {
    let mut markup: Vec<&str> = Vec::new();
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        let next = rest.find(['<', '&', MARKUP]).unwrap_or(rest.len());
        // Marks of Barg's own (private-use characters) typed in the text are
        // dropped: they would become markup.
        text.extend(rest[..next].chars().filter(|c| !repair::is_mark(*c)));
        rest = &rest[next..];
        let token_end = if rest.starts_with('<') {
            rest.find('>').map(|e| e + 1)
        } else if rest.starts_with('&') {
            rest.find(';')
                .filter(|e| {
                    *e <= 10
                        && rest[1..*e]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '#')
                })
                .map(|e| e + 1)
        } else {
            None
        };
        match token_end {
            Some(end) => {
                markup.push(&rest[..end]);
                text.push(MARKUP);
                rest = &rest[end..];
            }
            None => {
                if let Some(c) = rest.chars().next() {
                    // A lone '&' or '<' is text; a stray placeholder or
                    // repair mark is dropped.
                    if c != MARKUP && !repair::is_mark(c) {
                        text.push(c);
                    }
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
    }
    let repaired = repair(&text);
    let pieces: Vec<&str> = repaired.split(MARKUP).collect();
    if pieces.len() != markup.len() + 1 {
        // Repair must keep every placeholder; if not, leave the HTML alone.
        return html.to_owned();
    }
    let mut out = String::with_capacity(repaired.len() + html.len() / 4);
    for (i, piece) in pieces.iter().enumerate() {
        out.push_str(piece);
        if let Some(tag) = markup.get(i) {
            out.push_str(tag);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_marks_each_repaired_word_with_why() {
        let html = "<p>او میکند و <b>رئیس جمهور</b> آمد \u{E001}\u{E010}</p>";
        assert_eq!(
            repair_html_explained(html),
            "<p>او <span class=\"repaired\" data-join=\"mi\" data-from=\"lexicon\">می\u{200C}کند</span> و \
             <b><span class=\"repaired\" data-join=\"compound\" data-from=\"lexicon\">رئیس\u{200C}جمهور</span></b> آمد </p>",
            "each repaired word in its own span, inside the tags it was in; marks typed in the text are dropped"
        );
        assert_eq!(
            repair_html_explained("<p>خانه بزرگ</p>"),
            "<p>خانه بزرگ</p>",
            "nothing repaired, nothing added"
        );
    }

    #[test]
    fn html_repair_changes_text_only_and_sees_across_tags() {
        let html = "<p dir=\"rtl\">پس از <bdi>50</bdi> دقیقه گفتوگو میکند &amp; <a href=\"https://x.example/a50\">پیوند</a></p>";
        assert_eq!(
            repair_html(html),
            "<p dir=\"rtl\">پس از <bdi>۵۰</bdi> دقیقه گفت\u{200C}وگو می\u{200C}کند &amp; <a href=\"https://x.example/a50\">پیوند</a></p>",
            "numbers in their own tag take Persian digits from the sentence; tags, URLs and entities are untouched"
        );
        let english = "<p dir=\"ltr\">Version <bdi>2.12</bdi> of Tauri</p>";
        assert_eq!(repair_html(english), english, "English is left alone");
    }
}
