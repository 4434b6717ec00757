"""The answers-file columns both sheet generators write: the dimensions' items, the manager's
observations and the CSV header of `careerpath template csv` (for the items they fill)."""

DIMS = ["depth", "maker", "focus", "people", "hard", "others", "leverage", "challenge"]
ITEMS = {
    "depth": ["mastery", "learning", "identity"], "maker": ["flow", "hands_on", "shipping"],
    "focus": ["deep_blocks", "meetings_drain", "interruptions"], "people": ["growth", "one_on_ones", "hiring"],
    "hard": ["feedback", "conflict", "emotional_load"], "others": ["team_outcomes", "priorities", "coordination"],
    "leverage": ["cross_team", "architecture", "strategy"], "challenge": ["hard_problems", "variety", "title_indifferent"],
}
OBS = {"depth": "obs.depth", "maker": "obs.craft", "people": "obs.mentoring", "hard": "obs.hard_conversations",
       "others": "obs.coordination", "leverage": "obs.influence", "challenge": "obs.problem_solving"}

HEADER = ["person.name", "person.id", "person.current_level", "person.domain", "person.years_experience",
          "person.years_managing", "manager.name", "session.date", "session.mode"]
HEADER += [f"contributor.{d}.{i}" for d in DIMS for i in ITEMS[d]]
HEADER += ["contributor.motive.pay_status", "contributor.anchor.autonomy", "contributor.anchor.lifestyle",
           "contributor.anchor.security", "contributor.top3", "contributor.ladder.technical",
           "contributor.ladder.managerial", "contributor.ladder.projects", "contributor.goal.promotion",
           "contributor.goal.horizon_months", "contributor.goal.statement", "contributor.interest.certifications",
           "contributor.interest.networking", "contributor.interest.projects"]
HEADER += [f"manager.{o}" for o in OBS.values()]
HEADER += ["manager.view.track", "manager.view.readiness", "manager.capacity.dev_hours_per_month",
           "manager.capacity.special_project_percent", "manager.budget.amount", "manager.budget.currency"]
