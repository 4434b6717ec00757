#!/usr/bin/env python3
"""Writes an HR sheet of N realistic, varied people for checking plans across a population.

Unlike gen-sheet.py (uniform noise, for speed benchmarks), each person here is drawn from a
profile a career coach would recognise (a deep specialist, an architect, a people grower, a
tech lead who wants both, someone unsure, someone drawn to management mainly for pay), at a
realistic level, in a field, with interests that fit the field, a manager whose observations
roughly agree with the person, and capacity and budget that vary. Deterministic for a seed.

Usage: gen-population.py N OUT.csv [SEED] [--no-offers]

Offers and first steps (a named person to learn from, a named project, a trial of a role, a
named course, the two first steps) come from a second random stream, so the people are the
same with and without them: --no-offers leaves those columns out, for a binary older than
the offer items.
"""
import csv
import random
import sys

from sheet_columns import DIMS, HEADER, ITEMS, OBS


# Profiles: the lean of each dimension (1..6) and of the three ladders (1..7).
PROFILES = {
    "specialist": ({"depth": 6, "maker": 5, "focus": 5, "people": 2, "hard": 2, "others": 2, "leverage": 3, "challenge": 4},
                   (7, 2, 4), "ic"),
    "architect": ({"depth": 5, "maker": 4, "focus": 4, "people": 3, "hard": 3, "others": 3, "leverage": 6, "challenge": 5},
                  (7, 3, 5), "ic"),
    "solver": ({"depth": 4, "maker": 5, "focus": 4, "people": 2, "hard": 3, "others": 3, "leverage": 3, "challenge": 6},
               (5, 2, 7), "ic"),
    "people_grower": ({"depth": 3, "maker": 3, "focus": 2, "people": 6, "hard": 5, "others": 5, "leverage": 4, "challenge": 3},
                      (3, 7, 3), "management"),
    "hybrid_lead": ({"depth": 4, "maker": 4, "focus": 3, "people": 5, "hard": 4, "others": 5, "leverage": 5, "challenge": 4},
                    (6, 6, 4), "hybrid"),
    "unsure": ({"depth": 4, "maker": 4, "focus": 4, "people": 3, "hard": 3, "others": 4, "leverage": 3, "challenge": 4},
               (4, 4, 4), "unsure"),
    "pay_motivated": ({"depth": 4, "maker": 4, "focus": 3, "people": 2, "hard": 2, "others": 3, "leverage": 3, "challenge": 3},
                      (3, 6, 3), "ic"),
    "back_to_ic": ({"depth": 5, "maker": 6, "focus": 5, "people": 3, "hard": 2, "others": 3, "leverage": 4, "challenge": 5},
                   (7, 2, 5), "ic"),
}
# Who is drawn from which profile, by current level band.
IC_MIX = [("specialist", 22), ("architect", 18), ("solver", 16), ("people_grower", 12), ("hybrid_lead", 12),
          ("unsure", 12), ("pay_motivated", 8)]
MGMT_MIX = [("people_grower", 55), ("hybrid_lead", 25), ("back_to_ic", 12), ("unsure", 8)]
LEVELS = [("ic.junior", 9), ("ic.developer", 20), ("ic.senior", 24), ("ic.staff", 11), ("ic.principal", 5),
          ("ic.distinguished", 1), ("mgmt.tech_lead", 9), ("mgmt.em", 12), ("mgmt.senior_em", 5), ("mgmt.director", 3),
          ("mgmt.vp", 1)]
YEARS = {"ic.junior": (0, 2), "ic.developer": (2, 5), "ic.senior": (5, 10), "ic.staff": (8, 15),
         "ic.principal": (12, 22), "ic.distinguished": (15, 30), "mgmt.tech_lead": (5, 10), "mgmt.em": (7, 15),
         "mgmt.senior_em": (10, 20), "mgmt.director": (12, 25), "mgmt.vp": (15, 30)}
DOMAINS = [("software", 38), ("data", 14), ("infrastructure", 14), ("ml", 10), ("security", 9), ("cloud", 8),
           ("product", 7)]
CERT_BY_DOMAIN = {"software": ["architecture", "cloud", "agile"], "data": ["data", "cloud", "ml"],
                  "infrastructure": ["cloud", "security"], "ml": ["ml", "data", "cloud"],
                  "security": ["security", "cloud"], "cloud": ["cloud", "architecture", "security"],
                  "product": ["agile", "leadership"]}
