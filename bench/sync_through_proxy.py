#!/usr/bin/env python3
"""Proxy overhead: a cold `barg sync` of 50 feeds × 200 items, direct,
through an HTTP proxy (tinyproxy) and through a SOCKS5 proxy (microsocks,
socks5h), in the same run on the same served feeds (the generator and
server of sync_vs_newsboat.py). Each way syncs a fresh library; the median
of --runs is reported. The goal (issue "any network"): the proxy adds at
most 10% to the wall time. Usage:

    bench/sync_through_proxy.py --barg target/release/barg [--runs 3]
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sync_vs_newsboat import free_port, generate, measure, median, serve  # noqa: E402

FEEDS, ITEMS = 50, 200


def wait_for(port):
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


def start_proxies(work: Path):
    http_port, socks_port = free_port(), free_port()
    conf = work / "tinyproxy.conf"
    conf.write_text(
        f"Port {http_port}\nListen 127.0.0.1\nTimeout 60\nMaxClients 200\nAllow 127.0.0.1\n"
        f"DisableViaHeader Yes\nLogLevel Warning\nLogFile \"{work / 'tinyproxy.log'}\"\n",
        encoding="utf-8",
    )
    tiny = subprocess.Popen(["tinyproxy", "-d", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socks = subprocess.Popen(["microsocks", "-i", "127.0.0.1", "-p", str(socks_port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(http_port)
    wait_for(socks_port)
    return [tiny, socks], http_port, socks_port


def cold_sync(barg, urls, work: Path, proxy):
    data = work / "barg"
    shutil.rmtree(data, ignore_errors=True)
    env = dict(os.environ, RUST_LOG="warn")
    opml = work / "subs.opml"
    outlines = "".join(f'<outline text="f{n}" type="rss" xmlUrl="{u}"/>' for n, u in enumerate(urls))
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>', encoding="utf-8")
    run = lambda *args: subprocess.run([barg, "--data-dir", str(data), *args], check=True,
                                       stdout=subprocess.DEVNULL, env=env)
    run("feeds", "import-opml", str(opml))
    run("proxy", "set", proxy or "none")
    run("route", "preset", "all-proxy" if proxy else "direct")
    wall, cpu, rss = measure([barg, "--data-dir", str(data), "sync"], env)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--barg", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="barg-proxy-bench-"))
    feeds = work / "feeds"
    feeds.mkdir()
    generate(feeds, FEEDS, ITEMS)
    server, port = serve(feeds)
    proxies, http_port, socks_port = start_proxies(work)
    try:
        urls = [f"http://127.0.0.1:{port}/{name}" for name in sorted(os.listdir(feeds))]
        ways = [("direct", None), ("http (tinyproxy)", f"http://127.0.0.1:{http_port}"),
                ("socks5h (microsocks)", f"socks5h://127.0.0.1:{socks_port}")]
        results = {name: [] for name, _ in ways}
        for _ in range(args.runs):
            for name, proxy in ways:
                results[name].append(cold_sync(args.barg, urls, work, proxy))
        direct = median([w for w, _ in results["direct"]])
        print(f"Cold sync of {FEEDS} feeds × {ITEMS} items, median of {args.runs} runs\n")
        print("| way | wall (s) | CPU (s) | wall vs direct |")
        print("|---|---|---|---|")
        for name, _ in ways:
            wall = median([w for w, _ in results[name]])
            cpu = median([c for _, c in results[name]])
            print(f"| {name} | {wall:.2f} | {cpu:.2f} | {100 * (wall / direct - 1):+.1f}% |")
    finally:
        for process in [server, *proxies]:
            process.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
