//! Measures the half-space repair on real text that has its half-spaces:
//! each ZWNJ is taken out (the "removed" input: `میکند`) or turned into a
//! space (the "spaced" input: `می کند`), the text repaired, and every change
//! the repair made compared with the original, by kind (`می`, plural, `ای`…,
//! `تر`, compound).
//!
//! ```sh
//! cargo run --release -p barg-core --example halfspace_eval -- FILE...
//! ```
//! Each FILE holds sentences, one a line (the UD Persian dev sets, news text);
//! `CORPUS=FILE:FILE` adds text that only shows which words writers spell
//! more than one way.
//! A ZWNJ after a letter that does not join (ا د ر ز ژ و …) shows nothing and
//! is left out of the original, as the repair never writes one. Where the
//! original itself spells a word both ways (`آنها` and `آن‌ها`), either
//! spelling counts as right, and so does the Academy's (فرهنگستان) spelling
//! of an affix the original writes joined or spaced: `می‌`, `‌ها`, `‌تر`,
//! `ه‌ای` (`زبان‌ها` where the original has `زبانها` or `زبان ها`).
//! `STRICT=1` counts only the original's own spelling.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;

use barg_core::persian::repair::{explain_word_kind, repair_half_spaces, JoinKind};

const ZWNJ: char = '\u{200C}';

fn non_joining(c: char) -> bool {
    matches!(
        c,
        'ا' | 'آ' | 'أ' | 'إ' | 'د' | 'ذ' | 'ر' | 'ز' | 'ژ' | 'و' | 'ؤ' | 'ة' | 'ۀ'
    )
}

/// What stands between two letters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gap {
    None,
    Space,
    Zwnj,
}

/// The letters of a text (everything but spaces and ZWNJ) and the gap before
/// each of them.
fn letters_and_gaps(text: &str) -> (Vec<char>, Vec<Gap>) {
    let mut letters = Vec::new();
    let mut gaps = Vec::new();
    let mut gap = Gap::None;
    for c in text.chars() {
        match c {
            ' ' => gap = Gap::Space,
            ZWNJ => {
                if gap != Gap::Space {
                    gap = Gap::Zwnj;
                }
            }
            _ => {
                letters.push(c);
                gaps.push(gap);
                gap = Gap::None;
            }
        }
    }
    (letters, gaps)
}

/// The original with invisible half-spaces dropped and runs of spaces made one.
fn clean_gold(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut prev: Option<char> = None;
    for c in line.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ZWNJ && (prev.is_none_or(|p| non_joining(p) || p == ' ' || p == ZWNJ)) {
            continue;
        }
        if c == ' ' && prev == Some(' ') {
            continue;
        }
        if c == ' ' && prev == Some(ZWNJ) {
            out.pop();
        }
        out.push(c);
        prev = Some(c);
    }
    out.trim_end_matches(ZWNJ).trim().to_owned()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    /// Lost half-spaces in the input.
    lost: usize,
    /// Of those, restored.
    restored: usize,
    /// Changes the repair made.
    changes: usize,
    /// Of those, right.
    right: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.lost += o.lost;
        self.restored += o.restored;
        self.changes += o.changes;
        self.right += o.right;
    }
    fn precision(&self) -> f64 {
        if self.changes == 0 {
            1.0
        } else {
            self.right as f64 / self.changes as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.lost == 0 {
            1.0
        } else {
            self.restored as f64 / self.lost as f64
        }
    }
}

/// The word (letters between spaces) around letter `at`, with its half-spaces.
fn word_at(letters: &[char], gaps: &[Gap], at: usize) -> (String, usize) {
    let mut start = at;
    while start > 0 && gaps[start] != Gap::Space {
        start -= 1;
    }
    let mut end = at + 1;
    while end < letters.len() && gaps[end] != Gap::Space {
        end += 1;
    }
    let mut w = String::new();
    for i in start..end {
        if i > start && gaps[i] == Gap::Zwnj {
            w.push(ZWNJ);
        }
        w.push(letters[i]);
    }
    (w, start)
}

