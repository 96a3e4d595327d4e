"""Benchmark: the lecture's training recipe against the course's, for each exercise of notebook 05.

    python benchmarks/recipes.py                 # all three exercises, seed 0, on CUDA if present
    python benchmarks/recipes.py --only square --seed 3

For each exercise, in this one process and on the current device (helpers.get_device), it trains
the lecture's recipe (raw numbers, sum of squares, Adam(lr=0.001), 10 000 steps of 100 fresh points)
and the course's (helpers.fit_recipes.COURSE) from the same seed, then prints the steps and
training seconds each needs to reach the lecture's final error, the speed-up and both final errors.
Seconds count training steps only (the error is measured every 25 steps, off the clock).
Not a test: the timings depend on the machine and on whatever else it is running.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

import helpers  # noqa: E402
from helpers.fit_recipes import COURSE, LECTURE, TASKS, Run, run_task  # noqa: E402

TITLES = {"square": "y = x² on [-100, 100]", "sin": "y = sin x on [-10, 10]", "max_min": "(max, min) on [0, 100]²"}


def machine() -> str:
    """Return a one-line description of the device, the CPU and torch."""
    cpu = platform.processor() or platform.machine()
    try:
        names = [line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                 if line.startswith("model name")]
        cpu = f"{names[0]} ×{len(names)}" if names else cpu
    except OSError:
        pass
    device = helpers.get_device()
    gpu = f" ({torch.cuda.get_device_name(device)})" if device.type == "cuda" else ""
    return f"device {device}{gpu}; CPU {cpu}; torch {torch.__version__}, {torch.get_num_threads()} threads"


def reach(run: Run, target: float) -> str:
    """Return 'step N (S s)' where the run's error first fell to ``target``, or 'not reached'."""
    hit = run.reached(target)
    return f"step {hit[0]:>5} ({hit[1]:6.2f} s)" if hit else "not reached"


def compare(name: str, seed: int, lecture_steps: int, course_steps: int | None) -> None:
    """Train both recipes on exercise ``name`` and print the comparison."""
    device = helpers.get_device()
    course_recipe = COURSE[name] if course_steps is None else COURSE[name].but(num_steps=course_steps)
    lecture = run_task(name, LECTURE.but(num_steps=lecture_steps), device=device, seed=seed)
    course = run_task(name, course_recipe, device=device, seed=seed)
    goal = lecture.final_error
    print(f"\n{name}: {TITLES[name]}; error = {TASKS[name].error_name}; exercise target {TASKS[name].target:g}")
    print(f"  {'recipe':8} {'steps':>6} {'seconds':>8} {'ms/step':>8} {'final error':>12}   reaches {goal:.4g} at")
    for label, run in (("lecture", lecture), ("course", course)):
        steps = len(run.step_seconds)
        print(f"  {label:8} {steps:6} {run.seconds:8.2f} {1e3 * run.seconds / steps:8.2f} "
              f"{run.final_error:12.4g}   {reach(run, goal)}")
    hit = course.reached(goal)
    if hit is None:
        print(f"  speed-up: the course's recipe did not reach {goal:.4g} in {course_recipe.num_steps} steps")
        return
    first = lecture.reached(goal)
    print(f"  speed-up to the lecture's final error: ×{lecture.seconds / hit[1]:.1f} in seconds, "
          f"×{lecture_steps / hit[0]:.1f} in steps (against the lecture's first time at or below it: "
          f"×{first[1] / hit[1]:.1f} in seconds)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(TASKS), help="comma-separated exercises (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--lecture-steps", type=int, default=LECTURE.num_steps, help="default: 10 000")
    parser.add_argument("--course-steps", type=int, default=None, help="default: each course recipe's own")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in TASKS]
    if unknown:
        parser.error(f"--only: unknown exercise(s) {unknown}; choose from {sorted(TASKS)}")
    print(machine())
    print(f"seed {args.seed}; lecture: {LECTURE.but(num_steps=args.lecture_steps)}")
    for name in names:
        print(f"course ({name}): {COURSE[name]}")
    for name in names:
        compare(name, args.seed, args.lecture_steps, args.course_steps)


if __name__ == "__main__":
    main()
