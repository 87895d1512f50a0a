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

/// Persian month names, in order (Farvardin = 1).
const JALALI_MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// A date element's text written in the Jalali calendar (Persian feeds put
/// `۱۴۰۴/۰۸/۱۵ - ۱۲:۳۰` or `سه‌شنبه ۱۵ آبان ۱۴۰۴` in `pubDate`), as an RFC 2822
/// date feed-rs reads; `None` when the text is not a Jalali date. Without
/// this, `1404` would be read as a Gregorian year. Iran time (+0330) unless
/// the text names an offset.
pub fn jalali_to_rfc2822(text: &str) -> Option<String> {
    use crate::persian::jalali::{to_gregorian, YearMonthDay};
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            c => c,
        })
        .collect();
    let numbers: Vec<u32> = ascii
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .filter_map(|n| n.parse().ok())
        .collect();
    let year_at = numbers.iter().position(|n| (1300..1500).contains(n))?;
    let named_month = JALALI_MONTHS
        .iter()
        .position(|m| ascii.contains(m))
        .map(|m| m as u32 + 1);
    let (year, month, day, rest) = match named_month {
        // `۱۵ آبان ۱۴۰۴ …`: the day comes before the year.
        Some(month) if year_at >= 1 => (
            numbers[year_at],
            month,
            numbers[year_at - 1],
            &numbers[year_at + 1..],
        ),
        Some(_) => return None,
        // `۱۴۰۴/۰۸/۱۵ …`
        None if numbers.len() >= year_at + 3 => (
            numbers[year_at],
            numbers[year_at + 1],
            numbers[year_at + 2],
            &numbers[year_at + 3..],
        ),
        None => return None,
    };
    let gregorian = to_gregorian(YearMonthDay {
        year: year as i32,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
    .ok()?;
    let (hour, minute) = match rest {
        [h, m, ..] if *h < 24 && *m < 60 => (*h, *m),
        _ => (0, 0),
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    Some(format!(
        "{:02} {} {} {hour:02}:{minute:02}:00 +0330",
        gregorian.day,
        MONTHS[usize::from(gregorian.month) - 1],
        gregorian.year
    ))
}

/// Rewrites Jalali dates inside `<pubDate>`, `<dc:date>`, `<published>` and
/// `<updated>` into RFC 2822.
fn rewrite_jalali_dates(text: &mut String) {
    for tag in ["pubDate", "dc:date", "published", "updated"] {
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        let mut from = 0;
        while let Some(start) = text[from..].find(&open).map(|i| from + i + open.len()) {
            let Some(end) = text[start..].find(&close).map(|i| start + i) else {
                break;
            };
            let value = &text[start..end];
            let persian = value
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            let replaced = if persian
                || value.trim_start().starts_with("13")
                || value.trim_start().starts_with("14")
            {
                jalali_to_rfc2822(value)
            } else {
                None
            };
            match replaced {
                Some(date) => {
                    text.replace_range(start..end, &date);
                    from = start + date.len();
                }
                None => from = end,
            }
        }
    }
}

fn rewrite_for_parser(text: &str) -> String {
    let mut text = text.trim_start_matches('\u{FEFF}').trim_start().to_owned();
    rewrite_jalali_dates(&mut text);
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

/// One item of a feed, as any feed format or sync server gives it: its
/// HTML still unsafe, its title still markup.
pub(crate) struct Item {
    /// The feed's id for it (empty: none).
    pub(crate) id: String,
    /// A web link (already checked by `safe_link`).
    pub(crate) link: Option<String>,
    /// What its relative links are relative to.
    pub(crate) base: Option<url::Url>,
    pub(crate) title: Option<String>,
    pub(crate) html: String,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<i64>,
    /// The language the item or its feed declares.
    pub(crate) language: Option<String>,
}

impl Item {
    /// The article: sanitized body, text title, direction and language
    /// from the text; `None` when it has neither title nor text.
    pub(crate) fn into_article(self) -> Option<NewArticle> {
        let clean = sanitize_html(&self.html, self.base.as_ref());
        let body_text = html_to_text(&clean);
        // Titles are text, never markup.
        let title = self
            .title
            .map(|t| clean_text(&html_to_text(&sanitize_html(&t, None))))
            .unwrap_or_default();
        if title.is_empty() && body_text.is_empty() {
            return None;
        }
        let dir = detect_direction(&format!("{title} {body_text}"), Direction::Ltr);
        let guid = if self.id.is_empty() {
            self.link.clone().unwrap_or_else(|| title.clone())
        } else {
            self.id
        };
        Some(NewArticle {
            guid,
            url: self.link,
            title: if title.is_empty() {
                body_text.chars().take(80).collect()
            } else {
                title
            },
            author: self
                .author
                .as_deref()
                .map(clean_text)
                .filter(|n| !n.is_empty()),
            // The zero date (`Mon, 01 Jan 0001`) and anything before 1970
            // mean "no date": the fetch time stands in.
            published_at: self.published.filter(|t| *t > 0),
            language: Some(language_of(dir, self.language.as_deref())),
            body_html: format!("<div dir=\"{}\">{clean}</div>", dir.as_str()),
            body_text,
        })
    }
}

/// Parses decoded feed text. `base` resolves relative links.
pub fn parse(text: &str, base: Option<&str>) -> Result<ParsedFeed, IngestError> {
    let text = super::decode::strip_control_chars(&rewrite_for_parser(text));
    // Only the dependency is guarded: a panic in Barg's own code around it
    // stays a panic, for the fuzzer to find.
    let feed = super::guard::parse_guarded("feed", || {
        feed_rs::parser::Builder::new()
            .base_uri(base)
            .build()
            .parse(text.as_bytes())
    })
    .map_err(IngestError::Unreadable)?
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
        let published = entry.published.or(entry.updated).map(|d| d.timestamp());
        let item = Item {
            id: entry.id,
            link,
            base: base_url,
            title: entry.title.map(|t| t.content),
            html: raw_html,
            author: entry.authors.first().and_then(|a| a.name.clone()),
            published,
            language: entry.language.or(feed_language.clone()),
        };
        if let Some(article) = item.into_article() {
            items.push(article);
        }
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
    fn jalali_dates_are_read_as_jalali() {
        let cases = [
            ("۱۴۰۴/۰۸/۱۵ - ۱۲:۳۰", Some("06 Nov 2025 12:30:00 +0330")),
            (
                "سه‌شنبه ۱۵ آبان ۱۴۰۴ ساعت ۰۹:۰۵",
                Some("06 Nov 2025 09:05:00 +0330"),
            ),
            ("1403-12-30", Some("20 Mar 2025 00:00:00 +0330")),
            ("1402/12/30", None), // no such day: 1402 is not a leap year
            ("Mon, 24 Nov 2025 10:00:00 +0330", None),
        ];
        for (text, expected) in cases {
            assert_eq!(jalali_to_rfc2822(text).as_deref(), expected, "{text}");
        }
        let feed = "<rss version=\"2.0\"><channel><title>t</title>\
            <item><title>a</title><pubDate>۱۴۰۴/۰۸/۱۵ - ۱۲:۳۰</pubDate><description>x</description></item>\
            <item><title>b</title><pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate><description>y</description></item>\
            </channel></rss>";
        let items = parse(feed, None).unwrap().items;
        assert_eq!(
            items[0].published_at,
            Some(1_762_419_600),
            "1404-08-15 12:30 Tehran is 2025-11-06 09:00 UTC, not the year 1404"
        );
        assert_eq!(items[1].published_at, None, "the zero date is no date");
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
