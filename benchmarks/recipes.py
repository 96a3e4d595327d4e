"""Benchmark: the lecture's training recipe against the course's, for each exercise of notebook 05, over seeds.

    python benchmarks/recipes.py                          # all three exercises, seeds 0-4
    python benchmarks/recipes.py --only max_min --seeds 0-9 --threads 1
    python benchmarks/recipes.py --only max_min --variants   # also the other (max, min) recipes tried

For each exercise it trains, in this one process and on the current device (helpers.get_device),
the lecture's recipe (raw numbers, sum of squares, Adam(lr=0.001), 10 000 steps of 100 fresh points)
and the course's (helpers.fit_recipes.COURSE) once per seed. Per recipe it prints the median and the
range over the seeds of: the final error; the step and the training seconds at which the error
first reaches the exercise's target; and the same for the lecture recipe's *median* final error.
Then the speed-ups, per seed and summarised as median [min, max]: the lecture's full training
time, and its own first time at that error, over the course's time to reach it. Last, a markdown
table to paste into the README.

The error is measured every 25 steps, off the clock: seconds count training steps only. Errors
and steps do not depend on the machine's load; seconds do, so time on a quiet machine. Results of
one seed differ between CPUs, GPUs, thread counts and torch versions (their sums are rounded in
another order), which is why everything here is a distribution over seeds.
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

import helpers  # noqa: E402
from helpers.fit_exercises import EXERCISES  # noqa: E402
from helpers.fit_recipes import COURSE, LECTURE, Recipe, Run, run_task  # noqa: E402

#: Other recipes ``--variants`` measures per exercise, against the same goals (the search behind COURSE["max_min"]).
VARIANTS = {
    "square": {"with cosine decay": COURSE["square"].but(cosine=True)},
    "max_min": {
        "raw, cosine, 1000 steps": COURSE["max_min"].but(num_steps=1000),
        "raw, cosine, 1500 steps": COURSE["max_min"].but(num_steps=1500),
        "x / 100, y / 100, cosine, 1000 steps": COURSE["max_min"].but(num_steps=1000, x_scale=100, y_scale=100),
    },
}

TITLES = {"square": "x² on [−100, 100]", "sin": "sin x on [−10, 10]", "max_min": "(max, min) on [0, 100]²"}
ERRORS = {"square": "max abs error", "sin": "max abs error", "max_min": "worse head's mean abs error"}
NEVER = math.inf  # "not reached" sorts after every step and every second


def cpu_name() -> str:
    """Return the CPU's model name and its number of logical CPUs, e.g. 'AMD EPYC 7B13 ×2'."""
    try:
        names = [
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ]
    except OSError:
        names = []
    return f"{names[0]} ×{len(names)}" if names else f"{platform.processor() or platform.machine()}"


def machine(device: torch.device) -> str:
    """Return a one-line description of the device, the CPU, torch and its threads."""
    gpu = f" ({torch.cuda.get_device_name(device)})" if device.type == "cuda" else ""
    return (
        f"device {device}{gpu}; CPU {cpu_name()}; torch {torch.__version__}, "
        f"{torch.get_num_threads()} thread(s); Python {platform.python_version()}"
    )


@dataclass
class Spread:
    """Values over seeds, shown as 'median [min–max]'. Times use inf for 'never reached'; speed-ups use 0 for
    'the course never reached it' and inf for 'the lecture never did'."""

    values: list[float]
    speed: bool = False

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def _one(self, v: float, fmt: str | None, prefix: str) -> str:
        if self.speed and v == 0:
            return "—"
        if math.isinf(v):
            return "∞" if self.speed else "—"
        return prefix + (sig(v) if fmt is None else fmt.format(v))

    def text(self, fmt: str | None = None, prefix: str = "") -> str:
        """Return 'median [min–max]' ('—': not reached)."""
        parts = [self._one(v, fmt, prefix) for v in (self.median, min(self.values), max(self.values))]
        return f"{parts[0]} [{parts[1]}–{parts[2]}]"

    def reached(self) -> str:
        """Return ' (k/n seeds)' when only k of the n seeds got there, else ''."""
        missed = sum(v == 0 if self.speed else math.isinf(v) for v in self.values)
        return f" ({len(self.values) - missed}/{len(self.values)} seeds)" if missed else ""


