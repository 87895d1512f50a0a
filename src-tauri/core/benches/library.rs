//! `make bench`: Barg's library at scale, measured, not asserted.
//!
//! Generates reproducible synthetic Persian libraries from real word
//! frequencies (wordfreq, see data/SOURCES.md) — about 300 words an article,
//! half-spaced words as the list has them, digits in two scripts, 3% of words
//! typed on an Arabic keyboard — imports them, and times search, lists and
//! opening an article; beside a plain FTS5 table (unicode61, no folding) over
//! the same text, to show what folding costs and what it finds. Also: folding
//! and repair throughput, and half-space repair precision/recall on real text
//! (UD Persian) with its half-spaces removed.
//!
//! `BARG_BENCH_SIZES=100000,1000000` (default `100000`); the report is printed
//! and written to `target/bench-report.md`. With `BARG_BENCH_LIBRARY_DIR` set,
//! the generated libraries are kept there for the window benchmark.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use barg_core::persian::{fold, repair};
use barg_core::{ArticleFilter, Library, NewArticle, SearchQuery, SourceKind};

const NOW: i64 = 1_764_000_000;

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

struct Words {
    words: Vec<String>,
    /// Cumulative frequency, for sampling by frequency.
    cumulative: Vec<f64>,
}

impl Words {
    fn load() -> Self {
        let text = include_str!("data/wordfreq_fa_small.tsv");
        let mut words = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0.0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(word), Some(_zipf), Some(freq)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let Ok(freq) = freq.parse::<f64>() else {
                continue;
            };
            if !word.chars().any(barg_core::text::is_rtl_letter) {
                continue;
            }
            total += freq;
            words.push(word.to_owned());
            cumulative.push(total);
        }
        Self { words, cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().expect("words");
        let x = (rng.next() as f64 / u64::MAX as f64) * total;
        let i = self
            .cumulative
            .partition_point(|c| *c < x)
            .min(self.words.len() - 1);
        &self.words[i]
    }
}

fn arabic_keyboard(word: &str) -> String {
    word.replace('ی', "ي").replace('ک', "ك")
}

fn generate_article(words: &Words, rng: &mut Rng, index: usize) -> NewArticle {
    let sentence_words = |n: usize, rng: &mut Rng| {
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let word = words.sample(rng);
            out.push(if rng.chance(3) {
                arabic_keyboard(word)
            } else {
                word.to_owned()
            });
            if rng.chance(2) {
                let number = rng.below(2000).to_string();
                out.push(if rng.chance(50) {
                    number
                        .chars()
                        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap_or(c))
                        .collect()
                } else {
                    number
                });
            }
        }
        out.join(" ")
    };
    let title = sentence_words(8, rng);
    let paragraphs: Vec<String> = (0..5)
        .map(|_| format!("{}.", sentence_words(60, rng)))
        .collect();
    NewArticle {
        guid: format!("bench-{index}"),
        url: None,
        body_html: String::new(),
        title,
        author: None,
        published_at: Some(1_600_000_000 + index as i64 * 60),
        language: Some("fa".into()),
        body_text: paragraphs.join("\n"),
    }
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

struct QueryClass {
    name: &'static str,
    queries: Vec<String>,
}

/// Query words by class, from the same frequency list.
fn query_classes(words: &Words, rng: &mut Rng, library: &Library) -> Vec<QueryClass> {
    let plain = |w: &String| w.chars().count() >= 3 && !w.contains('\u{200C}');
    let rare: Vec<String> = words.words[3000..]
        .iter()
        .filter(|w| plain(w))
        .take(400)
        .step_by(20)
        .cloned()
        .collect();
    let common: Vec<String> = words.words[20..200]
        .iter()
        .filter(|w| plain(w))
        .take(20)
        .cloned()
        .collect();
    let two: Vec<String> = (0..20)
        .map(|i| format!("{} {}", common[i % common.len()], words.words[300 + i * 7]))
        .collect();
    // Phrases: two neighbouring words from a stored article.
    let mut phrases = Vec::new();
    for i in 0..20 {
        let id = 1 + rng.below(1000) as i64 + i;
        if let Ok(article) = library.article(id) {
            let ws: Vec<&str> = article
                .body_text
                .split_whitespace()
                .filter(|w| w.chars().all(char::is_alphabetic))
                .collect();
            if ws.len() > 12 {
                phrases.push(format!("\"{} {}\"", ws[10], ws[11]));
            }
        }
    }
    let prefixes: Vec<String> = common
        .iter()
        .map(|w| format!("{}*", w.chars().take(3).collect::<String>()))
        .collect();
    vec![
        QueryClass {
            name: "rare word",
            queries: rare,
        },
        QueryClass {
            name: "common word",
            queries: common,
        },
        QueryClass {
            name: "two words",
            queries: two,
        },
        QueryClass {
            name: "phrase",
            queries: phrases,
        },
        QueryClass {
            name: "prefix",
            queries: prefixes,
        },
    ]
}

