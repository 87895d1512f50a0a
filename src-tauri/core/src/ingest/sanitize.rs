//! HTML from outside, made safe for the web view (ammonia with Barg's own
//! allowlist), and plain text recovered from it.
//!
//! Kept: text structure, `dir`/`lang` everywhere (ammonia's defaults drop
//! `dir`), `bdi`/`bdo`, images, tables, figures, http(s)/mailto links (with
//! `rel="noopener noreferrer nofollow"`). Dropped: scripts, styles, event
//! handlers, forms, frames, objects, `javascript:`/`data:` URLs, `cite`
//! (a URL attribute ammonia does not check), URLs that point at the app's
//! own origins (`*.localhost`), and the bidi override characters that can
//! disguise a link, also when written as character references. Relative
//! URLs resolve only against an http(s) base; with none they are dropped
//! (they would resolve against the app itself).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The cleaner for HTML with no base: relative URLs are dropped.
fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(new_cleaner)
}

thread_local! {
    /// The base relative URLs resolve against while this thread runs
    /// [`cleaner_with_base`] (set and cleared by [`sanitize_html`]).
    static BASE: RefCell<Option<url::Url>> = const { RefCell::new(None) };
}

fn against_base(url: &str) -> Option<Cow<'_, str>> {
    BASE.with_borrow(|base| Some(base.as_ref()?.join(url).ok()?.to_string().into()))
}

/// The cleaner for HTML with a base: relative URLs resolve against this
/// thread's [`BASE`], as ammonia's `RewriteWithBase` would. One cleaner
/// serves every base: building one per feed item cost 2% of a sync.
fn cleaner_with_base() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut builder = new_cleaner();
        builder.url_relative(ammonia::UrlRelative::Custom(Box::new(against_base)));
        builder
    })
}

fn new_cleaner() -> ammonia::Builder<'static> {
    {
        let mut builder = ammonia::Builder::default();
        builder
            .add_tags([
                "bdi",
                "bdo",
                "figure",
                "figcaption",
                "picture",
                "section",
                "article",
                "aside",
                "time",
                "mark",
            ])
            .add_generic_attributes(["dir", "lang", "title"])
            .add_tag_attributes("img", ["src", "alt", "width", "height", "loading"])
            .add_tag_attributes("time", ["datetime"])
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .link_rel(Some("noopener noreferrer nofollow"))
            .attribute_filter(|_element, attribute, value| {
                if attribute == "cite" || points_at_the_app(value) {
                    None
                } else {
                    Some(value.into())
                }
            })
            .url_relative(ammonia::UrlRelative::Deny)
            .strip_comments(true);
        builder
    }
}

/// Bidi embedding/override/isolate controls: never needed in stored HTML
/// (the markup carries direction) and a way to disguise a URL.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a URL names one of the web view's own origins (Tauri serves the
/// app, its IPC and assets from `*.localhost`): a page must never reach them.
fn points_at_the_app(value: &str) -> bool {
    url::Url::parse(value.trim()).is_ok_and(|u| {
        matches!(u.scheme(), "tauri" | "asset" | "ipc")
            || u.host_str()
                .is_some_and(|h| h == "localhost" || h.ends_with(".localhost"))
    })
}

/// A link worth storing: http(s) or mailto, nothing else (no `javascript:`,
/// `file:`, `tauri:`…).
pub fn safe_link(link: &str) -> Option<String> {
    let url = url::Url::parse(link.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https" | "mailto") && !points_at_the_app(url.as_str()))
        .then(|| url.to_string())
}

/// Sanitizes HTML for storage; relative URLs resolve against `base` when it
/// is an http(s) URL, and are dropped otherwise.
pub fn sanitize_html(html: &str, base: Option<&url::Url>) -> String {
    let cleaned: Cow<'_, str> = if html.contains(is_bidi_control) {
        html.chars()
            .filter(|c| !is_bidi_control(*c))
            .collect::<String>()
            .into()
    } else {
        html.into()
    };
    let base = base.filter(|b| matches!(b.scheme(), "http" | "https"));
    let out = match base {
        Some(base) => {
            BASE.set(Some(base.clone()));
            let out = cleaner_with_base().clean(&cleaned).to_string();
            BASE.set(None);
            out
        }
        None => cleaner().clean(&cleaned).to_string(),
    };
    // Character references (`&#x202E;`) are decoded by the parser: filter
    // again. Removing characters from serialized HTML cannot create markup.
    if out.chars().any(is_bidi_control) {
        out.chars().filter(|c| !is_bidi_control(*c)).collect()
    } else {
        out
    }
}

