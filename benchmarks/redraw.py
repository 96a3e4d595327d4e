"""Benchmark: how long the explorers of notebooks 01 and 02 take to answer a slider move, in the kernel.

    python benchmarks/redraw.py              # 40 moves of each explorer
    python benchmarks/redraw.py --moves 200

Builds each explorer as the notebooks do, then sets its sliders to a cycle of values, as a student's
release of a slider does. Each move is timed from the new value to the new PNG set on the figure's
Image widget (the explorer's update, the redraw and the PNG), what the kernel does before the browser
can show it. Prints the median and the slowest move (wall clock, in seconds), the median CPU time of
a move, and the machine. Not a test: the timings depend on the machine and on whatever else it is
running (the load average is printed before and after).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

import ipywidgets  # noqa: E402

from helpers import POINTS  # noqa: E402
from helpers.descent_explorer import descent_explorer  # noqa: E402
from helpers.perceptron_explorer import perceptron_explorer  # noqa: E402

# (slider, value) moves a student might make; each cycle ends where it starts.
MOVES = {
    "01 perceptron_explorer('AND')": [
        ("b", -1.5),
        ("w1", -0.5),
        ("gate", "XOR"),
        ("w2", 2.0),
        ("b", 0.3),
        ("gate", "OR"),
        ("w1", 1.0),
        ("w2", 1.0),
        ("b", 0.0),
        ("gate", "AND"),
    ],
    "02 descent_explorer(FIT)": [
        ("lr", 1e-4),
        ("lr", 0.0112),
        ("num_steps", 5000),
        ("lr", 0.0126),
        ("lr", 10**-1.5),
        ("num_steps", 20_000),
        ("lr", 1e-5),
        ("lr", 1e-3),
        ("num_steps", 10),
        ("num_steps", 1000),
    ],
}
EXPLORERS = {
    "01 perceptron_explorer('AND')": lambda: perceptron_explorer("AND", w1=1.0, w2=1.0, b=0.0),
    "02 descent_explorer(FIT)": lambda: descent_explorer(POINTS["fit"], lr=1e-3, num_steps=1000),
}


def machine() -> str:
    """Return a one-line description of the CPU, its load and the library versions."""
    cpu = platform.processor() or platform.machine()
    try:
        names = [
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = f"{names[0]} ×{len(names)}" if names else cpu
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"CPU {cpu}; load average {load}; Python {platform.python_version()}, matplotlib {matplotlib.__version__}, "
        f"ipywidgets {ipywidgets.__version__}"
    )


def time_moves(name: str, moves: int) -> tuple[list[float], list[float]]:
    """Build explorer ``name``, make ``moves`` slider moves; return each one's wall-clock and CPU seconds."""
    explorer = EXPLORERS[name]()
    cycle, wall, cpu = MOVES[name], [], []
    for i in range(moves):
        control, value = cycle[i % len(cycle)]
        started, started_cpu = time.perf_counter(), time.process_time()
        explorer.controls[control].value = value  # observers run here: update, redraw, PNG to the widget
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--moves", type=int, default=40, help="slider moves per explorer (default 40)")
    args = parser.parse_args()
    print(machine())
    for name in MOVES:
        started = time.perf_counter()
        EXPLORERS[name]()
        built = time.perf_counter() - started
        wall, cpu = time_moves(name, args.moves)
        print(
            f"{name}: built in {built:.3f} s; {len(wall)} slider moves (slider value to PNG on the widget): "
            f"median {statistics.median(wall):.3f} s, max {max(wall):.3f} s wall; "
            f"median {statistics.median(cpu):.3f} s CPU"
        )
    print(f"after: {machine()}")


if __name__ == "__main__":
    main()
