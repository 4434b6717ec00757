#!/usr/bin/env python3
"""Reads the JSON plans of a bulk run and prints how the plans look across the population:
how often each item appears, the busiest month against what the manager can free, special-
project hours against the agreed share, budget use, who the mentor is, items outside the
person's levels, and how much of each plan works toward the recommended track.

Usage: plan-stats.py SHEET.csv PLANS_DIR [--catalog prompts/catalog.yaml] [--json]
The sheet gives each person's capacity (for people with no manager answers, the defaults).
"""
import csv
import datetime
import glob
import json
import os
import sys
from collections import Counter, defaultdict

WORKING_HOURS = 160
# The sheet columns that each name one offer of the manager's.
OFFER_NAMES = ["manager.offer.mentor.name", "manager.offer.project.name", "manager.offer.trial.role",
               "manager.offer.course.name"]
TEACHING = {"mentor.mentor-a-junior", "mentor.onboarding-buddy", "mentor.mentor-an-intern", "mentor.reverse-mentoring",
            "mentor.lead-study-group", "mentor.mentor-new-tech-lead"}
TRACK_DIMS = {"ic": {"technical_depth", "technical_leverage", "challenge"},
              "management": {"growing_people", "hard_conversations", "outcomes_through_others"},
              "hybrid": {"technical_leverage", "outcomes_through_others", "growing_people", "technical_depth"}}


def parse(day):
    return datetime.date.fromisoformat(day)


def is_study(item):
    """Development hours: study and mentoring. Job time (projects, trials, first steps) is
    work; plans older than the time field count everything but special projects."""
    if "time" in item:
        return item["time"] != "job"
    return item["category"] != "special_project"


