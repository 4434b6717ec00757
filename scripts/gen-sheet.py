#!/usr/bin/env python3
"""Writes a synthetic HR sheet of N people (the CSV header of `careerpath template csv`),
deterministic for a given seed, for benchmarks and load tests. Usage: gen-sheet.py N OUT.csv [SEED]"""
import argparse
import csv
import random
import sys

from sheet_columns import DIMS, HEADER, ITEMS, OBS

LEVELS = ["ic.junior", "ic.developer", "ic.senior", "ic.staff", "ic.principal", "mgmt.tech_lead", "mgmt.em", "mgmt.senior_em"]
CERTS = ["cloud", "security", "data", "ml", "architecture", "agile", "leadership"]
NETS = ["internal_forum", "community_of_practice", "conference", "association", "speaking", "external_mentor", "open_source"]
PROJECTS = ["cross_discipline", "innovation", "special_advisor", "open_source", "incident_command", "hiring_loop"]


def clamp(value, low, high):
    return max(low, min(high, value))


def arguments():
    parser = argparse.ArgumentParser(
        description="Write a synthetic HR sheet of N people, one row each, with the header of "
                    "`careerpath template csv` (and manager.id). The same N and SEED give the same file: "
                    "for benchmarks and load tests, not a realistic population (see gen-population.py).",
        epilog="Example: scripts/gen-sheet.py 3000 /tmp/sheet.csv && careerpath bulk /tmp/sheet.csv --out /tmp/plans")
    parser.add_argument("count", metavar="N", type=int, help="how many people (rows)")
    parser.add_argument("out", metavar="OUT.csv", help="the file to write")
    parser.add_argument("seed", metavar="SEED", type=int, nargs="?", default=2026, help="random seed (default: 2026)")
    parsed = parser.parse_args()
    if parsed.count < 0:
        parser.error("N must be 0 or more")
    return parsed


def main():
    options = arguments()
    count, out = options.count, options.out
    rng = random.Random(options.seed)
    with open(out, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER + ["manager.id"])
        for n in range(count):
            lean = {d: rng.randint(1, 6) for d in DIMS}
            row = [f"Person {n + 1}", f"P{n + 1:06d}", rng.choice(LEVELS), rng.choice(["software", "data", "infrastructure"]),
                   rng.randint(1, 25), rng.randint(0, 5), f"Manager {n % 97 + 1}", "2026-11-22", "one-on-one"]
            row += [clamp(lean[d] + rng.randint(-1, 1), 1, 6) for d in DIMS for _ in ITEMS[d]]
            row += [rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 6)]
            row.append(";".join(rng.sample([f"{d}.{i}" for d in DIMS for i in ITEMS[d]], 3)))
            row += [clamp((lean["depth"] + lean["maker"]) * 7 // 12 + rng.randint(-1, 1), 1, 7),
                    clamp((lean["people"] + lean["others"]) * 7 // 12 + rng.randint(-1, 1), 1, 7),
                    clamp(lean["challenge"] * 7 // 6 + rng.randint(-1, 1), 1, 7)]
            row += [rng.choice(["seeking", "open", "not_now"]), rng.choice([6, 12, 18, 24]),
                    "Grow in my role and take on more.", ";".join(rng.sample(CERTS, rng.randint(0, 2))),
                    ";".join(rng.sample(NETS, rng.randint(0, 2))), ";".join(rng.sample(PROJECTS, rng.randint(0, 2)))]
            row += [clamp(lean[d] + rng.randint(-1, 1), 1, 6) for d in OBS]
            row += [rng.choice(["ic", "management", "hybrid", "unsure"]), rng.choice(["ready_now", "within_1y", "within_2y", "not_yet"]),
                    rng.choice([4, 8, 12, 16, 24]), rng.choice([0, 10, 20]), rng.choice([0, 500, 1500, 3000, 5000]),
                    rng.choice(["USD", "EUR", "GBP"])]
            row.append(f"M{n % 97 + 1:03d}")
            writer.writerow(row)


if __name__ == "__main__":
    main()