def sig(v: float) -> str:
    """Return ``v`` with 3 significant digits and no exponent: 2564 → '2564', 0.03456 → '0.0346'."""
    return f"{v:.0f}" if abs(v) >= 100 else f"{v:.3g}"


def hit(run: Run, target: float) -> tuple[float, float]:
    """Return (step, seconds) at which ``run``'s error first fell to ``target``, or (inf, inf)."""
    reached = run.reached(target)
    return (float(reached[0]), reached[1]) if reached else (NEVER, NEVER)


def ratios(numerators: list[float], denominators: list[float]) -> Spread:
    """Return the per-seed speed-ups numerator / denominator (0 where the denominator is inf: never reached)."""
    return Spread([0.0 if math.isinf(d) else n / d for n, d in zip(numerators, denominators)], speed=True)


@dataclass
class Result:
    """One exercise's figures, for the printout and the README table."""

    name: str
    lecture_seconds: Spread
    lecture_final: Spread
    course_final: Spread
    goal: float
    course_steps: Spread
    course_seconds: Spread
    speedup: Spread
    speedup_first: Spread
    steps_speedup: Spread
    steps_first: Spread


def run_recipe(name: str, recipe: Recipe, seeds: list[int], device: torch.device, every: int) -> list[Run]:
    """Train exercise ``name`` with ``recipe`` once per seed; print a line per run; return the runs."""
    runs = []
    for seed in seeds:
        run = run_task(name, recipe, device=device, seed=seed, every=every)
        print(
            f"    seed {seed}: final error {run.final_error:.4g} after {recipe.num_steps} steps, {run.seconds:.2f} s",
            flush=True,
        )
        runs.append(run)
    return runs


