#!/usr/bin/env python3
"""Edit-to-served latency of preview servers, measured alike for each (see BENCHMARKS.md, "serve").

Usage: serve-edit.py --edits K [--pause S] --target LABEL URL FILE LOG WAIT [--target ...]

Each target is a running preview server: URL is the changed page as that server serves it, FILE the
source file it is built from, LOG the server's log ('-' for none) and WAIT a log line to wait for
after the page changed ('-' for none; 'Rebuilt the PDF' times the PDF too). The targets take turns,
one edit each, so the machine's load falls on all of them alike. An edit appends a line with a new
mark to FILE (written, flushed and fsync'ed in one go); the clock starts when fsync returns and
stops when a GET of URL (one kept-alive connection, polled every 5 ms) returns a body holding the
mark. Prints, per target, a line 'LABEL<TAB>latencies<TAB>inside<TAB>wait' of comma-separated ms
(inside: the "Rebuilt the site ... in N ms" figure of a Hearth log, when LOG is given).
"""
import argparse
import http.client
import os
import random
import re
import sys
import time
import urllib.parse

POLL_S = 0.005


def count(log, line):
    if log == "-":
        return 0
    with open(log, encoding="utf-8", errors="replace") as f:
        return f.read().count(line)


def get(state, url):
    """One GET over a kept-alive connection (reconnecting once if the server closed it)."""
    u = urllib.parse.urlsplit(url)
    for attempt in (0, 1):
        try:
            if state.get("conn") is None:
                state["conn"] = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            # Hearth answers only loopback host names; Hugo any.
            state["conn"].request("GET", u.path, headers={"Host": f"localhost:{u.port}"})
            r = state["conn"].getresponse()
            body = r.read()
            if r.getheader("Connection", "").lower() == "close":
                state["conn"].close()
                state["conn"] = None
            return body
        except (OSError, http.client.HTTPException):
            if state.get("conn") is not None:
                state["conn"].close()
            state["conn"] = None
            if attempt:
                raise
    return b""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--edits", type=int, default=7)
    p.add_argument("--pause", type=float, default=1.0)
    p.add_argument("--timeout", type=float, default=120.0)
    p.add_argument("--target", nargs=5, action="append", metavar=("LABEL", "URL", "FILE", "LOG", "WAIT"), required=True)
    a = p.parse_args()
    targets = []
    for label, url, path, log, wait in a.target:
        with open(path, "rb") as f:
            original = f.read()
        targets.append({"label": label, "url": url, "file": path, "log": log, "wait": wait, "original": original,
                        "lat": [], "inside": [], "waited": [], "http": {}})
    try:
        for i in range(1, a.edits + 1):
            for t in targets:
                get(t["http"], t["url"])  # a visit before the edit, as a browser's open tab makes
                sites = count(t["log"], "Rebuilt the site")
                waits = count(t["log"], t["wait"]) if t["wait"] != "-" else 0
                mark = f"Edit {i} {random.randrange(10**9)} while serving."
                fd = os.open(t["file"], os.O_WRONLY | os.O_APPEND)
                try:
                    os.write(fd, f"\n{mark}\n".encode("utf-8"))
                    os.fsync(fd)
                finally:
                    os.close(fd)
                t0 = time.monotonic()
                needle = mark.encode("utf-8")
                while needle not in get(t["http"], t["url"]):
                    if time.monotonic() - t0 > a.timeout:
                        sys.exit(f"serve-edit: {t['label']}: the page never showed edit {i}")
                    time.sleep(POLL_S)
                t["lat"].append(round((time.monotonic() - t0) * 1000))
                if t["log"] != "-":
                    while count(t["log"], "Rebuilt the site") <= sites and time.monotonic() - t0 < a.timeout:
                        time.sleep(POLL_S)
                    with open(t["log"], encoding="utf-8", errors="replace") as f:
                        ms = re.findall(r"Rebuilt the site.* in (\d+) ms", f.read())
                    if ms:
                        t["inside"].append(int(ms[-1]))
                if t["wait"] != "-":
                    while count(t["log"], t["wait"]) <= waits:
                        if time.monotonic() - t0 > a.timeout:
                            sys.exit(f"serve-edit: {t['label']}: no '{t['wait']}' after edit {i}")
                        time.sleep(POLL_S)
                    t["waited"].append(round((time.monotonic() - t0) * 1000))
                time.sleep(a.pause)
    finally:
        for t in targets:
            with open(t["file"], "wb") as f:
                f.write(t["original"])
    for t in targets:
        print("\t".join([t["label"], ",".join(map(str, t["lat"])), ",".join(map(str, t["inside"])),
                         ",".join(map(str, t["waited"]))]))


if __name__ == "__main__":
    main()
