#!/usr/bin/env python3
"""Account sync benchmark (issue "one library on every device").

A real FreshRSS (tests/servers/freshrss, PHP's built-in server, SQLite) is
subscribed to 50 feeds × 200 items (the generator and server of
sync_vs_newsboat.py) and fetches them itself. In the same run, measures:

- Barg's direct cold sync of the same 50 feeds (`barg sync`, a fresh
  library), the floor;
- Barg's first sync of the account (`barg sync --account 1`, every item
  asked for), checked to store all 10,000 items, searchable on return;
- an unchanged sync: wall time and the requests it made;
- a sync after 500 items were marked read on the server (another device).

Each sync is one child process; the median of --runs (fresh libraries
each run). Goals: first sync at most 1.2× direct; unchanged under 0.3 s
and at most 5 requests; after 500 reads elsewhere under 0.5 s. Usage:

    bench/sync_account.py --barg target/release/barg [--runs 3]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sync_vs_newsboat import free_port, generate, measure, median, serve  # noqa: E402

FEEDS, ITEMS = 50, 200
USER, API_PASSWORD = "reader", "reader-api-password-1"
ROOT = Path(__file__).resolve().parent.parent
TARBALL = next((ROOT / "tests/servers/freshrss").glob("FreshRSS-*.tar.gz"))


class FreshRss:
    def __init__(self, work: Path):
        self.dir = work / "freshrss"
        self.dir.mkdir()
        subprocess.run(["tar", "xzf", str(TARBALL), "-C", str(self.dir)], check=True)
        self.port = free_port()
        base = f"http://127.0.0.1:{self.port}"
        cli = lambda script, *args: subprocess.run(  # noqa: E731
            ["php", str(self.dir / "cli" / script), *args], check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cli("do-install.php", "--default-user", USER, "--db-type", "sqlite", "--base-url", base, "--api-enabled")
        cli("create-user.php", "--user", USER, "--password", "reader-password-1",
            "--api-password", API_PASSWORD, "--feed-ttl-default", "1")
        subprocess.run(["php", "-r", '$db = new PDO("sqlite:" . $argv[1]); $db->exec("DELETE FROM feed");',
                        str(self.dir / "data/users" / USER / "db.sqlite")], check=True)
        self.server = subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{self.port}", "-t", str(self.dir / "p")],
            env=dict(os.environ, PHP_CLI_SERVER_WORKERS="4"),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.api = f"{base}/api/greader.php"
        for _ in range(200):
            try:
                self.login()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("FreshRSS did not answer")

    def login(self):
        query = urllib.parse.urlencode({"Email": USER, "Passwd": API_PASSWORD})
        with urllib.request.urlopen(f"{self.api}/accounts/ClientLogin?{query}") as answer:
            auth = next(l[5:] for l in answer.read().decode().splitlines() if l.startswith("Auth="))
        self.auth = {"Authorization": f"GoogleLogin auth={auth}"}
        with urllib.request.urlopen(urllib.request.Request(f"{self.api}/reader/api/0/token", headers=self.auth)) as t:
            self.token = t.read().decode().strip()

    def call(self, path, form=None):
        data = urllib.parse.urlencode(form + [("T", self.token)]).encode() if form is not None else None
        request = urllib.request.Request(f"{self.api}/reader/api/0/{path}", data=data, headers=self.auth)
        with urllib.request.urlopen(request, timeout=600) as answer:
            return answer.read().decode()

    def stop(self):
        self.server.terminate()


def barg_run(barg, data, *args, env):
    return subprocess.run([barg, "--data-dir", str(data), *args], check=True,
                          stdout=subprocess.PIPE, env=env).stdout.decode()


def timed(barg, data, args, env):
    start = time.perf_counter()
    out = barg_run(barg, data, "--json", *args, env=env)
    return time.perf_counter() - start, [json.loads(l) for l in out.splitlines() if l.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--barg", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="barg-account-bench-"))
    feeds = work / "feeds"
    feeds.mkdir()
    generate(feeds, FEEDS, ITEMS)
    server, port = serve(feeds)
    fresh = FreshRss(work)
    env = dict(os.environ, RUST_LOG="warn", BARG_ACCOUNT_PASSWORD=API_PASSWORD)
    try:
        urls = [f"http://127.0.0.1:{port}/{name}" for name in sorted(os.listdir(feeds))]
        start = time.perf_counter()
        for url in urls:
            fresh.call("subscription/quickadd", [("quickadd", url)])
        print(f"(FreshRSS fetched the {FEEDS} feeds in {time.perf_counter() - start:.1f} s)\n")
        results = {"direct": [], "first": [], "unchanged": [], "requests": [], "after500": []}
        item_ids = None
        for run in range(args.runs):
            data = work / f"direct{run}"
            opml = work / "subs.opml"
            outlines = "".join(f'<outline text="f{n}" type="rss" xmlUrl="{u}"/>' for n, u in enumerate(urls))
            opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>',
                            encoding="utf-8")
            barg_run(args.barg, data, "feeds", "import-opml", str(opml), env=env)
            results["direct"].append(measure([args.barg, "--data-dir", str(data), "sync"], env)[0])

            data = work / f"account{run}"
            barg_run(args.barg, data, "account", "add", "greader", fresh.api, "--user", USER,
                     "--first-items", "20000", env=env)
            wall, lines = timed(args.barg, data, ["sync", "--account", "1"], env)
            assert lines[0].get("added") == FEEDS * ITEMS, f"every item stored: {lines}"
            found = barg_run(args.barg, data, "--json", "search", "خبرگزاری", env=env)
            assert found.strip(), "the items are searchable on return"
            results["first"].append(wall)
            wall, lines = timed(args.barg, data, ["sync", "--account", "1"], env)
            assert lines[0].get("added") == 0, lines
            results["unchanged"].append(wall)
            results["requests"].append(lines[0]["requests"])
            if item_ids is None:
                ids = json.loads(fresh.call("stream/items/ids?output=json&n=10000&s=user/-/state/com.google/reading-list"))
                item_ids = [r["id"] for r in ids["itemRefs"]]
            chunk = item_ids[run * 500:(run + 1) * 500]
            for i in range(0, len(chunk), 250):
                fresh.call("edit-tag", [("i", x) for x in chunk[i:i + 250]] + [("a", "user/-/state/com.google/read")])
            wall, lines = timed(args.barg, data, ["sync", "--account", "1"], env)
            assert lines[0].get("statesChanged", 0) >= 500, lines
            results["after500"].append(wall)
        direct, first = median(results["direct"]), median(results["first"])
        print(f"{FEEDS} feeds × {ITEMS} items, median of {args.runs} runs\n")
        print("| sync | wall (s) | note |")
        print("|---|---|---|")
        print(f"| direct cold sync of the 50 feeds | {direct:.2f} | the floor |")
        print(f"| first account sync (10,000 items) | {first:.2f} | {first / direct:.2f}× direct (goal ≤ 1.2×) |")
        print(f"| unchanged account | {median(results['unchanged']):.2f} | "
              f"{int(median(results['requests']))} requests (goal < 0.3 s, ≤ 5) |")
        print(f"| after 500 reads elsewhere | {median(results['after500']):.2f} | goal < 0.5 s |")
    finally:
        fresh.stop()
        server.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
