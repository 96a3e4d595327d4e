"""Benchmark: how fast the course runs — each notebook, each slider, and the test suite by part.

    python benchmarks/speed.py                 # everything (about 10 minutes on a 2-core CPU)
    python benchmarks/speed.py --only notebooks,redraw
    python benchmarks/speed.py --only suite

- notebooks: executes every notebook of both folders and both editions (solutions/, notebooks/,
  solutions/ko/, notebooks/ko/) one after the other with nbclient, one torch thread as in the suite,
  and prints the seconds of each;
- redraw: the explorers' kernel redraw times (benchmarks/redraw.py);
- browser: the slider latency in JupyterLab + Chromium, from release to new figure (tests/test_browser.py);
- suite: runs the README's test command once, with a JUnit report, and prints its wall time and the
  seconds its tests took, summed by part (notebooks by folder, the seed sweep, the claims, the
  browser, site and install tests, the unit tests).
Not a test: the figures depend on the machine and on what else it runs (the load is printed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("notebooks", "redraw", "browser", "suite")
FOLDERS = ("solutions", "notebooks", "solutions/ko", "notebooks/ko")


def machine() -> str:
    """Return the CPU model, core count and load average."""
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "unknown CPU",
        )
        if Path("/proc/cpuinfo").exists()
        else "unknown CPU"
    )
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{cpu} ×{os.cpu_count()}; load average {load}"


def time_notebooks() -> None:
    """Execute every notebook of every folder once, in a fresh kernel each, and print the seconds."""
    import nbformat
    from nbclient import NotebookClient

    env = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    os.environ.update(env)
    total = 0.0
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            start = time.perf_counter()
            NotebookClient(nb, timeout=900, resources={"metadata": {"path": str(path.parent)}}).execute()
            seconds = time.perf_counter() - start
            total += seconds
            print(f"  {folder + '/' + path.name:40} {seconds:6.1f} s", flush=True)
    print(f"  {'all notebooks, one after the other':40} {total:6.1f} s")


def time_browser() -> None:
    """Run the browser test and print its latency lines."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-n", "0", "tests/test_browser.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    lines = [
        line for line in done.stdout.splitlines() if "s" in line and ("→" in line or "ran" in line or "median" in line)
    ]
    print("\n".join(f"  {line.strip()}" for line in lines) or done.stdout[-2000:])


def part_of(classname: str, name: str) -> str:
    """Return the part of the suite a JUnit test case belongs to."""
    if classname.endswith(".ipynb"):  # e.g. "solutions.ko.01_perceptron.ipynb"
        folder = "/".join(classname.split(".")[:-2])
        return f"notebooks in {folder}/"
    module = classname.rsplit(".", 1)[-1]
    if module == "test_fit_recipes" and "reaches_the_target" in name:
        return "seed sweep (tests/test_fit_recipes.py)"
    for key in ("test_claims", "test_browser", "test_site", "test_install", "test_student_setup"):
        if module.startswith(key):
            return f"{key}*.py" if key == "test_claims" else f"{module}.py"
    return "unit tests (the rest of tests/)"


def time_suite() -> None:
    """Run the README's test command once with a JUnit report; print the wall time and each part's test seconds."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "suite.xml"
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", f"--junitxml={report}"], cwd=ROOT, capture_output=True, text=True
        )
        wall = time.perf_counter() - start
        if not report.exists():  # pytest could not start (e.g. run outside the course's environment)
            print(f"  `python -m pytest` wrote no report (exit {done.returncode}):")
            print(done.stdout[-2000:] + done.stderr[-2000:])
            return
        seconds: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)
        for case in ElementTree.parse(report).iter("testcase"):
            part = part_of(case.get("classname", ""), case.get("name", ""))
            seconds[part] += float(case.get("time", 0))
            counts[part] += 1
    print(f"  `python -m pytest`: {done.stdout.strip().splitlines()[-1]}")
    print(f"  wall time {wall:.0f} s on {os.cpu_count()} cores; seconds of the tests by part (they run in parallel):")
    for part in sorted(seconds, key=seconds.get, reverse=True):
        print(f"    {part:40} {counts[part]:5} tests {seconds[part]:7.1f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts of {PARTS} (default: all)")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"--only: unknown part(s) {unknown}; choose from {list(PARTS)}")
    print(machine())
    for part in parts:
        print(f"\n{part}:", flush=True)
        if part == "notebooks":
            time_notebooks()
        elif part == "redraw":
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "redraw.py")], cwd=ROOT, check=False)
        elif part == "browser":
            time_browser()
        else:
            time_suite()
    print(f"\n{machine()}")


if __name__ == "__main__":
    main()
