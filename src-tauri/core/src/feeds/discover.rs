//! Feed autodiscovery: a page names its feeds with
//! `<link rel="alternate" type="application/rss+xml" href="…">`.

/// Media types of feeds.
const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
];

/// Whether fetched bytes look like a feed rather than a web page.
pub fn looks_like_feed(content_type: Option<&str>, bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return false;
    }
    let by_type = content_type.is_some_and(|t| {
        FEED_TYPES.iter().any(|f| t.starts_with(f)) || t.contains("rss") || t.contains("atom")
    });
    by_type
        || bytes.starts_with(&[0x1f, 0x8b])
        || head.starts_with("<?xml")
        || head.starts_with("<rss")
        || head.starts_with("<feed")
        || head.starts_with("<rdf")
        || (head.starts_with('{') && head.contains("jsonfeed"))
}

/// The feed addresses a page announces, resolved against `base`, in page
/// order (the first is usually the main feed).
pub fn feed_links(html: &str, base: &url::Url) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<link").map(|i| at + i) {
        let end = lower[start..].find('>').map_or(lower.len(), |i| start + i);
        let tag = &html[start..end];
        let attribute = |name: &str| attribute_value(tag, name);
        let rel = attribute("rel").unwrap_or_default().to_ascii_lowercase();
        let kind = attribute("type").unwrap_or_default().to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "alternate")
            && FEED_TYPES[..3]
                .iter()
                .chain(&FEED_TYPES[4..5])
                .any(|t| kind.starts_with(t))
        {
            if let Some(href) = attribute("href").and_then(|h| base.join(h.trim()).ok()) {
                if matches!(href.scheme(), "http" | "https") && !found.contains(&href.to_string()) {
                    found.push(href.to_string());
                }
            }
        }
        at = end;
        if at >= lower.len() {
            break;
        }
    }
    found
}

/// The value of `name="…"` (or `'…'`, or unquoted) in one tag's text.
pub(crate) fn attribute_value(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name).map(|i| from + i) {
        let before_ok = i > 0 && lower.as_bytes()[i - 1].is_ascii_whitespace();
        let rest = lower[i + name.len()..].trim_start();
        if before_ok && rest.starts_with('=') {
            let value_start = tag.len() - rest.len() + 1;
            let value = tag[value_start..].trim_start();
            let text = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                _ => value
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or(""),
            };
            return Some(
                text.replace("&amp;", "&")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'"),
            );
        }
        from = i + name.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_announce_their_feeds() {
        let base = url::Url::parse("https://news.example/fa/story/1").unwrap();
        let html = r#"<html><head>
            <link rel="stylesheet" href="/a.css">
            <LINK REL="alternate" TYPE="application/rss+xml" title="خبرها" HREF="/fa/rss.xml">
            <link rel='alternate' type='application/atom+xml' href='https://news.example/atom?a=1&amp;b=2'>
            <link rel="alternate" type="text/html" hreflang="en" href="/en/">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
        </head></html>"#;
        assert_eq!(
            feed_links(html, &base),
            vec![
                "https://news.example/fa/rss.xml".to_owned(),
                "https://news.example/atom?a=1&b=2".to_owned()
            ],
            "relative hrefs resolve, case is ignored, other alternates and script URLs are not feeds"
        );
    }

    #[test]
    fn feeds_and_pages_are_told_apart() {
        assert!(looks_like_feed(
            Some("application/rss+xml; charset=utf-8"),
            b"<rss>"
        ));
        assert!(looks_like_feed(
            Some("text/plain"),
            b"<?xml version='1.0'?><rss>"
        ));
        assert!(!looks_like_feed(
            Some("text/html"),
            b"<!DOCTYPE html><html>"
        ));
        assert!(
            !looks_like_feed(Some("application/xml"), b"<!doctype html><html>"),
            "a page sent with a feed's type is still a page"
        );
    }
}