/// The part of `word` before the half-space at letter `at` and the part after.
fn parts(letters: &[char], gaps: &[Gap], at: usize) -> (String, String) {
    let mut a = String::new();
    let mut i = at;
    while i > 0 {
        i -= 1;
        a.insert(0, letters[i]);
        if gaps[i] != Gap::None {
            break;
        }
    }
    let mut b = String::new();
    let mut j = at;
    while j < letters.len() {
        b.push(letters[j]);
        j += 1;
        if j < letters.len() && gaps[j] != Gap::None {
            break;
        }
    }
    (a, b)
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: halfspace_eval FILE...");
        std::process::exit(2);
    }
    let show_errors = std::env::var("SHOW").ok();
    // STRICT=1: only the original's own spelling is right.
    let strict = std::env::var_os("STRICT").is_some();
    // The lexicon loads once, on first use: not part of the speed.
    let started = Instant::now();
    let _ = repair_half_spaces("می");
    println!(
        "lexicon loaded in {:.1} ms\n",
        started.elapsed().as_secs_f64() * 1e3
    );
    // Words the corpus spells more than one way (key without half-spaces and
    // spaces -> spellings): the files measured and any `CORPUS` files
    // (colon-separated), so that a larger corpus shows which words writers
    // spell both ways (`آنها`/`آن‌ها`, `شبیه سازی`/`شبیه‌سازی`).
    let mut spellings: HashMap<String, HashSet<String>> = HashMap::new();
    let corpus = std::env::var("CORPUS").unwrap_or_default();
    for file in files
        .iter()
        .map(String::as_str)
        .chain(corpus.split(':').filter(|f| !f.is_empty()))
    {
        let text = std::fs::read_to_string(file).expect("read the corpus file");
        for line in text.lines().map(clean_gold) {
            let words: Vec<&str> = line.split(' ').collect();
            for (i, w) in words.iter().enumerate() {
                spellings
                    .entry(w.replace(ZWNJ, ""))
                    .or_default()
                    .insert((*w).to_owned());
                if let Some(next) = words.get(i + 1) {
                    let pair = format!("{w} {next}");
                    spellings
                        .entry(pair.replace([ZWNJ, ' '], ""))
                        .or_default()
                        .insert(pair);
                }
            }
        }
    }
    for input in ["removed", "spaced"] {
        let mut by_kind: BTreeMap<&'static str, Counts> = BTreeMap::new();
        let mut total = Counts::default();
        let mut bytes = 0usize;
        let mut elapsed = 0f64;
        let mut errors: HashMap<String, usize> = HashMap::new();
        for file in &files {
            let text = std::fs::read_to_string(file).expect("read the file");
            let gold: Vec<String> = text
                .lines()
                .map(clean_gold)
                .filter(|l| !l.is_empty())
                .collect();
            for line in &gold {
                let damaged = match input {
                    "removed" => line.replace(ZWNJ, ""),
                    _ => line.replace(ZWNJ, " "),
                };
                let started = Instant::now();
                let repaired = repair_half_spaces(&damaged);
                elapsed += started.elapsed().as_secs_f64();
                bytes += damaged.len();
                let (gl, gg) = letters_and_gaps(line);
                let (il, ig) = letters_and_gaps(&damaged);
                let (rl, rg) = letters_and_gaps(&repaired);
                assert_eq!(gl, il);
                assert_eq!(
                    gl, rl,
                    "the repair changed a letter:\n{damaged}\n{repaired}"
                );
                for p in 0..gl.len() {
                    let (g, i, r) = (gg[p], ig[p], rg[p]);
                    if g == i && r == i {
                        continue;
                    }
                    // Leniency: the repaired word is a spelling the original uses.
                    let (rw, _) = word_at(&rl, &rg, p);
                    let (gw, _) = word_at(&gl, &gg, p);
                    // Either spelling is right where the original writes
                    // both (`آنها`, `آن‌ها`), and the Academy's plural
                    // (`زبان‌ها` where the original has `زبانها`).
                    let written_so = spellings
                        .get(&rw.replace(ZWNJ, ""))
                        .is_some_and(|s| s.contains(&rw) && s.len() > 1);
                    // The original wrote it apart here, and the corpus also
                    // writes it as repaired.
                    let written_so = written_so
                        || (g == Gap::Space && {
                            let key = rw.replace(ZWNJ, "");
                            spellings.get(&key).is_some_and(|s| s.contains(&rw))
                        });
                    let academy =
                        !strict && g != Gap::Zwnj && r == Gap::Zwnj && !gw.contains(ZWNJ) && {
                            let (a, b) = parts(&rl, &rg, p);
                            explain_word_kind(&a, &b) != JoinKind::Compound
                        };
                    let both = !strict && written_so || academy;
                    let kind = if g == Gap::Zwnj {
                        let (a, b) = parts(&gl, &gg, p);
                        explain_word_kind(&a, &b)
                    } else {
                        let (a, b) = parts(&rl, &rg, p);
                        explain_word_kind(&a, &b)
                    };
                    let kind = kind_name(kind);
                    let mut c = Counts::default();
                    if g != i {
                        c.lost = 1;
                        if r == g || both {
                            c.restored = 1;
                        }
                    }
                    if r != i {
                        c.changes = 1;
                        if r == g || both {
                            c.right = 1;
                        }
                    }
                    if show_errors.as_deref() == Some(input)
                        && ((c.lost == 1 && c.restored == 0) || (c.changes == 1 && c.right == 0))
                    {
                        let what = if c.changes == 1 && c.right == 0 {
                            "wrong"
                        } else {
                            "missed"
                        };
                        *errors
                            .entry(format!("{what}\t{kind}\t{gw}\t{rw}"))
                            .or_default() += 1;
                    }
                    by_kind.entry(kind).or_default().add(c);
                    total.add(c);
                }
            }
        }
        println!("## half-spaces {input}\n");
        println!("| kind | lost | restored | changes | right | precision | recall |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        for (k, c) in by_kind.iter().chain([(&"all", &total)]) {
            println!(
                "| {k} | {} | {} | {} | {} | {:.3} | {:.3} |",
                c.lost,
                c.restored,
                c.changes,
                c.right,
                c.precision(),
                c.recall()
            );
        }
        println!(
            "\nspeed: {:.1} MB/s ({} bytes, one line at a time)\n",
            bytes as f64 / elapsed / 1e6,
            bytes
        );
        if !errors.is_empty() {
            let mut e: Vec<_> = errors.into_iter().collect();
            e.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (line, n) in e.iter().take(5000) {
                println!("{n}\t{line}");
            }
        }
    }
}

fn kind_name(kind: JoinKind) -> &'static str {
    match kind {
        JoinKind::Mi => "mi (می/نمی + verb)",
        JoinKind::Plural => "plural (ها/های…)",
        JoinKind::HehSuffix => "ای/اند… after ه or ی",
        JoinKind::Comparative => "تر/ترین",
        JoinKind::Compound => "compound",
    }
}