def compare(
    name: str,
    seeds: list[int],
    lecture: Recipe,
    course: Recipe,
    device: torch.device,
    every: int,
    variants: dict[str, Recipe] | None = None,
) -> Result:
    """Train both recipes (and any ``variants``) on exercise ``name`` for every seed and print the comparison."""
    task = EXERCISES[name]
    print(f"\n{name}: {TITLES[name]}; error = {task.measure}; exercise target {task.target:g}")
    print(f"  lecture: {lecture}")
    lecture_runs = run_recipe(name, lecture, seeds, device, every)
    print(f"  course:  {course}")
    course_runs = run_recipe(name, course, seeds, device, every)
    all_runs = {"lecture": lecture_runs, "course": course_runs}
    for label, recipe in (variants or {}).items():
        print(f"  variant {label!r}: {recipe}")
        all_runs[f"variant {label!r}"] = run_recipe(name, recipe, seeds, device, every)
    goal = Spread([r.final_error for r in lecture_runs]).median
    print(f"  median [min–max] over seeds {seeds}; '—' = not reached; (k/n seeds) = only k of n got there")
    figures = {}
    for label, runs in all_runs.items():
        at_target = [hit(r, task.target) for r in runs]
        at_goal = [hit(r, goal) for r in runs]
        figures[label] = at_goal
        print(f"  {label}:")
        print(f"    final error                               {Spread([r.final_error for r in runs]).text()}")
        late = [e for r in runs for step, e in r.errors if step > r.errors[-1][0] // 2]
        print(f"    error over the second half of the steps   {sig(min(late))} to {sig(max(late))} (all seeds)")
        for what, hits in ((f"the target {task.target:g}", at_target), (f"{sig(goal)}, the lecture's median", at_goal)):
            steps, seconds = Spread([s for s, _ in hits]), Spread([t for _, t in hits])
            print(f"    reaches {what:33} at step {steps.text('{:.0f}')}, {seconds.text('{:.2f}')} s{steps.reached()}")
    lecture_seconds = [r.seconds for r in lecture_runs]
    course_at_goal = [t for _, t in figures["course"]]
    speedup = ratios(lecture_seconds, course_at_goal)
    speedup_first = ratios([t for _, t in figures["lecture"]], course_at_goal)
    steps = ratios([float(lecture.num_steps)] * len(seeds), [s for s, _ in figures["course"]])
    print(f"  the lecture's {lecture.num_steps} steps take {Spread(lecture_seconds).text('{:.1f}')} s")
    print(f"  speed-up to {sig(goal)}, per seed (the same seed for both recipes; ∞: the lecture never got there):")
    print(
        f"    over the lecture's full run:             {speedup.text(None, '×')} in seconds, "
        f"{steps.text(None, '×')} in steps{speedup.reached()}"
    )
    steps_first = ratios([s for s, _ in figures["lecture"]], [s for s, _ in figures["course"]])
    print(
        f"    over the lecture's first time at or below it: {speedup_first.text(None, '×')} in seconds, "
        f"{steps_first.text(None, '×')} in steps"
    )
    return Result(
        name,
        Spread(lecture_seconds),
        Spread([r.final_error for r in lecture_runs]),
        Spread([r.final_error for r in course_runs]),
        goal,
        Spread([s for s, _ in figures["course"]]),
        Spread(course_at_goal),
        speedup,
        speedup_first,
        steps,
        steps_first,
    )


def markdown(results: list[Result], where: str, seeds: list[int]) -> str:
    """Return the README table: one row per exercise, each figure as median [range] over ``seeds``."""
    lines = [
        f"Measured on {where}, seeds {seeds[0]}–{seeds[-1]}: median [min–max] over the {len(seeds)} seeds.",
        "",
        "| exercise (error) | lecture: training time | lecture's final error | course's final error "
        "| course reaches the lecture's median at | speed-up: seconds (steps) "
        "| against the lecture's first time there: seconds (steps) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {TITLES[r.name]} ({ERRORS[r.name]}) | {r.lecture_seconds.text('{:.1f}')} s "
            f"| {r.lecture_final.text()} | {r.course_final.text()} "
            f"| step {r.course_steps.text('{:.0f}')}, {r.course_seconds.text('{:.2f}')} s{r.course_steps.reached()} "
            f"| {r.speedup.text(None, '×')} ({r.steps_speedup.text(None, '×')}) "
            f"| {r.speedup_first.text(None, '×')} ({r.steps_first.text(None, '×')}) |"
        )
    return "\n".join(lines)


def parse_seeds(text: str) -> list[int]:
    """Return the seeds named by '0-4' or '0,3,7'."""
    if "-" in text:
        first, last = (int(part) for part in text.split("-", 1))
        return list(range(first, last + 1))
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> list[Result]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(EXERCISES), help="comma-separated exercises (default: all)")
    parser.add_argument("--seeds", default="0-4", help="'0-4' (default) or '0,3,7'; at least 5 for the README")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's own choice)")
    parser.add_argument("--lecture-steps", type=int, default=LECTURE.num_steps, help="default: 10 000")
    parser.add_argument("--course-steps", type=int, default=None, help="default: each course recipe's own")
    parser.add_argument("--every", type=int, default=25, help="measure the error every this many steps")
    parser.add_argument(
        "--variants",
        action="store_true",
        help=f"also train the other recipes tried for {', '.join(VARIANTS)} (see VARIANTS)",
    )
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in EXERCISES]
    if unknown:
        parser.error(f"--only: unknown exercise(s) {unknown}; choose from {sorted(EXERCISES)}")
    if args.threads:
        torch.set_num_threads(args.threads)
    seeds = parse_seeds(args.seeds)
    device = helpers.get_device()
    where = machine(device)
    print(where)
    print(f"seeds {seeds}")
    lecture = LECTURE.but(num_steps=args.lecture_steps)
    results = []
    for name in names:
        course = COURSE[name] if args.course_steps is None else COURSE[name].but(num_steps=args.course_steps)
        variants = VARIANTS.get(name) if args.variants else None
        results.append(compare(name, seeds, lecture, course, device, args.every, variants))
    print("\nFor the README:\n")
    print(markdown(results, where, seeds))
    return results


if __name__ == "__main__":
    main()
