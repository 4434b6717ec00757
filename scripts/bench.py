"""The measurements behind scripts/bench. Reports wall time, rows per second, the copy
floor ratio and peak memory (max RSS of the child process) for each size, then, for the
smallest size, the CPU time per person of each format alone on one core, to show where the
time goes; and, measured first, how soon `talk` shows its first question."""
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import time

import bench_history
from bench_postgres import Cluster


def run_child(argv):
    """Runs argv and returns (wall seconds, peak RSS in MiB, (user, system) CPU seconds) of that
    child alone: wait4 gives its own usage, not the largest of every child so far (which,
    after scripts/bench's `exec`, would include the compiler's)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, argv)
    return wall, usage.ru_maxrss / 1024, (usage.ru_utime, usage.ru_stime)


def first_question(binary, prompts, work, runs=21):
    """Milliseconds from starting `talk` on a pseudo-terminal (as a person would) to its first
    question's prompt, each run with fresh folders; returns them sorted."""
    times = []
    for run in range(runs):
        home = os.path.join(work, f"talk-{run}")
        env = dict(os.environ, XDG_DATA_HOME=home + "/data", XDG_STATE_HOME=home + "/state", TERM="xterm")
        start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(binary, [binary, "talk", "--mode", "self", "--person", "Bench Mark", "--level", "senior",
                               "--prompts", prompts], env)
        seen = b""
        while not seen.rstrip().endswith(b">"):
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                break
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
        times.append((time.perf_counter() - start) * 1000)
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    return sorted(times)


def main():
    root = sys.argv[1]
    arguments = sys.argv[2:]
    history = "--history" in arguments
    sizes = [int(n) for n in arguments if n != "--history"] or [10000, 100000]
    binary = os.path.join(root, ".build", "release", "careerpath")
    prompts = os.path.join(root, "prompts")
    work = tempfile.mkdtemp(prefix="careerpath-bench-")
    # Nothing is deleted until the end: on ext4, creating files soon after deleting many costs
    # far more system time (the allocator skips recently freed inodes), which would charge one
    # run for the clean-up of the one before.
    results = []
    try:
        # First, before the bulk runs: the disk is still writing their files back for a while
        # after they end, which would slow a start measured then.
        times = first_question(binary, prompts, work)
        print(f"talk, first question shown: median {times[len(times) // 2]:.0f} ms "
              f"(fastest {times[0]:.0f}, slowest {times[-1]:.0f}, {len(times)} runs)", flush=True)
        for people in sorted(sizes):
            sheet = os.path.join(work, f"sheet-{people}.csv")
            subprocess.run([sys.executable, os.path.join(root, "scripts", "gen-sheet.py"), str(people), sheet], check=True)
            out = os.path.join(work, f"out-{people}")
            wall, peak, cpu = run_child([binary, "bulk", sheet, "--out", out, "--format", "md,json", "--quiet",
                                         "--date", "2026-11-23", "--prompts", prompts])
            files = len(os.listdir(out))
            copy = os.path.join(work, f"copy-{people}")
            start = time.perf_counter()
            subprocess.run(["cp", "-r", out, copy], check=True)
            floor = time.perf_counter() - start
            results.append((people, wall, peak, floor, files))
            print(f"{people:>7} people: {wall:6.2f} s, {people / wall:8.0f} rows/s, {files} files, "
                  f"cp -r {floor:5.2f} s (ratio {wall / floor:4.1f}), peak memory {peak:6.1f} MiB, "
                  f"CPU {cpu[0]:.2f} s user + {cpu[1]:.2f} s system", flush=True)
        if len(results) >= 2:
            small, large = results[0], results[-1]
            print(f"peak memory {large[0]} vs {small[0]} people: {large[2] / small[2]:.2f}x")
        # Where the time goes: each format alone, on one core, for the smallest size.
        people = min(sizes)
        sheet = os.path.join(work, f"sheet-{people}.csv")
        for formats in ["md,json", "md", "json"]:
            out = os.path.join(work, f"alone-{formats}")
            _, _, cpu = run_child([binary, "bulk", sheet, "--out", out, "--format", formats, "--quiet", "--jobs", "1",
                                   "--date", "2026-11-23", "--prompts", prompts])
            print(f"one core, {formats:>7}: {cpu[0] / people * 1000:.2f} ms user + {cpu[1] / people * 1000:.2f} ms "
                  "system CPU a person", flush=True)
        # The history: bulk --record into a SQLite file and into a PostgreSQL server of its own.
        people = min(sizes)
        sheet = os.path.join(work, f"sheet-{people}.csv")
        record_figures(binary, prompts, work, sheet, people)
        if history:
            bench_history.measure(binary, prompts, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def record_figures(binary, prompts, work, sheet, people):
    """bulk --record of `people` into SQLite and into a throwaway PostgreSQL cluster (initdb as
    the postgres user when run as root; a Unix socket only), then `history` on each."""
    sqlite = os.path.join(work, "history.sqlite")
    base = [binary, "bulk", sheet, "--format", "json", "--quiet", "--record", "--date", "2026-11-23", "--prompts", prompts]
    plain, _, _ = run_child(base[:6] + base[7:] + ["--out", os.path.join(work, "plain")])
    wall_sqlite, _, _ = run_child(base + ["--out", os.path.join(work, "rec-sqlite"), "--db", sqlite])
    print(f"bulk --record {people} people: no record {plain:.2f} s, SQLite {wall_sqlite:.2f} s", flush=True)
    cluster = Cluster.start()
    if cluster is None:
        return
    try:
        url = cluster.careerpath_database(binary, "careerpath")
        wall_pg, _, _ = run_child(base + ["--out", os.path.join(work, "rec-pg"), "--db", url])
        print(f"bulk --record {people} people into PostgreSQL {wall_pg:.2f} s ({wall_pg / wall_sqlite:.2f}x SQLite; "
              f"recording alone {wall_pg - plain:.2f} s against {wall_sqlite - plain:.2f} s)", flush=True)
        for name, db in [("SQLite", sqlite), ("PostgreSQL", url)]:
            times = []
            for _ in range(11):
                start = time.perf_counter()
                subprocess.run([binary, "history", "Person 17", "--db", db], check=True, stdout=subprocess.DEVNULL)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            start = time.perf_counter()
            subprocess.run([binary, "calibration", "--db", db, "--prompts", prompts], check=True, stdout=subprocess.DEVNULL)
            calibration = time.perf_counter() - start
            print(f"{name}: history of one person among {people}: median {times[5]:.0f} ms; "
                  f"calibration over {people}: {calibration:.2f} s", flush=True)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
