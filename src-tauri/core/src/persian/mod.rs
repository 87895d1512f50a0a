//! Persian text: search folding ([`fold`]), display repair of lost
//! half-spaces ([`repair`]), and the Jalali calendar ([`jalali`]).

pub mod fold;
pub mod jalali;
pub mod repair;

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
    let mut markup: Vec<&str> = Vec::new();
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        let next = rest.find(['<', '&', MARKUP]).unwrap_or(rest.len());
        text.push_str(&rest[..next]);
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
                    // A lone '&' or '<' is text; a stray placeholder is dropped.
                    if c != MARKUP {
                        text.push(c);
                    }
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
    }
    let repaired = repair_text(&text);
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