/// The same query on the plain table: raw words, FTS5 syntax as typed.
fn plain_match(query: &str) -> String {
    if query.starts_with('"') {
        return query.to_owned();
    }
    query
        .split_whitespace()
        .map(|w| match w.strip_suffix('*') {
            Some(stem) => format!("\"{stem}\" *"),
            None => format!("\"{w}\""),
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn bench_size(size: usize, words: &Words, report: &mut String) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // `BARG_BENCH_LIBRARY_DIR` keeps each generated library as a Barg data
    // folder (`<dir>/library-<size>/library.sqlite`) for the window benchmark.
    let path = match std::env::var_os("BARG_BENCH_LIBRARY_DIR") {
        Some(keep) => {
            let data_dir = Path::new(&keep).join(format!("library-{size}"));
            let _ = std::fs::remove_dir_all(&data_dir);
            std::fs::create_dir_all(&data_dir).expect("the kept library's folder");
            data_dir.join("library.sqlite")
        }
        None => dir.path().join("library.sqlite"),
    };
    let library = Library::open(&path).expect("a new library");
    let source = library
        .ensure_source(SourceKind::File, "bench", "file:bench", NOW)
        .expect("a source");
    let mut rng = Rng(0x5EED_0000 + size as u64);

    // Import.
    let started = Instant::now();
    let mut generated = Duration::ZERO;
    let mut batch = Vec::with_capacity(1000);
    let mut text_bytes = 0usize;
    for i in 0..size {
        let t = Instant::now();
        let article = generate_article(words, &mut rng, i);
        generated += t.elapsed();
        text_bytes += article.body_text.len() + article.title.len();
        batch.push(article);
        if batch.len() == 1000 || i + 1 == size {
            library.add_articles(source, &batch, NOW).expect("import");
            batch.clear();
        }
    }
    let import_secs = (started.elapsed() - generated).as_secs_f64();
    // What an import of this size does when it is done (see
    // `Library::compact_after_import`).
    let started = Instant::now();
    let compaction_steps = library
        .compact_after_import(size as u64)
        .expect("compaction");
    let compaction_secs = started.elapsed().as_secs_f64();
    let db_mb = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
        + std::fs::metadata(path.with_extension("sqlite-wal"))
            .map(|m| m.len())
            .unwrap_or(0) as f64
            / 1e6;

    // The plain FTS5 table over the same text, for comparison.
    let plain = rusqlite::Connection::open(dir.path().join("plain.sqlite")).expect("plain db");
    plain
        .execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
             CREATE VIRTUAL TABLE plain USING fts5(title, body, tokenize='unicode61 remove_diacritics 0');",
        )
        .expect("plain table");
    {
        let raw = rusqlite::Connection::open(&path).expect("read library");
        let mut stmt = raw
            .prepare("SELECT id, title, body_text FROM articles")
            .expect("select");
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .expect("rows");
        plain.execute_batch("BEGIN").expect("begin");
        for row in rows {
            let (id, title, body) = row.expect("row");
            plain
                .execute(
                    "INSERT INTO plain (rowid, title, body) VALUES (?1, ?2, ?3)",
                    rusqlite::params![id, title, body],
                )
                .expect("insert");
        }
        plain.execute_batch("COMMIT").expect("commit");
    }

    let _ = writeln!(report, "\n### {size} articles\n");
    let _ = writeln!(
        report,
        "Import: {:.0} articles/s ({:.1} MB of text in {:.1} s, generation excluded); then compacting the search index: {:.1} s in {compaction_steps} steps ({:.0} articles/s with it); library file {:.0} MB.\n",
        size as f64 / import_secs,
        text_bytes as f64 / 1e6,
        import_secs,
        compaction_secs,
        size as f64 / (import_secs + compaction_secs),
        db_mb
    );
    let _ = writeln!(report, "| query (top 50 with snippets) | p50 ms | p95 ms | plain FTS5 p50 ms | ours / plain (p50) | share plain misses |");
    let _ = writeln!(report, "|---|---:|---:|---:|---:|---:|");
    for class in query_classes(words, &mut rng, &library) {
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let (mut found_ours, mut found_plain) = (0u64, 0u64);
        for query in &class.queries {
            let q = SearchQuery {
                text: query.clone(),
                limit: 50,
                ..Default::default()
            };
            let t = Instant::now();
            let result = library.search(&q).expect("search");
            ours.push(t.elapsed());
            let t = Instant::now();
            let mut stmt = plain
                .prepare_cached("SELECT rowid FROM plain WHERE plain MATCH ?1 ORDER BY bm25(plain, 10.0, 1.0) LIMIT 50")
                .expect("plain query");
            let n = stmt
                .query_map([plain_match(query)], |r| r.get::<_, i64>(0))
                .map(|rows| rows.count())
                .unwrap_or(0);
            theirs.push(t.elapsed());
            let _ = n;
            // Recall: how many documents each finds, on the same cap.
            let cap = barg_core::search::TOTAL_CAP as u64;
            found_ours += u64::from(result.total);
            let plain_count: i64 = plain
                .query_row(
                    &format!("SELECT count(*) FROM (SELECT 1 FROM plain WHERE plain MATCH ?1 LIMIT {cap})"),
                    [plain_match(query)],
                    |r| r.get(0),
                )
                .unwrap_or(0);
            found_plain += plain_count as u64;
        }
        let (p50, p95) = (percentile(&mut ours, 0.5), percentile(&mut ours, 0.95));
        let plain50 = percentile(&mut theirs, 0.5);
        let missed = if found_ours > 0 {
            1.0 - (found_plain as f64 / found_ours as f64).min(1.0)
        } else {
            0.0
        };
        let _ = writeln!(
            report,
            "| {} ({} queries) | {p50:.1} | {p95:.1} | {plain50:.1} | {:.2} | {:.1}% |",
            class.name,
            class.queries.len(),
            p50 / plain50.max(0.001),
            missed * 100.0
        );
    }

    // Lists and opening articles.
    for id in (1..=size as i64).step_by((size / 1000).max(1)) {
        library.set_bookmark(id, true, NOW).expect("bookmark");
    }
    let mut list_times = Vec::new();
    let mut open_times = Vec::new();
    for i in 0..100 {
        let t = Instant::now();
        let page = library
            .list_articles(&ArticleFilter {
                bookmarked_only: i % 2 == 0,
                limit: 50,
                offset: 0,
                ..Default::default()
            })
            .expect("list");
        list_times.push(t.elapsed());
        assert!(!page.is_empty());
        let id = 1 + rng.below(size) as i64;
        let t = Instant::now();
        let _ = library.article(id).expect("article");
        open_times.push(t.elapsed());
    }
    let _ = writeln!(
        report,
        "\nList of the 50 newest (all / bookmarked): p50 {:.2} ms, p95 {:.2} ms. Opening an article: p50 {:.2} ms, p95 {:.2} ms. Peak RSS of the benchmark process so far: {:.0} MB.",
        percentile(&mut list_times, 0.5),
        percentile(&mut list_times, 0.95),
        percentile(&mut open_times, 0.5),
        percentile(&mut open_times, 0.95),
        peak_rss_mb()
    );
}

fn throughput(report: &mut String, words: &Words) {
    let mut rng = Rng(7);
    let text: String = (0..2000)
        .map(|i| generate_article(words, &mut rng, i).body_text + "\n")
        .collect();
    let mb = text.len() as f64 / 1e6;
    let t = Instant::now();
    let folded: usize = text.lines().map(|l| fold::fold(l).len()).sum();
    let fold_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let repaired: usize = text.lines().map(|l| repair::repair(l).len()).sum();
    let repair_secs = t.elapsed().as_secs_f64();
    let _ = (folded, repaired);
    let _ = writeln!(report, "\n### Text functions\n");
    let _ = writeln!(report, "Folding: {:.0} MB/s. Repair (half-spaces, digits, punctuation): {:.0} MB/s. ({mb:.1} MB of generated Persian text.)", mb / fold_secs, mb / repair_secs);
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is taken from the command line.
    let sizes: Vec<usize> = std::env::var("BARG_BENCH_SIZES")
        .unwrap_or_else(|_| "100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let words = Words::load();
    let mut report = String::from("## Barg benchmark\n");
    throughput(&mut report, &words);
    for size in sizes {
        bench_size(size, &words, &mut report);
        eprintln!("{report}");
    }
    println!("{report}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-report.md");
    let _ = std::fs::create_dir_all(out.parent().expect("target"));
    let _ = std::fs::write(&out, &report);
}
