"""The speed targets of a large shared history (issue 22): `history NAME` on a store of a
million sessions, and `calibration` over 100,000 people, on SQLite and on PostgreSQL.

Recording a million sessions through careerpath would take hours, so the rows are generated:
a small `bulk --record` run gives real rows (a session with its plan document, plan items and
check-ins, exactly as careerpath writes them), which are copied under new people, ids and
dates. SQLite gets them through one prepared statement in one transaction, PostgreSQL through
COPY in one transaction. Usage (scripts/bench --history runs it after the other figures):

    python3 scripts/bench_history.py ROOT [PEOPLE [SESSIONS_EACH]]   (default 100000 10)
"""
import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from bench_postgres import Cluster


def template_rows(binary, prompts, work, count=40):
    """Records `count` generated people with careerpath itself and returns its SQLite file and
    the rows: [(session row as a dict, [plan item dicts], [milestone dicts])]."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sheet = os.path.join(work, "template.csv")
    subprocess.run([sys.executable, os.path.join(root, "scripts", "gen-sheet.py"), str(count), sheet], check=True)
    db = os.path.join(work, "template.sqlite")
    subprocess.run([binary, "bulk", sheet, "--format", "json", "--quiet", "--record", "--date", "2026-11-23",
                    "--prompts", prompts, "--out", os.path.join(work, "template-out"), "--db", db],
                   check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    rows = []
    for session in con.execute("SELECT * FROM session ORDER BY id"):
        items = [dict(r) for r in con.execute("SELECT * FROM plan_item WHERE session_id = ?", (session["id"],))]
        milestones = [dict(r) for r in con.execute("SELECT * FROM milestone WHERE session_id = ?", (session["id"],))]
        rows.append((dict(session), items, milestones))
    con.close()
    return db, rows


def generated(rows, people, each):
    """Yields (session, items, milestones) for `people` people with `each` sessions apiece, a
    quarter apart, the latest on 2026-11-22: the template rows under new names, ids and dates."""
    dates = []
    year, month = 2026, 11
    for _ in range(each):
        dates.append(f"{year:04d}-{month:02d}-22")
        month -= 3
        if month < 1:
            month += 12
            year -= 1
    dates.reverse()
    n = 0
    for person in range(1, people + 1):
        pid = f"G{person:07d}"
        name = f"Gen Person {person}"
        for date in dates:
            session, items, milestones = rows[n % len(rows)]
            n += 1
            sid = f"bulk:{date}:one-on-one:id:{pid}"
            s = dict(session, id=sid, person_key="id:" + pid, person_name=name, person_id=pid, date=date)
            if "person_fold" in s:
                s["person_fold"] = name.lower()
            yield (s, [dict(i, session_id=sid) for i in items], [dict(m, session_id=sid) for m in milestones])


def fill_sqlite(template_db, path, rows, people, each):
    """A copy of careerpath's own file (its schema and migrations), emptied and filled."""
    shutil.copyfile(template_db, path)
    con = sqlite3.connect(path)
    # Filled without a journal (a loader's shortcut), then set back to careerpath's own mode.
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -400000")
    for table in ["plan_item", "milestone", "session"]:
        con.execute(f"DELETE FROM {table}")
    statements = {}
    for table in ["session", "plan_item", "milestone"]:
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        statements[table] = (columns, f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})")
    def values(table, row):
        return [row.get(c) for c in statements[table][0]]
    with con:
        for session, items, milestones in generated(rows, people, each):
            con.execute(statements["session"][1], values("session", session))
            con.executemany(statements["plan_item"][1], [values("plan_item", i) for i in items])
            con.executemany(statements["milestone"][1], [values("milestone", m) for m in milestones])
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode = WAL")
    con.close()


