"""The measurements behind scripts/bench. Reports wall time, rows per second, the copy
floor ratio and peak memory (max RSS of the child process) for each size."""
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def run_child(argv):
    """Runs argv and returns (wall seconds, peak RSS in MiB of that child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest so far: only a larger child raises it, so run
    # sizes in increasing order and read each figure as "at most".
    return wall, max(before, after) / 1024


def main():
    root = sys.argv[1]
    sizes = [int(n) for n in sys.argv[2:]] or [10000, 100000]
    binary = os.path.join(root, ".build", "release", "careerpath")
    prompts = os.path.join(root, "prompts")
    work = tempfile.mkdtemp(prefix="careerpath-bench-")
    results = []
    try:
        for people in sorted(sizes):
            sheet = os.path.join(work, f"sheet-{people}.csv")
            subprocess.run([sys.executable, os.path.join(root, "scripts", "gen-sheet.py"), str(people), sheet], check=True)
            out = os.path.join(work, f"out-{people}")
            wall, peak = run_child([binary, "bulk", sheet, "--out", out, "--format", "md,json", "--quiet",
                                    "--date", "2026-11-23", "--prompts", prompts])
            files = len(os.listdir(out))
            copy = os.path.join(work, f"copy-{people}")
            start = time.perf_counter()
            subprocess.run(["cp", "-r", out, copy], check=True)
            floor = time.perf_counter() - start
            results.append((people, wall, peak, floor, files))
            print(f"{people:>7} people: {wall:6.2f} s, {people / wall:8.0f} rows/s, {files} files, "
                  f"cp -r {floor:5.2f} s (ratio {wall / floor:4.1f}), peak memory {peak:6.1f} MiB", flush=True)
            shutil.rmtree(out)
            shutil.rmtree(copy)
        if len(results) >= 2:
            small, large = results[0], results[-1]
            print(f"peak memory {large[0]} vs {small[0]} people: {large[2] / small[2]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
