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
    print("\n### Streaming\n")
    lines("streaming.txt", "[streaming]")
    print("\n### Migration\n")
    lines("migration.txt", "[migration]")
    lines("migration-ratelimit.txt", "[migration]")
