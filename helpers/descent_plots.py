"""Figures of notebook 02: the cost of a line y = a·x + b over (a, b), descent paths, cost curves.

A *path* is an array of (a, b) rows: the start, then the parameters after each step.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .descent import excess_costs, least_squares, line_cost
from .language import t
from .plotting import MODEL_COLOR, TRUTH_COLOR, plot_cost_contour, plot_cost_curve, use_axes
from .validate import require_array

#: The (a, b) window the figures show: the start (0, 0) and the minimum (17/28, 3.5) of the 'fit' points.
A_RANGE, B_RANGE = (-1.5, 2.5), (-1.0, 5.0)
_MAX_DRAWN = 2000  # points of a path drawn at most (a longer path is thinned, for speed only)


def drawable_path(
    path: np.ndarray, a_range: Sequence[float] = A_RANGE, b_range: Sequence[float] = B_RANGE
) -> np.ndarray:
    """Return the part of ``path`` worth drawing: until it runs far off the chart, thinned if very long."""
    (a0, a1), (b0, b1) = a_range, b_range
    width, height = a1 - a0, b1 - b0
    far = (
        (path[:, 0] < a0 - width) | (path[:, 0] > a1 + width) | (path[:, 1] < b0 - height) | (path[:, 1] > b1 + height)
    )
    far = np.flatnonzero(far | ~np.isfinite(path).all(axis=1))
    path = path[: far[0] + 1] if len(far) else path  # the first far point shows the direction it leaves in
    path = np.clip(np.nan_to_num(path), [a0 - 2 * width, b0 - 2 * height], [a1 + 2 * width, b1 + 2 * height])
    if len(path) > _MAX_DRAWN:
        path = path[np.unique(np.linspace(0, len(path) - 1, _MAX_DRAWN).astype(int))]
    return path


def plot_path(
    points: Any,
    path: Any,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    a_range: Sequence[float] = A_RANGE,
    b_range: Sequence[float] = B_RANGE,
) -> Axes:
    """Draw the cost contour of ``points``, the descent ``path`` (``ax.get_lines()[0]``) and the minimum (★)."""
    path = require_array("path", path, shape=(None, 2))
    title = t("Descent path on the cost contour") if title is None else title
    ax = plot_cost_contour(line_cost(points), a_range, b_range, ax=ax, title=title)
    ax.plot(*drawable_path(path, a_range, b_range).T, ".-", color=MODEL_COLOR, ms=4, lw=1, label=t("descent path"))
    ax.plot(*path[0], "o", color="black", label=t("start"))
    ax.plot(*least_squares(points), "*", ms=14, color=TRUTH_COLOR, label=t("least squares"))
    ax.legend(loc="upper right", fontsize="small")
    return ax


def plot_descent_runs(
    points: Any, runs: dict[str, Any], *, a_range: Sequence[float] = A_RANGE, b_range: Sequence[float] = B_RANGE
) -> Figure:
    """Return a figure: one contour panel per run ``{label: path}`` on top, all their cost curves below."""
    fig = plt.figure(figsize=(3.6 * len(runs), 7.5), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[1, 0.8])
    for i, (ax, (label, path)) in enumerate(zip(np.atleast_1d(top.subplots(1, len(runs))), runs.items())):
        plot_path(points, path, ax=ax, title=label, a_range=a_range, b_range=b_range)
        if i > 0:
            ax.get_legend().remove()  # one legend for the row
    ax = plot_cost_curve(
        {label: excess_costs(points, path) for label, path in runs.items()},
        ax=bottom.subplots(),
        title=t("Cost per step (above its minimum)"),
        xlabel=t("step"),
        ylabel=t("cost − minimum cost"),
    )
    ax.set_ylim(1e-16, min(ax.get_ylim()[1], 1e8))
    return fig


def plot_descent_1d(
    f: Callable[[np.ndarray], np.ndarray],
    path: Any,
    x_range: Sequence[float],
    *,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str = "$x$",
    ylabel: str = "$f(x)$",
) -> Axes:
    """Draw the curve ``f`` over ``x_range`` and the points ``path`` (x values) descent visits, joined by arrows."""
    xs = require_array("path", path).reshape(-1)
    ax = use_axes(ax, (6, 4))
    grid = np.linspace(*x_range, 300)
    ax.plot(grid, f(grid), color=TRUTH_COLOR, label=ylabel)
    ax.plot(xs, f(xs), "o", color=MODEL_COLOR, ms=6, label=t("descent steps"), zorder=3)
    for x0, x1 in zip(xs[:-1], xs[1:]):
        ax.annotate("", (x1, f(x1)), (x0, f(x0)), arrowprops={"arrowstyle": "->", "color": MODEL_COLOR})
    ax.set(xlabel=xlabel, ylabel=ylabel, title=t("Gradient descent on a curve") if title is None else title)
    ax.legend()
    return ax


def plot_cost_surface(
    cost: Callable[[np.ndarray, np.ndarray], np.ndarray],
    a_range: Sequence[float],
    b_range: Sequence[float],
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw ``cost(a, b)`` (vectorised over grids) as a 3-D surface; ``ax`` must be a 3-D axes if given."""
    ax = ax if ax is not None else plt.figure(figsize=(5, 4)).add_subplot(projection="3d")
    A, B = np.meshgrid(np.linspace(*a_range, 60), np.linspace(*b_range, 60))
    ax.plot_surface(A, B, cost(A, B), cmap="viridis", alpha=0.85, linewidth=0)
    ax.set(xlabel="$a$", ylabel="$b$", zlabel=t("cost"), title=t("Cost surface") if title is None else title)
    return ax
