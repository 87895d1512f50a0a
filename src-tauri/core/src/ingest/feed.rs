//! RSS 0.9x/1.0/2.0, Atom and JSON Feed files (feed-rs), after the small
//! pre-step that lets every real feed parse: gzip and encodings handled by
//! [`super::decode`], the XML declaration rewritten to UTF-8, a missing RSS
//! `version` added, and a default `xmlns` on `<rss>` removed (feed-rs would
//! otherwise silently find no items).

use super::sanitize::{clean_text, html_to_text, safe_link, sanitize_html};
use super::IngestError;
use crate::text::{detect_direction, Direction};
use crate::NewArticle;

/// A parsed feed file.
#[derive(Debug, Clone)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub site_url: Option<String>,
    pub items: Vec<NewArticle>,
}

fn rewrite_for_parser(text: &str) -> String {
    let mut text = text.trim_start_matches('\u{FEFF}').trim_start().to_owned();
    if text.starts_with("<?xml") {
        if let Some(end) = text.find("?>") {
            text.replace_range(..end + 2, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        }
    }
    if let Some(rss_at) = text.find("<rss") {
        if let Some(tag_end) = text[rss_at..].find('>').map(|e| rss_at + e) {
            let mut tag = text[rss_at..tag_end].to_owned();
            if !tag.contains("version=") {
                tag.push_str(" version=\"2.0\"");
            }
            for quote in ['"', '\''] {
                if let Some(at) = tag.find(&format!("xmlns={quote}")) {
                    if let Some(close) = tag[at + 7..].find(quote) {
                        tag.replace_range(at..at + 7 + close + 1, "");
                    }
                }
            }
            text.replace_range(rss_at..tag_end, &tag);
        }
    }
    text
}

/// Right-to-left languages a feed may declare.
const RTL_LANGUAGES: &[&str] = &[
    "fa", "ar", "ur", "he", "iw", "ps", "ku", "ckb", "sd", "yi", "dv",
];

/// The language of an item: the declared one when it agrees with the text's
/// script, else Persian for right-to-left text and English for the rest
/// (feeds often declare the wrong one: `en-us` on a Persian weblog).
fn language_of(dir: Direction, declared: Option<&str>) -> String {
    let declared = declared
        .map(str::to_ascii_lowercase)
        .filter(|l| !l.is_empty());
    let declared_rtl = declared
        .as_deref()
        .is_some_and(|l| RTL_LANGUAGES.contains(&l.split(['-', '_']).next().unwrap_or("")));
    match (dir, declared) {
        (Direction::Rtl, Some(l)) if declared_rtl => l,
        (Direction::Ltr, Some(l)) if !declared_rtl => l,
        (Direction::Rtl, _) => "fa".into(),
        (Direction::Ltr, _) => "en".into(),
    }
}

/// Parses decoded feed text. `base` resolves relative links.
pub fn parse(text: &str, base: Option<&str>) -> Result<ParsedFeed, IngestError> {
    let text = super::decode::strip_control_chars(&rewrite_for_parser(text));
    let feed = feed_rs::parser::Builder::new()
        .base_uri(base)
        .build()
        .parse(text.as_bytes())
        .map_err(|e| IngestError::Malformed(e.to_string()))?;
    let feed_language = feed.language.clone();
    let feed_site = feed.links.iter().find_map(|l| safe_link(&l.href));
    let feed_title = feed
        .title
        .map(|t| clean_text(&html_to_text(&t.content)))
        .filter(|t| !t.is_empty());
    let mut items = Vec::new();
    for entry in feed.entries {
        // Only web links are kept as the item's address and as the base of
        // its relative links (a `javascript:` or `file:` base would turn
        // `#more` into script or a local file).
        let link = entry.links.first().and_then(|l| safe_link(&l.href));
        let base_url = link
            .as_deref()
            .or(base)
            .and_then(|u| url::Url::parse(u).ok());
        let raw_html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let clean = sanitize_html(&raw_html, base_url.as_ref());
        let body_text = html_to_text(&clean);
        // Titles are text, never markup.
        let title = entry
            .title
            .map(|t| clean_text(&html_to_text(&sanitize_html(&t.content, None))))
            .unwrap_or_default();
        if title.is_empty() && body_text.is_empty() {
            continue;
        }
        let dir = detect_direction(&format!("{title} {body_text}"), Direction::Ltr);
        let published = entry
            .published
            .or(entry.updated)
            .map(|d| d.timestamp())
            .filter(|t| *t > 0);
        let guid = if entry.id.is_empty() {
            link.clone().unwrap_or_else(|| title.clone())
        } else {
            entry.id
        };
        items.push(NewArticle {
            guid,
            url: link,
            title: if title.is_empty() {
                body_text.chars().take(80).collect()
            } else {
                title
            },
            author: entry
                .authors
                .first()
                .and_then(|a| a.name.as_deref().map(clean_text))
                .filter(|n| !n.is_empty()),
            published_at: published,
            language: Some(language_of(
                dir,
                entry.language.as_deref().or(feed_language.as_deref()),
            )),
            body_html: format!("<div dir=\"{}\">{clean}</div>", dir.as_str()),
            body_text,
        });
    }
    Ok(ParsedFeed {
        site_url: feed_site,
        title: feed_title,
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pre_step_fixes_what_feed_rs_cannot_parse() {
        let no_version = "<rss><channel><title>t</title><item><title>یک</title><description>متن</description></item></channel></rss>";
        assert_eq!(
            parse(no_version, None).unwrap().items.len(),
            1,
            "rss without version"
        );
        let default_ns = "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\"><channel><title>t</title><item><title>a</title><description>b</description></item></channel></rss>";
        assert_eq!(
            parse(default_ns, None).unwrap().items.len(),
            1,
            "rss with a default xmlns"
        );
    }

    #[test]
    fn a_declared_language_counts_only_when_the_script_agrees() {
        let cases = [
            (
                Direction::Rtl,
                Some("en-US"),
                "fa",
                "a Persian weblog declaring English",
            ),
            (
                Direction::Rtl,
                Some("ur"),
                "ur",
                "Urdu declared and written",
            ),
            (Direction::Rtl, None, "fa", "nothing declared"),
            (
                Direction::Ltr,
                Some("fa-IR"),
                "en",
                "Latin text declared Persian",
            ),
            (
                Direction::Ltr,
                Some("pt-BR"),
                "pt-br",
                "Portuguese declared and written",
            ),
        ];
        for (dir, declared, expected, why) in cases {
            assert_eq!(language_of(dir, declared), expected, "{why}");
        }
    }

    #[test]
    fn titles_are_text_and_bodies_are_safe() {
        let feed = r#"<rss version="2.0"><channel><title>t</title><item><title>&lt;img src=x onerror=alert(1)&gt;خبر</title>
            <description>&lt;p onclick="x()"&gt;متن&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;</description>
            <link>https://example.com/a</link></item></channel></rss>"#;
        let item = &parse(feed, None).unwrap().items[0];
        assert!(
            !item.title.contains('<') && item.title.contains("خبر"),
            "{}",
            item.title
        );
        assert!(
            !item.body_html.contains("script") && !item.body_html.contains("onclick"),
            "{}",
            item.body_html
        );
        assert_eq!(item.url.as_deref(), Some("https://example.com/a"));
    }
}
