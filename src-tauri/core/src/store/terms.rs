//! The term dictionary (`search_terms`): every word the index holds, written
//! in the same transaction as the index, so prefix queries can expand
//! through it.

use rusqlite::Transaction;

use crate::index::Folded;
use crate::persian::fold::is_word_char;
use crate::{Library, LibraryError};

/// The distinct words of what one write transaction indexes, added to the
/// term dictionary (`search_terms`) before it commits
/// ([`Library::write_indexing`]): the dictionary that prefix queries expand
/// through holds every word the index holds. Words are
/// cut from the folded text as the index cuts them (runs of word
/// characters; folding has lower-cased them and removed half-spaces).
#[derive(Default)]
pub(crate) struct NewTerms {
    words: rustc_hash::FxHashSet<String>,
    /// Sets collected before the transaction (see [`NewTerms::merge`]),
    /// kept apart: each is filtered against the known words on its own,
    /// instead of being hashed into `words` first.
    collected: Vec<rustc_hash::FxHashSet<String>>,
}

impl NewTerms {
    pub(crate) fn add(&mut self, text: &str) {
        for word in text.split(|c: char| !is_word_char(c)) {
            if !word.is_empty() && !self.words.contains(word) {
                self.words.insert(word.to_owned());
            }
        }
    }

    /// The words of one article's folded title, body and author.
    pub(crate) fn add_folded(&mut self, folded: &Folded) {
        for text in [&folded.title, &folded.body, &folded.author] {
            self.add(text);
        }
    }

    /// The words of many articles, collected before the write transaction
    /// (a sync does it in each feed's own task), so that the writer only
    /// [`merge`](Self::merge)s one set per feed instead of cutting every
    /// word of every article itself.
    pub(crate) fn of_all<'a>(folded: impl IntoIterator<Item = &'a Folded>) -> Self {
        let mut terms = Self::default();
        for folded in folded {
            terms.add_folded(folded);
        }
        terms
    }

    /// Forgets the words the library's dictionary is known to hold (a
    /// feed's task does it, so the writer looks up only the rest).
    pub(crate) fn forget_known(&mut self, library: &Library) {
        let known = library.known_terms();
        self.words.retain(|w| !known.contains(w));
    }

    pub(crate) fn merge(&mut self, other: NewTerms) {
        self.collected.push(other.words);
        self.collected.extend(other.collected);
    }

    /// The words not in `known`, sorted, each once.
    fn not_in(self, known: &rustc_hash::FxHashSet<String>) -> Vec<String> {
        let mut fresh: Vec<String> = std::iter::once(self.words)
            .chain(self.collected)
            .flatten()
            .filter(|t| !known.contains(t))
            .collect();
        fresh.sort_unstable();
        fresh.dedup();
        fresh
    }
}

/// Words this process has seen committed to the dictionary are not written
/// again; past this many, the memory is cleared and starts over.
const KNOWN_TERMS_CAP: usize = 200_000;

impl Library {
    /// [`Library::write`] for a transaction that indexes articles: `f`
    /// collects their words, and the words not known to be in the dictionary
    /// are added before the transaction commits (in order, so its B-tree is
    /// walked once), then remembered. A sync writes in many small
    /// transactions: without the memory, each would look up every common
    /// word again.
    pub(crate) fn write_indexing<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>, &mut NewTerms) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let mut fresh: Vec<String> = Vec::new();
        let value = self.write(|tx| {
            let mut terms = NewTerms::default();
            let value = f(tx, &mut terms)?;
            fresh = terms.not_in(&self.known_terms());
            let mut insert =
                tx.prepare_cached("INSERT OR IGNORE INTO search_terms (term) VALUES (?1)")?;
            for word in &fresh {
                insert.execute([word])?;
            }
            Ok(value)
        })?;
        // Another transaction may have committed meanwhile and not yet
        // told: it then writes some of these words again (`OR IGNORE`).
        let mut known = self.known_terms_mut();
        if known.len() + fresh.len() > KNOWN_TERMS_CAP {
            known.clear();
        }
        known.extend(fresh);
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_write_that_failed_are_written_by_the_next_one() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("library.sqlite")).unwrap();
        let failed: Result<(), LibraryError> = library.write_indexing(|_, terms| {
            terms.add("واژهنو");
            Err(LibraryError::SourceNotFound(0))
        });
        assert!(failed.is_err(), "the first write fails");
        let stored = |library: &Library| -> i64 {
            library
                .read(|c| {
                    Ok(c.query_row(
                        "SELECT count(*) FROM search_terms WHERE term = 'واژهنو'",
                        [],
                        |r| r.get(0),
                    )?)
                })
                .unwrap()
        };
        assert_eq!(stored(&library), 0, "a rolled-back write leaves no word");
        library
            .write_indexing(|_, terms| {
                terms.add("واژهنو");
                Ok(())
            })
            .unwrap();
        assert_eq!(
            stored(&library),
            1,
            "the word is not remembered as stored: the next write stores it"
        );
    }
}
