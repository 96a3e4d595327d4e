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
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from .data import POINTS
from .descent import as_points, critical_lr, descent_path, excess_costs, least_squares, line_cost
from .descent_plots import drawable_path, plot_path
from .language import t
from .plotting import MODEL_COLOR, TRUTH_COLOR
from .sliders import LiveFigure, Update, int_slider, live_figure, log_slider
from .validate import require_count, require_learning_rate

_LAYOUT = {"left": 0.05, "right": 0.98, "bottom": 0.14, "top": 0.9, "wspace": 0.3}
_WARNING = "tab:red"


def diverged(points: Any, path: np.ndarray) -> bool:
    """Return True when the run ended with a cost that is not finite or above its starting cost."""
    cost = line_cost(points)
    with np.errstate(over="ignore", invalid="ignore"):
        final, first = float(cost(*path[-1])), float(cost(*path[0]))
    return not (math.isfinite(final) and final <= first)


def describe_run(points: Any, lr: float, path: np.ndarray) -> str:
    """Return the explorer's status line: final a, b, cost and 'converged', 'still descending' or 'diverged'."""
    cost, critical = line_cost(points), critical_lr(points)
    (a, b), (a_best, b_best) = path[-1], least_squares(points)
    with np.errstate(over="ignore", invalid="ignore"):
        final = float(cost(a, b))
    steps = len(path) - 1
    if diverged(points, path):
        where = (
            t("above the critical α = {critical:.4g}", critical=critical)
            if lr > critical
            else t("below the critical α = {critical:.4g}", critical=critical)
        )
        return t(
            "α = {lr:.3g} ({where}): diverged after {steps} steps, a = {a:.3g}, b = {b:.3g}, cost = {cost:.3g}",
            lr=lr,
            where=where,
            steps=steps,
            a=a,
            b=b,
            cost=final,
        )
    state = t("converged") if max(abs(a - a_best), abs(b - b_best)) < 1e-4 else t("still descending")
    return t(
        "α = {lr:.3g}, {steps} steps: a = {a:.6f}, b = {b:.6f}, cost = {cost:.6f} ({state}; "
        "least squares: a = {a_best:.6f}, b = {b_best:.6f}, cost = {best:.6f})",
        lr=lr,
        steps=steps,
        a=a,
        b=b,
        cost=final,
        state=state,
        a_best=a_best,
        b_best=b_best,
        best=float(cost(a_best, b_best)),
    )


def build_descent(figure: Figure, points: Any = POINTS["fit"]) -> tuple[Update, list[Artist]]:
    """Draw the contour, the data and the axes once; return ``update(lr, num_steps)`` and the artists it moves."""
    p = as_points(points)
    x, y = p[np.argsort(p[:, 0])].T
    ax_path, ax_fit, ax_cost = figure.subplots(1, 3, gridspec_kw=_LAYOUT)
    path_line, *marks = plot_path(p, np.zeros((1, 2)), ax=ax_path).get_lines()  # the path, then the start and ★

    (model,) = ax_fit.plot([], [], color=MODEL_COLOR, lw=1.8, label=t("model"))
    data = ax_fit.scatter(x, y, color=TRUTH_COLOR, zorder=3, label=t("data"))
    ax_fit.legend(handles=[data, model], loc="upper left")
    ax_fit.set(xlim=ax_fit.get_xlim(), ylim=(y.min() - 4, y.max() + 4), xlabel="$x$", ylabel="$y$")
    note = ax_fit.text(
        0.97,
        0.04,
        "",
        transform=ax_fit.transAxes,
        ha="right",
        va="bottom",
        color=_WARNING,
        bbox={"facecolor": "white", "edgecolor": _WARNING},
    )  # below the points, where no data is

    (curve,) = ax_cost.plot([], [])
    ax_cost.set(
        yscale="log", xlabel=t("step"), ylabel=t("cost − minimum cost"), title=t("Cost per step (above its minimum)")
    )
    ax_cost.minorticks_off()  # many decades: minor ticks only cost drawing time

    def update(lr: float, num_steps: int) -> str:
        """Run the descent; move its path, its line and its cost curve; return the status line."""
        path = descent_path(p, lr, num_steps)
        path_line.set_data(*drawable_path(path).T)
        (a, b), bad = path[-1], diverged(p, path)
        with np.errstate(over="ignore", invalid="ignore"):
            line = a * x + b
        bottom, top = ax_fit.get_ylim()
        on_chart = bool(np.isfinite(line).all() and (line >= bottom).any() and (line <= top).any())
        model.set_data(x, line)
        model.set_visible(on_chart)
        note.set_visible(not on_chart)  # say why the line is missing
        note.set_text(
            t("The run diverged:\nits line (a = {a:.3g}, b = {b:.3g})\nis off the chart", a=a, b=b)
            if bad
            else t("The line (a = {a:.3g}, b = {b:.3g})\nis off the chart", a=a, b=b)
        )
        ax_fit.set_title(t("Fitted line after {steps} steps", steps=len(path) - 1))
        steps = np.unique(np.linspace(0, len(path) - 1, 2000).astype(int))  # at most 2000 points: enough to draw
        costs = excess_costs(p, path[steps])
        curve.set_data(steps, costs)
        ax_cost.relim()
        ax_cost.autoscale_view(scaley=False)
        low, high = np.floor(np.log10([costs.min(), costs.max()]))
        ax_cost.set_ylim(10**low, 10 ** (high + 1))  # whole decades: at least two labelled ticks
        return describe_run(p, lr, path)

    # Drawn in this order, over the rest: the start, the ★ and the data stay above the lines.
    return update, [path_line, *marks, model, data, note, ax_fit.title, curve, ax_cost.xaxis, ax_cost.yaxis]


def descent_explorer(points: Any = POINTS["fit"], lr: float = 1e-3, num_steps: int = 1000) -> LiveFigure:
    """Return the explorer: a log-scale α slider (1e-5 … 0.03) and a steps slider (10 … 20 000) redrawing one run."""
    points = as_points(points)
    controls = {
        "lr": log_slider(t("learning rate α"), require_learning_rate(lr), -5, -1.5),
        "num_steps": int_slider(t("steps"), require_count("num_steps", num_steps), 10, 20_000, step=10),
    }
    return live_figure(lambda figure: build_descent(figure, points), controls, figsize=(14, 4.2))