def fill_postgres(cluster, database, rows, people, each):
    """COPY of the generated rows in one transaction, then ANALYZE."""
    session_columns = ["id", "person_key", "person_name", "person_fold", "person_id", "current_level", "date", "recorded_at",
                       "mode", "source", "recommended", "archetype", "confidence", "fit_ic", "fit_management", "fit_hybrid",
                       "dimensions", "flags", "target_level", "document"]
    item_columns = ["session_id", "item_id", "category", "title", "due", "status", "note", "status_date"]
    milestone_columns = ["session_id", "position", "title", "due", "status", "status_date"]
    folder = tempfile.mkdtemp(prefix="careerpath-bench-copy-")
    files = {name: open(os.path.join(folder, name + ".csv"), "w", newline="") for name in ["session", "plan_item", "milestone"]}
    writers = {name: csv.writer(f) for name, f in files.items()}
    def row(columns, values):
        return ["\\N" if values.get(c) is None else values.get(c) for c in columns]
    for session, items, milestones in generated(rows, people, each):
        session = dict(session, person_fold=session["person_name"].lower())
        writers["session"].writerow(row(session_columns, session))
        writers["plan_item"].writerows(row(item_columns, i) for i in items)
        writers["milestone"].writerows(row(milestone_columns, m) for m in milestones)
    for f in files.values():
        f.close()
    def copy(table, columns):
        path = os.path.join(folder, table + ".csv")
        return f"\\copy careerpath.{table} ({', '.join(columns)}) FROM '{path}' WITH (FORMAT csv, NULL '\\N')"
    # Without triggers (the foreign keys' and the filing one, which files under the org chart's
    # logins: there is none here): a loader's shortcut, as pg_restore takes.
    script = "\n".join(["BEGIN;", "SET LOCAL session_replication_role = replica;", copy("session", session_columns), copy("plan_item", item_columns),
                        copy("milestone", milestone_columns), "COMMIT;", "VACUUM ANALYZE;"])
    # As the superuser: COPY is refused where row-level security applies, even to the owner.
    cluster.psql_script(script, database=database)
    shutil.rmtree(folder, ignore_errors=True)


def timed(argv, runs):
    """Sorted wall times in milliseconds of `runs` runs of argv (its output discarded)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def measure(binary, prompts, work, people=100000, each=10):
    print(f"history of {people * each:,} sessions ({people:,} people, {each} each):", flush=True)
    template_db, rows = template_rows(binary, prompts, work)
    sqlite = os.path.join(work, "million.sqlite")
    start = time.perf_counter()
    fill_sqlite(template_db, sqlite, rows, people, each)
    print(f"  SQLite filled in {time.perf_counter() - start:.0f} s, {os.path.getsize(sqlite) / 2**30:.1f} GiB", flush=True)
    stores = [("SQLite", sqlite, {})]
    cluster = Cluster.start("54932")
    try:
        if cluster:
            url = cluster.careerpath_database(binary, "million")
            start = time.perf_counter()
            fill_postgres(cluster, "million", rows, people, each)
            print(f"  PostgreSQL filled in {time.perf_counter() - start:.0f} s", flush=True)
            # Measured as an HR member: the one who runs calibration, through the row-level policies.
            cluster.psql("CREATE ROLE hr_bench LOGIN IN ROLE careerpath_hr", database="million")
            stores.append(("PostgreSQL", cluster.url("hr_bench", "million"), {}))
        someone = f"Gen Person {people // 2 + 17}"
        for name, db, _ in stores:
            history = timed([binary, "history", someone, "--db", db], 11)
            by_id = timed([binary, "history", f"G{people // 2 + 17:07d}", "--db", db], 11)
            calibration = timed([binary, "calibration", "--db", db, "--prompts", prompts], 1)[0] / 1000
            print(f"  {name}: history by name: median {history[5]:.0f} ms (fastest {history[0]:.0f}); by id: median "
                  f"{by_id[5]:.0f} ms; calibration over {people:,} people: {calibration:.1f} s", flush=True)
    finally:
        if cluster:
            cluster.stop()


if __name__ == "__main__":
    root = sys.argv[1]
    people = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    each = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    work = tempfile.mkdtemp(prefix="careerpath-bench-history-")
    try:
        measure(os.path.join(root, ".build", "release", "careerpath"), os.path.join(root, "prompts"), work, people, each)
    finally:
        shutil.rmtree(work, ignore_errors=True)