def monthly_load(items, special):
    """Hours per calendar month, each item's hours spread evenly over its days: development
    hours (special=False) or special-project hours (special=True)."""
    months = defaultdict(float)
    for item in items:
        if special and item["category"] != "special_project":
            continue
        if not special and not is_study(item):
            continue
        start, due = parse(item["start"]), parse(item["due"])
        days = max(1, (due - start).days)
        per_day = item["hours"] / days
        day = start
        while day < due:
            months[(day.year, day.month)] += per_day
            day += datetime.timedelta(days=1)
        if start == due:
            months[(start.year, start.month)] += item["hours"]
    return months


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def catalog_levels(path):
    try:
        import yaml
    except ImportError:
        return {}
    with open(path) as handle:
        data = yaml.safe_load(handle)
    return {item["id"]: set(item.get("levels", [])) for item in data["items"]}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sheet, folder = args[0], args[1]
    catalog = "prompts/catalog.yaml"
    if "--catalog" in sys.argv:
        catalog = sys.argv[sys.argv.index("--catalog") + 1]
    levels = catalog_levels(catalog) if os.path.exists(catalog) else {}
    capacity = {}
    asked = {}
    with open(sheet) as handle:
        for row in csv.DictReader(handle):
            hours = row.get("manager.capacity.dev_hours_per_month") or "8"
            share = row.get("manager.capacity.special_project_percent") or "0"
            capacity[row["person.id"]] = (float(hours), float(share))
            asked[row["person.id"]] = sum(1 for column in OFFER_NAMES if row.get(column))
    plans = []
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path) as handle:
            document = json.load(handle)
        if document.get("schema") == "careerpath.plan/1":
            plans.append(document)
    n = len(plans)
    frequency = Counter()
    peak_ratio, special_ratio, budget_use, big_budget_use = [], [], [], []
    learn_mentor = 0
    only_teaching = 0
    outside_levels = 0
    items_outside = Counter()
    on_track = []
    tracks = Counter()
    item_counts = []
    offers_planned = offers_asked = offer_over_hours = empty = 0
    for plan in plans:
        pid = plan["person"]["id"]
        hours_cap, share = capacity.get(pid, (8.0, 0.0))
        items = plan["plan"]["items"]
        item_counts.append(len(items))
        track = plan["track"]["recommended"]
        tracks[track] += 1
        for item in items:
            frequency[item["id"]] += 1
        months = monthly_load(items, special=False)
        if months and hours_cap > 0:
            peak_ratio.append(max(months.values()) / hours_cap)
        special = monthly_load(items, special=True)
        agreed = plan["plan"].get("special_project_percent", 0) / 100 * WORKING_HOURS
        if special and max(special.values()) > 0:
            special_ratio.append(max(special.values()) / agreed if agreed > 0 else float("inf"))
        budget = plan["plan"]["budget"]
        if budget["amount"] > 0:
            budget_use.append(budget["committed"] / budget["amount"])
            if budget["amount"] >= 5000:
                big_budget_use.append(budget["committed"] / budget["amount"])
        mentoring = [i for i in items if i["category"] == "mentoring"]
        learns = [i for i in mentoring if i.get("direction") == "learn" or
                  (i.get("direction") is None and i["id"] not in TEACHING)]
        if learns:
            learn_mentor += 1
        elif mentoring:
            only_teaching += 1
        offers_planned += len(plan["plan"].get("offers", []))
        offers_asked += asked.get(pid, 0)
        if any("development hours freed" in note for note in plan["plan"].get("notes", [])):
            offer_over_hours += 1
        if not items and hours_cap > 0:
            empty += 1
        # The catalog's choices: the manager's offers and the first steps are theirs.
        catalog_items = [i for i in items if i.get("source", "catalog") == "catalog"]
        wanted = {plan["plan"]["current_level"], plan["plan"]["target_level"]}
        bad = [i["id"] for i in catalog_items if levels.get(i["id"]) and not (levels[i["id"]] & wanted)]
        if bad:
            outside_levels += 1
            items_outside.update(bad)
        dims = TRACK_DIMS.get(track)
        if dims and catalog_items:
            on_track.append(sum(1 for i in catalog_items if set(i["builds"]) & dims) / len(catalog_items))
    report = {
        "plans": n,
        "tracks": dict(tracks),
        "items_per_plan_mean": round(sum(item_counts) / max(1, n), 1),
        "top_items": [(item, round(count / n * 100, 1)) for item, count in frequency.most_common(12)],
        "items_over_a_third": sum(1 for c in frequency.values() if c / n > 1 / 3),
        "distinct_items": len(frequency),
        "peak_month_over_capacity_p50": round(percentile(peak_ratio, 0.5), 2),
        "peak_month_over_capacity_p90": round(percentile(peak_ratio, 0.9), 2),
        "peak_month_over_capacity_max": round(max(peak_ratio), 2) if peak_ratio else None,
        "plans_peak_over_1.25x": sum(1 for r in peak_ratio if r > 1.25 + 1e-9),
        "special_over_share_max": round(max(special_ratio), 2) if special_ratio else None,
        "plans_special_over_share": sum(1 for r in special_ratio if r > 1 + 1e-6),
        "budget_use_p50": round(percentile(budget_use, 0.5), 2),
        "budget_use_of_5000_plus_p50": round(percentile(big_budget_use, 0.5), 2),
        "plans_with_learn_mentor_pct": round(learn_mentor / max(1, n) * 100, 1),
        "plans_whose_only_mentoring_is_teaching": only_teaching,
        "plans_with_items_outside_levels": outside_levels,
        "most_common_outside_level": items_outside.most_common(5),
        "on_track_share_mean": round(sum(on_track) / max(1, len(on_track)), 2),
        "plans_under_half_on_track": sum(1 for s in on_track if s < 0.5),
        "empty_plans_with_hours": empty,
        "offers_in_the_sheet": offers_asked,
        "offers_planned": offers_planned,
        "plans_whose_offers_exceed_the_hours": offer_over_hours,
    }
    if "--json" in sys.argv:
        print(json.dumps(report, indent=1))
    else:
        for key, value in report.items():
            print(f"{key:45} {value}")


if __name__ == "__main__":
    main()
