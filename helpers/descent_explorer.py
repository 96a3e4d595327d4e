"""The learning-rate explorer of notebook 02: two sliders (α on a log scale, steps) redraw a descent.

>>> explorer = descent_explorer()            # doctest: +SKIP
>>> explorer.controls["lr"].value = 0.02     # doctest: +SKIP
>>> "diverged" in explorer.status.value      # doctest: +SKIP
True
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from .data import POINTS
from .descent import (
    as_points,
    critical_lr,
    descent_path,
    excess_costs,
    least_squares,
    line_cost,
)
from .descent_plots import plot_path
from .plotting import plot_cost_curve, plot_fit
from .sliders import LiveFigure, int_slider, live_figure, log_slider
from .validate import require_count, require_learning_rate


def describe_run(points: Any, lr: float, path: np.ndarray) -> str:
    """Return the explorer's status line: final a, b, cost and 'converged', 'still descending' or 'diverged'."""
    cost = line_cost(points)
    (a, b), (a_best, b_best) = path[-1], least_squares(points)
    with np.errstate(over="ignore", invalid="ignore"):
        final, first = float(cost(a, b)), float(cost(*path[0]))
    steps = len(path) - 1
    if not (math.isfinite(final) and final <= first):
        where = "above" if lr > critical_lr(points) else "below"
        return (f"α = {lr:.3g} ({where} the critical α = {critical_lr(points):.4g}): diverged after {steps} steps, "
                f"a = {a:.3g}, b = {b:.3g}, cost = {final:.3g}")
    state = "converged" if max(abs(a - a_best), abs(b - b_best)) < 1e-4 else "still descending"
    return (f"α = {lr:.3g}, {steps} steps: a = {a:.6f}, b = {b:.6f}, cost = {final:.6f} ({state}; "
            f"least squares: a = {a_best:.6f}, b = {b_best:.6f}, cost = {float(cost(a_best, b_best)):.6f})")


def draw_descent(figure: Figure, lr: float, num_steps: int, points: Any = POINTS["fit"]) -> str:
    """Draw path on the contour, fitted line and cost curve of one run on ``figure``; return the status line."""
    path = descent_path(points, lr, num_steps)
    ax_path, ax_fit, ax_cost = figure.subplots(1, 3, gridspec_kw={"left": 0.05, "right": 0.98, "bottom": 0.14, "top": 0.9, "wspace": 0.3})
    plot_path(points, path, ax=ax_path)
    p, (a, b) = as_points(points), path[-1]
    line = a * p[:, 0] + b if np.isfinite([a, b]).all() and abs(a) + abs(b) < 1e6 else None
    plot_fit(p[:, 0], p[:, 1], line, ax=ax_fit, points=True, title=f"Fitted line after {len(path) - 1} steps")
    ax_fit.set_ylim(p[:, 1].min() - 4, p[:, 1].max() + 4)
    plot_cost_curve(excess_costs(points, path), ax=ax_cost, title="Cost per step (above its minimum)",
                    ylabel="cost − minimum cost")
    ax_cost.minorticks_off()  # many decades: minor ticks only cost drawing time
    return describe_run(points, lr, path)


def descent_explorer(points: Any = POINTS["fit"], lr: float = 1e-3, num_steps: int = 1000) -> LiveFigure:
    """Return the explorer: a log-scale α slider (1e-5 … 0.03) and a steps slider (10 … 20 000) redrawing one run."""
    points = as_points(points)
    controls = {"lr": log_slider("learning rate α", require_learning_rate(lr), -5, -1.5),
                "num_steps": int_slider("steps", require_count("num_steps", num_steps), 10, 20_000, step=10)}
    return live_figure(lambda figure, lr, num_steps: draw_descent(figure, lr, num_steps, points), controls,
                       figsize=(14, 4.2))
