#!/usr/bin/env python3
"""Turns benchmarks/results/*.json (written by benchmarks/run.sh) into the Markdown tables of
docs/benchmarks.md: each adapter figure next to the raw baseline of the same run, as a ratio."""
import json
import os
import re
import sys

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")


def load(name):
    path = os.path.join(RESULTS, name)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return json.load(f)


def by_key(rows):
    out = {}
    for row in rows:
        op = row["benchmark"].rsplit(".", 1)[1]
        p = row["params"]
        out[(op, p["vendor"], p["side"])] = row
    return out


def overhead_t1():
    rows = by_key(load("overhead-t1.json"))
    if not rows:
        return
    print("| operation | vendor | adapter median µs | raw median µs | ratio (target ≤ 1.10) "
          "| adapter B/op | raw B/op | ratio (target ≤ 1.5) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for op in ["get", "list100", "create", "addMembers"]:
        for vendor in ["ATOMCHAT", "COMETCHAT", "QISCUS"]:
            a, r = rows.get((op, vendor, "adapter")), rows.get((op, vendor, "raw"))
            if not a or not r:
                continue
            am = a["secondaryMetrics"]["p0.50"]["score"]
            rm = r["secondaryMetrics"]["p0.50"]["score"]
            aa = a["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
            ra = r["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
            print(f"| {op} | {vendor} | {am:,.0f} | {rm:,.0f} | {am / rm:.2f}× | {aa:,.0f} | {ra:,.0f} | {aa / ra:.2f}× |")


def throughput(threads):
    rows = by_key(load(f"overhead-t{threads}.json"))
    if not rows:
        return
    print(f"| operation | vendor | adapter ops/s ({threads} threads) | raw ops/s | ratio (target ≥ 0.90) |")
    print("|---|---|---:|---:|---:|")
    for (op, vendor, side), a in sorted(rows.items()):
        if side != "adapter" or (op, vendor, "raw") not in rows:
            continue
        r = rows[(op, vendor, "raw")]
        ascore, rscore = a["primaryMetric"]["score"], r["primaryMetric"]["score"]
        print(f"| {op} | {vendor} | {ascore:,.0f} | {rscore:,.0f} | {ascore / rscore:.2f}× |")


def coldstart():
    rows = load("coldstart.json")
    if not rows:
        return
    scores = {}
    for row in rows:
        p = row["params"]
        scores[(p["vendor"], p["side"])] = row["primaryMetric"]
    print("| vendor | adapter ms (forks) | raw ms | adapter − raw (target ≤ +150 ms) |")
    print("|---|---:|---:|---:|")
    for vendor in ["ATOMCHAT", "COMETCHAT", "QISCUS"]:
        a, r = scores.get((vendor, "adapter")), scores.get((vendor, "raw"))
        if a and r:
            forks = len(a["rawData"]) if "rawData" in a else ""
            print(f"| {vendor} | {a['score']:,.0f} ({forks}) | {r['score']:,.0f} | {a['score'] - r['score']:+,.0f} |")


def streaming():
    path = os.path.join(RESULTS, "streaming.txt")
    if not os.path.exists(path):
        return
    runs = {}
    pattern = re.compile(r"\[streaming\] (\w+) (\w+): (\d+) of (\d+) users in ([\d.]+) s = (\d+) users/s, "
                         r"(\d+) requests, peak heap after GC ([\d.]+) MB")
    with open(path) as f:
        for line in f:
            m = pattern.search(line)
            if m:
                runs[(m.group(1), m.group(2))] = m.groups()
    print("| vendor | users | adapter users/s | raw users/s | ratio (target ≥ 0.90) | adapter requests | raw requests "
          "| adapter peak heap after GC | raw peak heap |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for vendor in ["ATOMCHAT", "COMETCHAT", "QISCUS"]:
        a, r = runs.get((vendor, "adapter")), runs.get((vendor, "raw"))
        if a and r:
            print(f"| {vendor} | {int(a[2]):,} | {int(a[5]):,} | {int(r[5]):,} | {int(a[5]) / int(r[5]):.2f}× "
                  f"| {int(a[6]):,} | {int(r[6]):,} | {a[7]} MB | {r[7]} MB |")


def migration():
    pattern = re.compile(r"\[migration\] (\w+) concurrency (\d+): (\d+) users, (\d+) groups, (\d+) memberships applied "
                         r"\((\d+) failed\) in ([\d.]+) s = (\d+) items/s, peak heap after GC ([\d.]+) MB(.*)")
    print("| target | concurrency | users / groups / memberships | failed | wall s | items/s | peak heap after GC "
          "| requests | writes vs minimum | rate limit: wall vs lower bound |")
    print("|---|---:|---|---:|---:|---:|---:|---|---:|---|")
    for name in ("migration.txt", "migration-ratelimit.txt", "migration-ratelimit5.txt"):
        path = os.path.join(RESULTS, name)
        if not os.path.exists(path):
            continue
        with open(path) as f:
            for line in f:
                m = pattern.search(line)
                if not m:
                    continue
                rest = m.group(10)
                requests = re.search(r"requests (\{[^}]*\})", rest)
                writes = re.search(r"writes (\d+) vs minimum (\d+) = ([\d.]+)x", rest)
                limit = re.search(r"rate limit (\d+)/s: wall ([\d.]+) s vs lower bound ([\d.]+) s \(minimum writes\) = ([\d.]+)x", rest)
                print(f"| {m.group(1)} | {m.group(2)} | {m.group(3)} / {m.group(4)} / {m.group(5)} | {m.group(6)} "
                      f"| {m.group(7)} | {m.group(8)} | {m.group(9)} MB | {requests.group(1) if requests else '–'} "
                      f"| {writes.group(3) + '×' if writes else '–'} "
                      f"| {f'{limit.group(1)}/s: {limit.group(2)} s vs {limit.group(3)} s = {limit.group(4)}×' if limit else '–'} |")


def lines(name, tag):
    path = os.path.join(RESULTS, name)
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.startswith(tag):
                    print("    " + line.rstrip())


if __name__ == "__main__":
    print("### Latency and allocation, 1 thread\n")
    overhead_t1()
    for t in (4, 16):
        print(f"\n### Throughput, {t} threads\n")
        throughput(t)
    print("\n### Requests and protocol per trial\n")
    lines("overhead-t1.txt", "[loopback]")
    print("\n### Cold start\n")
    coldstart()
    print()
    lines("coldstart.txt", "[coldstart]")
    print("\n### Streaming (-Xmx96m)\n")
    streaming()
    print("\n### Migration (-Xmx256m)\n")
    migration()
