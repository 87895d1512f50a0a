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

/// Splits a text into articles. Lines are trimmed of surrounding whitespace
/// only; the text of each line is kept exactly (half-spaces, digits).
pub fn parse(text: &str) -> Vec<TextArticle> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_boilerplate(l))
        .collect();
    let mut articles: Vec<TextArticle> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let starts_story = i + 1 < lines.len() && is_kicker(lines[i]) && is_headline(lines[i + 1]);
        if starts_story {
            articles.push(TextArticle {
                title: format!("{} {}", lines[i], lines[i + 1]),
                paragraphs: Vec::new(),
            });
            i += 2;
        } else if let Some(article) = articles.last_mut() {
            article.paragraphs.push(lines[i].to_owned());
            i += 1;
        } else {
            articles.push(TextArticle {
                title: lines[i].to_owned(),
                paragraphs: Vec::new(),
            });
            i += 1;
        }
    }
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