NETS = ["internal_forum", "community_of_practice", "conference", "association", "speaking", "external_mentor", "open_source"]
PROJECTS = ["cross_discipline", "innovation", "special_advisor", "open_source", "incident_command", "hiring_loop"]
BUDGETS = {"ic.junior": [0, 500, 1000, 1500], "ic.developer": [0, 500, 1500, 3000], "ic.senior": [500, 1500, 3000, 5000],
           "ic.staff": [1500, 3000, 5000, 8000], "ic.principal": [3000, 6000, 12000], "ic.distinguished": [6000, 12000, 20000],
           "mgmt.tech_lead": [1000, 3000, 5000], "mgmt.em": [1500, 3000, 6000], "mgmt.senior_em": [3000, 6000, 10000],
           "mgmt.director": [5000, 10000, 15000], "mgmt.vp": [10000, 20000]}


def clamp(value, low, high):
    return max(low, min(high, value))


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    roll = rng.uniform(0, total)
    for value, weight in weighted:
        roll -= weight
        if roll <= 0:
            return value
    return weighted[-1][0]


OFFER_HEADER = ["contributor.will.first_step", "manager.will.support", "manager.offer.mentor.name",
                "manager.offer.mentor.role", "manager.offer.mentor.every", "manager.offer.project.name",
                "manager.offer.project.percent", "manager.offer.project.hours_per_month", "manager.offer.project.from",
                "manager.offer.trial.role", "manager.offer.trial.from", "manager.offer.course.name",
                "manager.offer.course.amount", "manager.offer.course.hours", "manager.offer.course.when"]
MENTORS = ["Sam Ortiz", "Priya Natarajan", "Dev Malhotra", "Lena Fischer", "Tomas Berg", "Aiko Tanaka", "Grace Mensah"]
ROLES = {"ic": ["staff engineer", "principal engineer", "senior engineer"],
         "management": ["engineering manager", "senior engineering manager", "director of engineering"]}
PROJECT_NAMES = ["events platform migration", "payments reliability review", "data catalogue pilot",
                 "on-call tooling rewrite", "design-review guild"]
COURSES = [("Kubernetes in production workshop", 1200, 16), ("Regional engineering conference", 900, 24),
           ("First-time manager programme", 2400, 30), ("Writing design docs course", 300, 8),
           ("Security fundamentals course", 600, 12)]
STARTS = ["2026-12-01", "2027-01-04", "2027-02-01", "2027-03-01", "2027-05-03"]


