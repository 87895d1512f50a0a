//! Compounds: two words written apart that Persian writes as one
//! (`رئیس جمهور`, `بحران سازی`, `بی شک`), and the same glued without
//! their half-space (`بحرانسازی`, `بیاعتنایی`).

use super::halfspace::{
    stem_positions, FxMap, FxSet, Glue, Lexicon, HA_SUFFIXES, HEH_SUFFIXES, MI_PREFIXES,
    TAR_SUFFIXES, ZWNJ,
};

/// How much rarer (in frequency classes, 4 a factor of ten) a spaced
/// compound may be than its rarer part and still be joined.
const COMPOUND_MARGIN: i32 = 4;

/// Words that make phrases, not compounds: `به عنوان`, `یکی از`, `کرده است`.
const FUNCTION_WORDS: [&str; 23] = [
    "به", "در", "از", "با", "بر", "تا", "که", "این", "آن", "را", "و", "یا", "هر", "چه", "همه",
    "یک", "یکی", "است", "بود", "شد", "برای", "چون", "اگر",
];

pub(super) fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
}

impl Lexicon {
    /// `a b` is a compound written with a space (`رئیس جمهور`, `سه شنبه`,
    /// `هلی کوپتر`): the lexicon writes it `a‌b` (or `ab`, then the space just
    /// goes), neither part is a function word, and the compound is not much
    /// rarer than its rarer part (a part the lexicon does not know alone
    /// counts as rare: `کوپتر`). Common phrases that lists also write
    /// half-spaced (`به عنوان`, `کرده است`, `یکی از`) fail the first two
    /// tests; `میراث فرهنگی` the last.
    pub(super) fn spaced_compound(&self, a: &str, b: &str, glue: Glue) -> Option<Glue> {
        if is_function_word(a) || is_function_word(b) {
            return None;
        }
        // `بی` before a word is its prefix (`بی شک`, `بی اعتنایی`), and a
        // known word before a bound head is a compound (`بحران سازی`); not
        // `بی بی سی`, which is letters.
        let bi = a == "بی" && !matches!(b, "بی" | "سی");
        if (bi && self.stem_form(b).is_some())
            || (self.bound_heads.contains(b) && self.stem_form(a).is_some())
        {
            return Some(glue);
        }
        let mut buf = [0u8; 96];
        let ab = concat_in(&mut buf, a, b)?;
        let (glue, class) = if let Some(&(form, class)) = self.split.get(ab) {
            let one_half_space = form.len() == ab.len() + ZWNJ.len_utf8()
                && form.strip_prefix(a).is_some_and(|r| r.starts_with(ZWNJ));
            if !one_half_space {
                return None;
            }
            (glue, class)
        } else if let Some(&class) = self.words.get(ab) {
            // Written joined more often than with a half-space, and more
            // often than its rarer part alone (`هلی کوپتر` -> `هلیکوپتر`).
            (Glue::Join, class)
        } else {
            return None;
        };
        // `هم` (also) is a word of its own, but a compound the lexicon
        // writes `هم‌X` (`هم اکنون`, `هم میهن`) is meant.
        if a == "هم" && glue == Glue::Zwnj {
            return Some(glue);
        }
        let part_class = |w: &str| self.stem_form(w).map_or(-1, |(_, c)| i32::from(c));
        let rarer_part = part_class(a).min(part_class(b));
        let margin = if glue == Glue::Join {
            -2
        } else {
            COMPOUND_MARGIN
        };
        (i32::from(class) - rarer_part >= -margin).then_some(glue)
    }

    /// An unknown joined word that is `بی` + a known word (`بیاعتنایی`) or
    /// a known word + a bound head of four letters or more (`بحرانسازی`):
    /// the compound that lost its half-space.
    pub(super) fn glued_compound(&self, k: &str) -> Option<Vec<usize>> {
        if let Some(rest) = k.strip_prefix("بی") {
            // Not a verb after the subjunctive ب (`بیانجامد`, `بیاندازند`).
            if rest.chars().count() >= 3
                && !is_function_word(rest)
                && !self.is_verb_form(rest)
                && self.stem_form(rest).is_some()
            {
                return Some(vec!["بی".len()]);
            }
        }
        // Only where a head could start: heads are 8 to `bound_head_bytes`
        // bytes long (four letters or more; a short head such as `باف` or
        // `سرا` ends names too: `مخملباف`).
        let shortest = k.len().saturating_sub(self.bound_head_bytes).max(4);
        for at in (shortest..k.len().saturating_sub(7)).filter(|&at| k.is_char_boundary(at)) {
            let (stem, head) = k.split_at(at);
            if head.chars().count() >= 4
                && self.bound_heads.contains(head)
                && !is_function_word(stem)
                && self.stem_form(stem).is_some()
            {
                return self
                    .stem_form(stem)
                    .map(|(form, _)| stem_positions(form, stem.len()));
            }
        }
        None
    }
}

/// `a` and `b` written one after the other in `buf` (no allocation: this is
/// asked of every two words side by side); `None` when they do not fit.
fn concat_in<'b>(buf: &'b mut [u8], a: &str, b: &str) -> Option<&'b str> {
    let n = a.len() + b.len();
    if n > buf.len() {
        return None;
    }
    buf[..a.len()].copy_from_slice(a.as_bytes());
    buf[a.len()..n].copy_from_slice(b.as_bytes());
    std::str::from_utf8(&buf[..n]).ok()
}

/// How many compounds of the lexicon a second part must end, and how much
/// more often (log10) it must end them than stand alone, to be a bound head.
const BOUND_HEAD_COMPOUNDS: usize = 5;
const BOUND_HEAD_RATIO: f64 = -0.8;

/// The second parts of the lexicon's two-part compounds that the lists see
/// far more often inside compounds than alone (`سازی`, `گذاری`, `شناسی`,
/// `آمیز`, not `کاری` or `نامه`). A part's frequency alone counts spaced
/// compounds too (`بحران سازی`), hence a ratio below zero.
pub(super) fn bound_heads(lex: &Lexicon) -> FxSet<&'static str> {
    let mut mass: FxMap<&'static str, (usize, f64)> = FxMap::default();
    for &(form, class) in lex.split.values() {
        let mut parts = form.split(ZWNJ);
        let (Some(first), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        if MI_PREFIXES.contains(&first)
            || HA_SUFFIXES.contains(&second)
            || HEH_SUFFIXES.contains(&second)
            || TAR_SUFFIXES.contains(&second)
        {
            continue;
        }
        let entry = mass.entry(second).or_default();
        entry.0 += 1;
        entry.1 += 10f64.powf(f64::from(class) / 4.0);
    }
    mass.into_iter()
        .filter(|(head, (count, total))| {
            let alone = lex
                .stem_form(head)
                .map_or(-1.0, |(_, c)| f64::from(c) / 4.0);
            *count >= BOUND_HEAD_COMPOUNDS && total.log10() - alone >= BOUND_HEAD_RATIO
        })
        .map(|(head, _)| head)
        .collect()
}
