-- Schema version 8: search folding learned the other Arabic-script yehs and
-- hehs (`ے ۓ ې ہ ۂ ھ ۿ` with `ی` and `ه`) and the soft hyphen written for a
-- half-space. The index holds folded text, so it is emptied here and rebuilt
-- by the migration's hook (Rust folds), with the term dictionary after it.
INSERT INTO article_search (article_search) VALUES ('delete-all');
DELETE FROM search_terms;