/// Text for titles, names and other one-line fields: no control or bidi
/// override characters, whitespace collapsed. (Such text is always shown as
/// text, never as markup.)
pub fn clean_text(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control() || is_bidi_control(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Plain text of (sanitized) HTML: block elements become line breaks,
/// entities are decoded, whitespace runs collapse. Half-spaces stay.
pub fn html_to_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "blockquote",
        "pre",
        "section",
        "article",
        "figure",
        "figcaption",
        "table",
        "ul",
        "ol",
        "dd",
        "dt",
        "hr",
    ];
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if BLOCKS.contains(&name.as_str()) {
            text.push('\n');
        }
        rest = &rest[lt + gt + 1..];
    }
    text.push_str(&decode_entities(rest));
    // Collapse spaces within lines and drop empty lines.
    text.lines()
        .map(|line| {
            line.split([' ', '\t', '\r', '\u{A0}'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &after[..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                "zwnj" => Some('\u{200C}'),
                "zwj" => Some('\u{200D}'),
                _ if entity.starts_with("#x") || entity.starts_with("#X") => {
                    u32::from_str_radix(&entity[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_content_is_removed_and_direction_kept() {
        let hostile = format!(
            r#"<p dir="rtl" lang="fa" onclick="steal()">متن <b>مهم</b>‌ها</p>
            <script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">link</a>
            <iframe src="https://evil.example"></iframe><svg><script>alert(4)</script></svg>
            <a href="https://example.com/{o}gpj.exe">a{o}gpj.exe</a><form action="/x"><input></form>"#,
            o = '\u{202E}'
        );
        let clean = sanitize_html(&hostile, None);
        for bad in [
            "script",
            "onclick",
            "onerror",
            "javascript:",
            "iframe",
            "<svg",
            "<form",
            "<input",
            "\u{202E}",
        ] {
            assert!(!clean.contains(bad), "«{bad}» must be removed: {clean}");
        }
        assert!(
            clean.contains(r#"dir="rtl""#) && clean.contains(r#"lang="fa""#),
            "dir and lang stay: {clean}"
        );
        assert!(
            clean.contains("rel=\"noopener noreferrer nofollow\""),
            "links cannot reach back: {clean}"
        );
        assert!(
            clean.contains("<b>مهم</b>\u{200C}ها"),
            "half-spaces stay: {clean}"
        );
    }

    #[test]
    fn relative_links_resolve_against_the_base() {
        let base = url::Url::parse("https://news.example/fa/story/1").unwrap();
        let clean = sanitize_html(
            r#"<a href="../2">next</a><img src="/img/a.jpg">"#,
            Some(&base),
        );
        assert!(
            clean.contains(r#"href="https://news.example/fa/2""#),
            "{clean}"
        );
        assert!(
            clean.contains(r#"src="https://news.example/img/a.jpg""#),
            "{clean}"
        );
        let other = url::Url::parse("https://other.example/a/b").unwrap();
        let clean = sanitize_html(r#"<a href="c">next</a>"#, Some(&other));
        assert!(
            clean.contains(r#"href="https://other.example/a/c""#),
            "the next item on the same thread resolves against its own base: {clean}"
        );
        let clean = sanitize_html(r#"<a href="c">next</a>"#, None);
        assert!(
            !clean.contains("href"),
            "with no base, a relative link is dropped, whatever came before: {clean}"
        );
    }

    #[test]
    fn text_keeps_paragraphs_entities_and_half_spaces() {
        let html = "<p>یک&zwnj;دو &amp; سه</p><p>چهار<br>پنج&#x200c;ها   شش</p>";
        assert_eq!(
            html_to_text(html),
            "یک\u{200C}دو & سه\nچهار\nپنج\u{200C}ها شش"
        );
    }
}
