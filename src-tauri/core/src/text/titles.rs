//! The direction of a short text (a feed's name, an article's title).
//!
//! A title that mixes scripts reads in the language of its grammar, not of
//! its letters: "Blogs on امیررضا قادری" is an English phrase around a
//! Persian name (left to right), «Rust و Tauri: برنامه‌های دسکتاپ» and
//! «Tauri 2 چیست؟» are Persian sentences with a Latin name (right to left).
//! So the grammar words of each side are counted: more English ones make it
//! left to right; anything else (fewer, as many, none) right to left, as a
//! Persian reader's titles mostly are. Measured on every feed, item and page
//! title of the fixtures (`tests/fixtures/titles/directions.tsv`).

use super::{is_ltr_letter, is_rtl_letter, Direction, DIRECTION_SAMPLE_CHARS};

/// English articles, prepositions, conjunctions, copulas and auxiliaries,
/// question words and demonstratives (no pronouns: they are names' words too).
const ENGLISH: &[&str] = &[
    "a", "about", "after", "against", "am", "an", "and", "are", "as", "at", "be", "been", "before",
    "between", "but", "by", "can", "could", "did", "do", "does", "during", "for", "from", "had",
    "has", "have", "how", "if", "in", "into", "is", "may", "might", "must", "no", "nor", "not",
    "of", "on", "onto", "or", "over", "should", "than", "that", "the", "these", "this", "those",
    "through", "to", "under", "vs", "was", "were", "what", "when", "where", "which", "who", "whom",
    "whose", "why", "will", "with", "without", "would",
];

/// The same for Persian, Arabic, Urdu and Hebrew (Arabic `من ما كل قد` are
/// left out: in Persian they are "I", "we", "whole", "height", often in names).
const RIGHT_TO_LEFT: &[&str] = &[
    // Persian
    "و",
    "از",
    "در",
    "به",
    "با",
    "را",
    "که",
    "این",
    "آن",
    "برای",
    "تا",
    "یا",
    "های",
    "ها",
    "ی",
    "ای",
    "هم",
    "بر",
    "اما",
    "ولی",
    "اگر",
    "چه",
    "چرا",
    "چگونه",
    "چطور",
    "آیا",
    "کجا",
    "چیست",
    "کیست",
    "است",
    "هست",
    "نیست",
    "بود",
    "شد",
    "می",
    "نمی",
    "یک",
    "بی",
    "پس",
    "نه",
    // Arabic
    "فی",
    "علی",
    "إلی",
    "الی",
    "عن",
    "مع",
    "أو",
    "أن",
    "ان",
    "إن",
    "لا",
    "هذا",
    "هذه",
    "ذلک",
    "التی",
    "الذی",
    "الذین",
    "ثم",
    "بین",
    "حتی",
    "منذ",
    "عند",
    "کان",
    "کانت",
    "هل",
    "لم",
    "لن",
    // Urdu
    "کے",
    "کی",
    "کا",
    "میں",
    "سے",
    "نے",
    "کو",
    "پر",
    "ہے",
    "ہیں",
    "تھا",
    "تھے",
    "اور",
    "یہ",
    "وہ",
    "لیے",
    "لئے",
    "بھی",
    "تک",
    "کیا",
    // Hebrew
    "של",
    "עם",
    "על",
    "את",
    "עבור",
    "או",
    "גם",
    "זה",
    "זו",
    "כי",
    "אם",
    "לא",
    "יש",
    "אל",
    "מן",
    "הוא",
    "היא",
    "אבל",
    "כמו",
];

/// Arabic yeh and kaf as Persian, without half-spaces and harakat: the form
/// the lists above are written in.
fn normalized(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(*c, '\u{200C}' | '\u{200D}') && !super::is_arabic_mark(*c))
        .map(|c| match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            c => c,
        })
        .collect()
}

/// The direction to show a short text in (see the module's documentation);
/// `fallback` when it has no letters.
pub fn title_direction(text: &str, fallback: Direction) -> Direction {
    // The first DIRECTION_SAMPLE_CHARS characters, borrowed (this is asked
    // of every row of a list, for its title and its source's name).
    let end = text
        .char_indices()
        .nth(DIRECTION_SAMPLE_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let sample = &text[..end];
    let rtl = sample.chars().any(is_rtl_letter);
    let ltr = sample.chars().any(is_ltr_letter);
    match (rtl, ltr) {
        (false, false) => return fallback,
        (true, false) => return Direction::Rtl,
        (false, true) => return Direction::Ltr,
        (true, true) => {}
    }
    let (mut english, mut right_to_left) = (0usize, 0usize);
    let words = sample.split(|c: char| {
        !(c.is_alphanumeric() || super::is_arabic_mark(c) || matches!(c, '\u{200C}' | '\u{200D}'))
    });
    for word in words {
        let Some(first) = word
            .chars()
            .find(|c| is_rtl_letter(*c) || is_ltr_letter(*c))
        else {
            continue;
        };
        if is_ltr_letter(first) {
            // An acronym (`AS`, `IS`, `OR`) is a name, not a grammar word.
            let acronym = word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if !acronym && ENGLISH.contains(&word.to_lowercase().as_str()) {
                english += 1;
            }
        } else if RIGHT_TO_LEFT.contains(&normalized(word).as_str()) {
            right_to_left += 1;
        }
    }
    if english > right_to_left {
        Direction::Ltr
    } else {
        Direction::Rtl
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_read_in_the_language_of_their_grammar() {
        let rows = [
            (
                "Blogs on امیررضا قادری",
                Direction::Ltr,
                "Hugo's English frame around a Persian name",
            ),
            ("Posts on امیررضا قادری", Direction::Ltr, "the same, Posts"),
            ("Home on امیررضا قادری", Direction::Ltr, "the same, Home"),
            (
                "Rust و Tauri: برنامه‌های دسکتاپ سبک",
                Direction::Rtl,
                "a Persian sentence that starts with a Latin name",
            ),
            (
                "Tauri 2 چیست؟",
                Direction::Rtl,
                "more Latin letters than Persian, but a Persian question",
            ),
            (
                "دستور ping",
                Direction::Rtl,
                "no grammar word on either side: a Persian reader's default",
            ),
            ("Release notes", Direction::Ltr, "English only"),
            ("خبرهای امروز", Direction::Rtl, "Persian only"),
            ("2026", Direction::Ltr, "no letters: the fallback"),
        ];
        for (title, want, why) in rows {
            assert_eq!(
                title_direction(title, Direction::Ltr),
                want,
                "{why}: {title}"
            );
        }
    }
}