def offers(rng, mode, level, view):
    """The offer columns: the first steps and, in a manager's answers, what they offered."""
    first = rng.choice(["Ask Sam to review my design by the 15th.", "Book the course by Friday.", ""])
    if mode == "self":
        return [first] + [""] * (len(OFFER_HEADER) - 1)
    support = rng.choice(["Clear the Thursday sync from their calendar by next week.", "Introduce them to the mentor by Friday.", ""])
    row = [first, support]
    if rng.random() < 0.55:
        side = "management" if view in ("management", "hybrid") and rng.random() < 0.5 else "ic"
        row += [rng.choice(MENTORS), rng.choice(ROLES[side]), pick(rng, [("weekly", 20), ("fortnightly", 55), ("monthly", 25)])]
    else:
        row += ["", "", ""]
    if rng.random() < 0.35:
        percent = pick(rng, [(10, 40), (20, 40), (30, 20)])
        by_hours = rng.random() < 0.3
        row += [rng.choice(PROJECT_NAMES), "" if by_hours else percent, percent * 16 // 10 if by_hours else "", rng.choice(STARTS)]
    else:
        row += ["", "", "", ""]
    if view in ("management", "hybrid", "unsure") and not level.startswith("mgmt.") and rng.random() < 0.3:
        row += [rng.choice(["tech_lead", "acting_manager", "shadow_manager", "people_lead"]), rng.choice(STARTS)]
    else:
        row += ["", ""]
    if rng.random() < 0.3:
        name, amount, hours = rng.choice(COURSES)
        row += [name, amount, hours if rng.random() < 0.7 else "", rng.choice(STARTS[1:])]
    else:
        row += ["", "", "", ""]
    return row


def main():
    args = [a for a in sys.argv[1:] if a != "--no-offers"]
    with_offers = len(args) == len(sys.argv) - 1
    count, out = int(args[0]), args[1]
    seed = int(args[2]) if len(args) > 2 else 2611
    rng = random.Random(seed)
    offer_rng = random.Random(seed + 1)
    with open(out, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER + (OFFER_HEADER if with_offers else []))
        for n in range(count):
            level = pick(rng, LEVELS)
            profile_name = pick(rng, MGMT_MIX if level.startswith("mgmt.") else IC_MIX)
            lean, ladders, view = PROFILES[profile_name]
            # A manager's observations: the person's real strength, seen with some noise and the
            # manager's own leniency (a stable trait of the rater).
            strength = {d: clamp(lean[d] + rng.choice([-1, 0, 0, 1]), 1, 6) for d in DIMS}
            leniency = rng.choice([-1, 0, 0, 0, 1])
            mode = pick(rng, [("one-on-one", 85), ("self", 15)])
            low, high = YEARS[level]
            years = rng.randint(low, high)
            managing = rng.randint(1, max(1, years - 4)) if level.startswith("mgmt.") else pick(rng, [(0, 85), (1, 10), (2, 5)])
            domain = pick(rng, DOMAINS)
            row = [f"Person {n + 1}", f"Q{n + 1:05d}", level, domain, years, managing, f"Manager {n % 61 + 1}",
                   "2026-11-22", mode]
            answers = {d: [clamp(lean[d] + rng.choice([-1, 0, 0, 1]), 1, 6) for _ in ITEMS[d]] for d in DIMS}
            row += [value for d in DIMS for value in answers[d]]
            pay = rng.choice([5, 6]) if profile_name == "pay_motivated" else rng.choice([1, 1, 2, 2, 3, 4])
            row += [pay, rng.randint(2, 6), pick(rng, [(2, 20), (3, 25), (4, 25), (5, 18), (6, 12)]), rng.randint(2, 6)]
            # The three items most true of them: from their strongest dimensions.
            ranked = sorted(DIMS, key=lambda d: (-sum(answers[d]), rng.random()))
            picks = []
            for d in ranked[:3]:
                picks.append(f"{d}.{rng.choice(ITEMS[d])}")
            row.append(";".join(picks))
            row += [clamp(ladders[0] + rng.choice([-1, 0, 0, 1]), 1, 7), clamp(ladders[1] + rng.choice([-1, 0, 0, 1]), 1, 7),
                    clamp(ladders[2] + rng.choice([-1, 0, 0, 1]), 1, 7)]
            promotion = pick(rng, [("seeking", 45), ("open", 37), ("not_now", 18)])
            row += [promotion, pick(rng, [(6, 15), (12, 55), (18, 15), (24, 15)]), "Grow in my role and take on more."]
            certs = CERT_BY_DOMAIN[domain] + (["leadership"] if view in ("management", "hybrid") else [])
            row.append(";".join(rng.sample(certs, pick(rng, [(0, 40), (1, 45), (2, 15)]))))
            row.append(";".join(rng.sample(NETS, pick(rng, [(0, 30), (1, 40), (2, 25), (3, 5)]))))
            row.append(";".join(rng.sample(PROJECTS, pick(rng, [(0, 45), (1, 40), (2, 15)]))))
            if mode == "self":
                row += [""] * (len(OBS) + 6)
            else:
                row += [clamp(strength[d] + leniency, 1, 6) for d in OBS]
                manager_view = view if view != "unsure" else rng.choice(["ic", "hybrid", "unsure"])
                if rng.random() < 0.15:
                    manager_view = rng.choice(["ic", "management", "hybrid", "unsure"])
                row += [manager_view, pick(rng, [("ready_now", 15), ("within_1y", 40), ("within_2y", 30), ("not_yet", 15)]),
                        pick(rng, [(4, 10), (8, 30), (12, 25), (16, 25), (24, 10)]),
                        pick(rng, [(0, 30), (5, 20), (10, 30), (20, 20)]), rng.choice(BUDGETS[level]),
                        pick(rng, [("USD", 60), ("EUR", 30), ("GBP", 10)])]
            extra = offers(offer_rng, mode, level, view)
            writer.writerow(row + (extra if with_offers else []))


if __name__ == "__main__":
    main()
