//! Plain text in the style of a scraped news page: the first line is the
//! title, each further line a paragraph. A page may hold several stories run
//! together, and the site's own furniture (comment boxes, share buttons).
//!
//! A new story starts at a *kicker*: a short line ending in a colon
//! («آندری کارتاپولوف:») followed by a headline (a line with no closing full
//! stop). Its title is the kicker and the headline together.

/// One article found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArticle {
    pub title: String,
    pub paragraphs: Vec<String>,
}

impl TextArticle {
    /// The article to store: paragraphs become HTML with their own
    /// direction; the language is told by the script (Persian or English:
    /// plain text carries no declaration).
    pub fn into_new_article(
        self,
        guid: String,
        published_at: Option<crate::Timestamp>,
    ) -> crate::NewArticle {
        use crate::text::{detect_direction, paragraphs_to_html, Direction};
        let body_text = self.paragraphs.join("\n");
        // Barg is Persian-first: a text with no letters at all counts as Persian.
        let dir = detect_direction(&format!("{}\n{body_text}", self.title), Direction::Rtl);
        crate::NewArticle {
            guid,
            url: None,
            body_html: paragraphs_to_html(self.paragraphs.iter().map(String::as_str), dir),
            title: self.title,
            author: None,
            published_at,
            language: Some(if dir == Direction::Rtl { "fa" } else { "en" }.to_owned()),
            body_text,
        }
    }
}

/// Site furniture that is never article text, compared with spaces and
/// half-spaces removed so «دیدگاه تان» and «دیدگاه‌تان» both match.
const BOILERPLATE: &[&str] = &[
    "دیدگاهتانرابنویسید",
    "دیدگاهخودرابنویسید",
    "نظرخودرابنویسید",
    "نظرتانرابنویسید",
    "ارسالنظر",
    "اشتراکگذاری",
    "لینککوتاه",
    "Leaveacomment",
    "Leaveareply",
    "Share",
];

const KICKER_MAX_WORDS: usize = 6;
const HEADLINE_MAX_WORDS: usize = 30;

fn is_boilerplate(line: &str) -> bool {
    let key: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200C}')
        .collect();
    let key = key.trim_end_matches([':', '.', '!']);
    BOILERPLATE.iter().any(|b| b.eq_ignore_ascii_case(key))
}

fn is_kicker(line: &str) -> bool {
    (line.ends_with(':') || line.ends_with('：'))
        && line.split_whitespace().count() <= KICKER_MAX_WORDS
}

fn is_headline(line: &str) -> bool {
    !line.ends_with(['.', '!', '?', '؟', ':', '…'])
        && line.split_whitespace().count() <= HEADLINE_MAX_WORDS
}

/// Splits text into articles line by line, holding at most one article in
/// memory, so a file of any size streams through.
#[derive(Debug, Default)]
pub struct Splitter {
    current: Option<TextArticle>,
    /// The previous line, held back in case it is a kicker.
    pending: Option<String>,
}

impl Splitter {
    /// Feeds one line; returns an article when this line completes one.
    pub fn push_line(&mut self, line: &str) -> Option<TextArticle> {
        let line = line.trim();
        if line.is_empty() || is_boilerplate(line) {
            return None;
        }
        match self.pending.take() {
            Some(kicker) if is_kicker(&kicker) && is_headline(line) => {
                let done = self.current.take();
                self.current = Some(TextArticle {
                    title: format!("{kicker} {line}"),
                    paragraphs: Vec::new(),
                });
                done
            }
            Some(previous) => {
                self.place(previous);
                self.pending = Some(line.to_owned());
                None
            }
            None => {
                self.pending = Some(line.to_owned());
                None
            }
        }
    }

    fn place(&mut self, line: String) {
        match &mut self.current {
            Some(article) => article.paragraphs.push(line),
            None => {
                self.current = Some(TextArticle {
                    title: line,
                    paragraphs: Vec::new(),
                })
            }
        }
    }

    /// Ends the text; returns the last article.
    pub fn finish(mut self) -> Option<TextArticle> {
        if let Some(line) = self.pending.take() {
            self.place(line);
        }
        self.current
    }
}

/// Splits a text into articles. Lines are trimmed of surrounding whitespace
/// only; the text of each line is kept exactly (half-spaces, digits).
pub fn parse(text: &str) -> Vec<TextArticle> {
    let mut splitter = Splitter::default();
    let mut articles: Vec<TextArticle> = text
        .lines()
        .filter_map(|line| splitter.push_line(line))
        .collect();
    articles.extend(splitter.finish());
    articles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines_are_recognised_however_spaced() {
        for line in [
            "دیدگاه تان را بنویسید",
            "دیدگاه‌تان را بنویسید",
            "نظر خود را بنویسید:",
            "Leave a comment",
        ] {
            assert!(is_boilerplate(line), "{line} is site furniture");
        }
        assert!(
            !is_boilerplate("دیدگاه تان درباره این خبر چیست؟ ما را در جریان بگذارید."),
            "a sentence is text"
        );
    }

    #[test]
    fn a_kicker_and_headline_start_a_new_story() {
        let text = "عنوان اول\nبند اول.\nنام گوینده:\nعنوان دوم\nبند دوم.\n";
        let articles = parse(text);
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(
            articles[0],
            TextArticle {
                title: "عنوان اول".into(),
                paragraphs: vec!["بند اول.".into()]
            }
        );
        assert_eq!(
            articles[1],
            TextArticle {
                title: "نام گوینده: عنوان دوم".into(),
                paragraphs: vec!["بند دوم.".into()]
            }
        );
    }

    #[test]
    fn a_colon_at_the_end_of_a_long_line_is_a_paragraph() {
        let text = "عنوان\nسخنگوی کاخ سفید درباره این مکالمه به خبرنگاران گفت:\nبایدن گفت که پاسخ خواهد داد.\n";
        assert_eq!(
            parse(text).len(),
            1,
            "a sentence that introduces a quote does not start a story"
        );
    }
}
