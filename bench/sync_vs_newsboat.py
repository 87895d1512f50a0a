#!/usr/bin/env python3
"""Sync benchmark: Barg against newsboat on the same served feeds.

Generates synthetic Persian news feeds (words drawn from the wordfreq
frequencies in src-tauri/core/benches/data), serves them from a separate
process on 127.0.0.1 (Python's ThreadingHTTPServer, which answers
If-Modified-Since with 304), and times three syncs for each tool:

- cold: an empty library / cache subscribed to every feed;
- changed: the same items re-served with a new Last-Modified (no 304:
  every feed is downloaded and parsed again, nothing is new);
- unchanged: nothing touched, every feed answers 304.

Each sync is one child process, measured with os.wait4: wall time, CPU
time (user + system) and peak RSS. Barg runs `barg sync` (full-text
indexing included: Barg indexes as it stores); newsboat runs
`newsboat -x reload` with a throwaway config, URL list and cache, with
reload-threads set to Barg's concurrency. Usage:

    bench/sync_vs_newsboat.py --barg target/release/barg [--runs 3]
"""

import argparse
import email.utils
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS_FILE = ROOT / "src-tauri/core/benches/data/wordfreq_fa_small.tsv"
SHAPES = [(50, 200), (500, 50)]
BARG_CONCURRENCY = 16


def load_words():
    words, weights = [], []
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        word = fields[0]
        if not any("\u0600" <= c <= "\u06ff" for c in word):
            continue
        try:
            weights.append(float(fields[2]))
        except ValueError:
            continue
        words.append(word)
    return words, weights


def sentence(rng, words, weights, n):
    return " ".join(rng.choices(words, weights=weights, k=n))


def generate(folder: Path, feeds: int, items: int, seed: int = 7):
    rng = random.Random(seed)
    words, weights = load_words()
    base = 1_764_000_000
    for f in range(feeds):
        parts = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<rss version="2.0"><channel>',
            f"<title>خبرگزاری {f}</title><link>http://news{f}.example/</link><language>fa</language>",
        ]
        for i in range(items):
            when = email.utils.formatdate(base - (f * items + i) * 60, usegmt=True)
            paragraphs = "".join(
                f"<p>{sentence(rng, words, weights, 50)}.</p>" for _ in range(3)
            )
            parts.append(
                f"<item><guid isPermaLink=\"false\">feed{f}-item{i}</guid>"
                f"<link>http://news{f}.example/{i}</link>"
                f"<title>{sentence(rng, words, weights, 8)}</title>"
                f"<pubDate>{when}</pubDate>"
                f"<description><![CDATA[{paragraphs}]]></description></item>"
            )
        parts.append("</channel></rss>")
        (folder / f"feed{f}.xml").write_text("".join(parts), encoding="utf-8")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder: Path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return server, port
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the feed server did not start")


def measure(argv, env=None):
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv[0]} failed: {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def touch_all(folder: Path, when: float):
    for path in folder.iterdir():
        os.utime(path, (when, when))


def run_barg(barg, folder, urls, work):
    data = work / "barg"
    opml = work / "subs.opml"
    outlines = "".join(f'<outline text="f{n}" type="rss" xmlUrl="{u}"/>' for n, u in enumerate(urls))
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>', encoding="utf-8")
    env = dict(os.environ, RUST_LOG="warn")
    subprocess.run([barg, "--data-dir", str(data), "feeds", "import-opml", str(opml)], check=True,
                   stdout=subprocess.DEVNULL, env=env)
    results = {}
    results["cold"] = measure([barg, "--data-dir", str(data), "sync"], env)
    touch_all(folder, time.time() + 5)
    results["changed"] = measure([barg, "--data-dir", str(data), "sync"], env)
    results["unchanged"] = measure([barg, "--data-dir", str(data), "sync"], env)
    with sqlite3.connect(data / "library.sqlite") as db:
        (count,) = db.execute("SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.kind = 'feed'").fetchone()
    return results, count


def run_newsboat(folder, urls, work):
    nb = work / "newsboat"
    nb.mkdir()
    (nb / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
    (nb / "config").write_text(f"reload-threads {BARG_CONCURRENCY}\nshow-read-feeds yes\n", encoding="utf-8")
    argv = ["newsboat", "-x", "reload", "-u", str(nb / "urls"), "-c", str(nb / "cache.db"), "-C", str(nb / "config")]
    env = dict(os.environ, HOME=str(nb))
    results = {}
    results["cold"] = measure(argv, env)
    touch_all(folder, time.time() + 10)
    results["changed"] = measure(argv, env)
    results["unchanged"] = measure(argv, env)
    with sqlite3.connect(nb / "cache.db") as db:
        (count,) = db.execute("SELECT count(*) FROM rss_item").fetchone()
    return results, count


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--barg", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "target/bench-sync.md"))
    args = parser.parse_args()
    barg = str(Path(args.barg).resolve())
    have_newsboat = shutil.which("newsboat") is not None
    lines = [
        "### Sync: Barg against newsboat (median of %d runs)\n" % args.runs,
        "| feeds × items | sync | Barg wall s | newsboat wall s | wall ratio | Barg CPU s | newsboat CPU s | Barg peak RSS MB | newsboat peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for feeds, items in SHAPES:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            served = tmp / "served"
            served.mkdir()
            generate(served, feeds, items)
            server, port = serve(served)
            try:
                urls = [f"http://127.0.0.1:{port}/feed{f}.xml" for f in range(feeds)]
                barg_runs, nb_runs, counts = [], [], []
                for run in range(args.runs):
                    work = tmp / f"run{run}"
                    work.mkdir()
                    touch_all(served, time.time())
                    b, bcount = run_barg(barg, served, urls, work)
                    barg_runs.append(b)
                    if have_newsboat:
                        touch_all(served, time.time())
                        n, ncount = run_newsboat(served, urls, work)
                        nb_runs.append(n)
                        counts.append((bcount, ncount))
                    else:
                        counts.append((bcount, None))
            finally:
                server.terminate()
            for scenario in ["cold", "changed", "unchanged"]:
                b = [median([r[scenario][k] for r in barg_runs]) for k in range(3)]
                if nb_runs:
                    n = [median([r[scenario][k] for r in nb_runs]) for k in range(3)]
                    ratio = f"{b[0] / n[0]:.2f}"
                    ncols = (f"{n[0]:.2f}", f"{n[1]:.2f}", f"{n[2]:.0f}")
                else:
                    ratio, ncols = "–", ("–", "–", "–")
                lines.append(
                    f"| {feeds} × {items} | {scenario} | {b[0]:.2f} | {ncols[0]} | {ratio} | {b[1]:.2f} | {ncols[1]} | {b[2]:.0f} | {ncols[2]} |"
                )
            lines.append(f"| {feeds} × {items} | items stored (Barg, newsboat) | {counts[0][0]} | {counts[0][1]} | | | | | |")
    report = "\n".join(lines) + "\n"
    print(report)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
