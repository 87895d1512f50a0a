//! The query language: what a user typed, parsed into folded terms (words,
//! `"phrases"`, `prefix*`; anything else is plain text), and each term as an
//! FTS5 expression in which every word is a quoted string.

use crate::persian::fold::{fold, is_suffix};
use crate::LibraryError;

/// One term of a parsed query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word { text: String, prefix: bool },
    Phrase(Vec<String>),
}

/// Parses what a user typed into terms: `"…"` is a phrase (an unclosed quote
/// runs to the end), a trailing `*` makes a prefix, everything else is a
/// word; punctuation and FTS5 syntax are plain separators.
pub fn parse_query(input: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for (index, segment) in input.split('"').enumerate() {
        let folded = fold(segment);
        let words = folded.split(' ').filter(|w| !w.is_empty());
        if index % 2 == 1 {
            let phrase: Vec<String> = words
                .filter(|w| is_searchable(w))
                .map(str::to_owned)
                .collect();
            match phrase.len() {
                0 => {}
                1 => terms.push(Term::Word {
                    text: phrase[0].clone(),
                    prefix: false,
                }),
                _ => terms.push(Term::Phrase(phrase)),
            }
        } else {
            for word in words {
                if word == "*" {
                    if let Some(Term::Word { prefix, .. }) = terms.last_mut() {
                        *prefix = true;
                    }
                } else if is_searchable(word) {
                    terms.push(Term::Word {
                        text: word.to_owned(),
                        prefix: false,
                    });
                }
            }
        }
    }
    terms
}

fn is_searchable(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

/// A prefix query expands to at most this many words of the dictionary; a
/// prefix that more words share (one or two letters) is left to FTS5's own
/// prefix query, which merges the postings of all of them.
pub(super) const MAX_PREFIX_TERMS: usize = 4096;

/// A term as an FTS5 expression; every word in it is a quoted string. `None`
/// when the term can match nothing: a prefix of no indexed word.
///
/// A prefix term becomes the OR of the indexed words that start with it,
/// looked up in the term dictionary (`search_terms`): FTS5 walks an OR of
/// words lazily, newest first, and stops at the query's LIMIT, where its own
/// `"abc" *` first merges the whole posting list of every such word (a
/// common prefix at a million articles: 100–250 ms).
fn term_expression(
    conn: &rusqlite::Connection,
    term: &Term,
    max_prefix_terms: usize,
) -> Result<Option<String>, LibraryError> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    Ok(Some(match term {
        Term::Word {
            text,
            prefix: false,
        } if is_suffix(text) => {
            // A suffix alone (`های`): the suffix written apart, or any word
            // that ends with it (`کتابهای`), from the dictionary. A suffix
            // cannot use the dictionary's order: this scans it, until the
            // cap (about 30–110 ms at a million words, measured with SQLite
            // on a dictionary of that size), and only for such a query.
            let mut stmt = conn.prepare_cached(
                "SELECT term FROM search_terms WHERE term LIKE '%' || ?1 AND term <> ?1 LIMIT ?2",
            )?;
            let words: Vec<String> = stmt
                .query_map(rusqlite::params![text, max_prefix_terms as i64], |r| {
                    r.get(0)
                })?
                .collect::<Result<_, _>>()?;
            let alternatives: Vec<String> = std::iter::once(quote(text))
                .chain(words.iter().map(|w| quote(w)))
                .collect();
            format!("({})", alternatives.join(" OR "))
        }
        Term::Word {
            text,
            prefix: false,
        } => quote(text),
        Term::Phrase(words) => quote(&words.join(" ")),
        Term::Word { text, prefix: true } => {
            let mut stmt = conn.prepare_cached(
                "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?1 || char(1114111)
                 ORDER BY term LIMIT ?2",
            )?;
            let words: Vec<String> = stmt
                .query_map(rusqlite::params![text, max_prefix_terms as i64 + 1], |r| {
                    r.get(0)
                })?
                .collect::<Result<_, _>>()?;
            if words.is_empty() {
                return Ok(None);
            } else if words.len() > max_prefix_terms {
                format!("{} *", quote(text))
            } else {
                let alternatives: Vec<String> = words.iter().map(|w| quote(w)).collect();
                format!("({})", alternatives.join(" OR "))
            }
        }
    }))
}

/// The FTS5 MATCH expression of each term (all must match); `None` when
/// one of them can match nothing.
pub(super) fn match_expression(
    conn: &rusqlite::Connection,
    terms: &[Term],
    max_prefix_terms: usize,
) -> Result<Option<Vec<String>>, LibraryError> {
    terms
        .iter()
        .map(|term| term_expression(conn, term, max_prefix_terms))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Term {
        Term::Word {
            text: text.into(),
            prefix: false,
        }
    }

    #[test]
    fn queries_parse_into_folded_terms() {
        let cases: &[(&str, Vec<Term>, &str)] = &[
            (
                "رئیس جمهور",
                vec![word("رییسجمهور")],
                "a spaced compound is one term",
            ),
            ("می کند", vec![word("میکند")], "a spaced verb is one term"),
            (
                "كتاب*",
                vec![Term::Word {
                    text: "کتاب".into(),
                    prefix: true,
                }],
                "prefix, Arabic kaf folded",
            ),
            (
                "\"تحمیل تحریم\"",
                vec![Term::Phrase(vec!["تحمیل".into(), "تحریم".into()])],
                "a phrase",
            ),
            (
                "\"unclosed phrase",
                vec![Term::Phrase(vec!["unclosed".into(), "phrase".into()])],
                "unclosed quote",
            ),
            (
                "a AND (b OR c) NOT -d",
                vec![
                    word("a"),
                    word("and"),
                    word("b"),
                    word("or"),
                    word("c"),
                    word("not"),
                    word("d"),
                ],
                "FTS5 syntax is plain text",
            ),
            (
                "* \" ' ( ) : ^ ، ؟",
                vec![],
                "punctuation alone is no query",
            ),
        ];
        for (input, expected, why) in cases {
            assert_eq!(&parse_query(input), expected, "{why}: {input}");
        }
    }

    #[test]
    fn match_expressions_quote_every_term_and_expand_prefixes_through_the_dictionary() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE search_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
             INSERT INTO search_terms VALUES ('کتابها'), ('کتاب'), ('کتابخانه'), ('کاغذ'), ('کتا');",
        )
        .unwrap();
        let expression = |query: &str, cap: usize| {
            match_expression(&conn, &parse_query(query), cap)
                .unwrap()
                .map(|parts| parts.join(" AND "))
        };
        assert_eq!(
            expression("كتاب* \"a b\" c", 10).unwrap(),
            "(\"کتاب\" OR \"کتابخانه\" OR \"کتابها\") AND \"a b\" AND \"c\"",
            "a prefix becomes the words that start with it, `کتا` and `کاغذ` left out"
        );
        assert_eq!(
            expression("كتاب*", 2).unwrap(),
            "\"کتاب\" *",
            "a prefix shared by more words than the cap is left to FTS5"
        );
        assert_eq!(
            expression("قلم* کتاب", 10),
            None,
            "a prefix of no indexed word matches nothing, and so neither does the query"
        );
    }
}
