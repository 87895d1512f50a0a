//! bm25 over a bounded set of candidates: each term's document frequency
//! estimated from its newest postings, term frequencies counted in the
//! candidates' folded text.

use super::{Term, DF_SAMPLE};
use crate::persian::fold::{fold, is_suffix, is_word_char};

/// Weights of the indexed columns in bm25: title, body, author, source.
const WEIGHTS: [f64; 4] = [10.0, 1.0, 2.0, 1.0];
/// bm25's parameters, as FTS5 sets them.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A term's document frequency from the newest postings of it (`sample`,
/// newest first, at most [`DF_SAMPLE`]): exact when the sample is all of
/// them, otherwise scaled by the share of the library (by id) the sample
/// reaches back over.
pub(super) fn estimate_document_frequency(sample: &[i64], library_size: i64) -> f64 {
    let count = sample.len() as f64;
    match (sample.first(), sample.last()) {
        (Some(&newest), Some(&oldest)) if sample.len() as u32 >= DF_SAMPLE => {
            let span = (newest.max(library_size) - oldest + 1).max(1) as f64;
            (count * library_size as f64 / span).min(library_size as f64)
        }
        _ => count,
    }
}

/// What bm25 needs of one document: for each term, its occurrences in each
/// column; and the document's length in tokens.
#[derive(Debug, Default, PartialEq)]
pub(super) struct TermCounts {
    per_term: Vec<[u32; 4]>,
    pub(super) length: usize,
}

/// Counts each term's occurrences in the folded columns, tokenised as the
/// index tokenises (runs of letters and digits).
pub(super) fn count_terms(terms: &[Term], columns: &[String; 4]) -> TermCounts {
    let mut counts = TermCounts {
        per_term: vec![[0; 4]; terms.len()],
        length: 0,
    };
    for (column, text) in columns.iter().enumerate() {
        let folded = fold(text);
        let tokens: Vec<&str> = folded
            .split(|c: char| !is_word_char(c))
            .filter(|t| !t.is_empty())
            .collect();
        counts.length += tokens.len();
        for (term, count) in terms.iter().zip(counts.per_term.iter_mut()) {
            count[column] = match term {
                Term::Word {
                    text,
                    prefix: false,
                } if is_suffix(text) => {
                    tokens.iter().filter(|t| t.ends_with(text.as_str())).count() as u32
                }
                Term::Word {
                    text,
                    prefix: false,
                } => tokens.iter().filter(|t| **t == text).count() as u32,
                Term::Word { text, prefix: true } => tokens
                    .iter()
                    .filter(|t| t.starts_with(text.as_str()))
                    .count() as u32,
                Term::Phrase(words) => tokens
                    .windows(words.len())
                    .filter(|w| w.iter().zip(words).all(|(a, b)| *a == b))
                    .count() as u32,
            };
        }
    }
    counts
}

/// Okapi bm25 as FTS5 computes it: per term, the column-weighted frequency
/// saturated against the document's length. Higher is better.
pub(super) fn bm25(counts: &TermCounts, idf: &[f64], average_length: f64) -> f64 {
    let length_factor = 1.0 - B + B * counts.length as f64 / average_length.max(1.0);
    counts
        .per_term
        .iter()
        .zip(idf)
        .map(|(columns, idf)| {
            let f: f64 = columns
                .iter()
                .zip(WEIGHTS)
                .map(|(&n, w)| f64::from(n) * w)
                .sum();
            idf * f * (K1 + 1.0) / (f + K1 * length_factor)
        })
        .sum()
}
