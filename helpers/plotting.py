"""The course's recurring figures. Each function draws on ``ax`` (or a new one) and returns it."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from .validate import require_array

TRUTH_COLOR = "tab:blue"  # the true function or data, in every notebook
MODEL_COLOR = "tab:orange"  # what a model predicts, in every notebook


def to_numpy(values: Any) -> np.ndarray:
    """Return a flat float NumPy array from a list, array or tensor (on any device)."""
    return require_array("values", values).reshape(-1)


def _axes(ax: Axes | None) -> Axes:
    return ax if ax is not None else plt.subplots(figsize=(5, 4))[1]


def plot_decision_line(X: Any, y: Any, w1: float, w2: float, b: float, *, ax: Axes | None = None,
                       title: str = "Perceptron decision line") -> Axes:
    """Draw 0/1-labelled points in the plane and the line w1·x1 + w2·x2 + b = 0, shading where it outputs 1."""
    X, y = require_array("X", X, shape=(None, 2)), to_numpy(y)
    ax = _axes(ax)
    grid = np.linspace(-0.5, 1.5, 201)
    g1, g2 = np.meshgrid(grid, grid)
    ax.contourf(g1, g2, (w1 * g1 + w2 * g2 + b > 0).astype(float), levels=[-0.5, 0.5, 1.5],
                colors=["white", "tab:green"], alpha=0.15)
    if w1 != 0 or w2 != 0:
        ax.contour(g1, g2, w1 * g1 + w2 * g2 + b, levels=[0], colors="tab:green")
    for label, marker in ((0, "o"), (1, "s")):
        pts = X[y == label]
        ax.scatter(pts[:, 0], pts[:, 1], s=120, marker=marker, color=TRUTH_COLOR if label else "white",
                   edgecolors=TRUTH_COLOR, linewidths=2, label=f"target {label}", zorder=3)
    ax.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), xlabel="$x_1$", ylabel="$x_2$", title=title, aspect="equal")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize="small")  # beside the plot, off the points
    return ax


def plot_fit(x: Any, y_true: Any, y_model: Any | None = None, *, ax: Axes | None = None, title: str = "Model vs truth",
             xlabel: str = "$x$", ylabel: str = "$y$", points: bool = False) -> Axes:
    """Draw the truth (line, or dots with ``points=True``) and, if given, the model's prediction."""
    x, y_true = to_numpy(x), to_numpy(y_true)
    ax = _axes(ax)
    order = np.argsort(x)
    if points:
        ax.scatter(x, y_true, color=TRUTH_COLOR, zorder=3, label="data")
    else:
        ax.plot(x[order], y_true[order], color=TRUTH_COLOR, lw=3, alpha=0.6, label="truth")
    if y_model is not None:
        ax.plot(x[order], to_numpy(y_model)[order], color=MODEL_COLOR, lw=1.8, label="model")
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title)
    ax.legend()
    return ax


def plot_cost_curve(costs: Any | dict[str, Any], *, ax: Axes | None = None, title: str = "Cost per step",
                    log: bool = True, xlabel: str = "step", ylabel: str = "cost") -> Axes:
    """Draw one cost curve, or several given as ``{label: costs}``, on a log y-axis by default."""
    ax = _axes(ax)
    curves = costs if isinstance(costs, dict) else {"cost": costs}
    for label, values in curves.items():
        ax.plot(to_numpy(values), label=label)
    if log:
        ax.set_yscale("log")
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title)
    if len(curves) > 1:
        ax.legend()
    return ax


def plot_cost_contour(cost: Callable[[np.ndarray, np.ndarray], np.ndarray], a_range: Sequence[float],
                      b_range: Sequence[float], *, path: Any | None = None, ax: Axes | None = None,
                      title: str = "Cost over (a, b)", levels: int = 30) -> Axes:
    """Draw contours of ``cost(a, b)`` (vectorised over grids) and, if given, a descent path of (a, b) rows.

    >>> plot_cost_contour(lambda a, b: (a - 1)**2 + b**2, (-2, 2), (-2, 2), path=[(0, 1), (0.5, 0.5)])  # doctest: +SKIP
    """
    ax = _axes(ax)
    A, B = np.meshgrid(np.linspace(*a_range, 200), np.linspace(*b_range, 200))
    C = cost(A, B)
    ax.contour(A, B, C, levels=np.geomspace(max(C.min(), 1e-3), C.max(), levels), cmap="viridis", linewidths=0.8)
    if path is not None:
        p = require_array("path", path, shape=(None, 2))
        ax.plot(p[:, 0], p[:, 1], ".-", color=MODEL_COLOR, ms=4, lw=1, label="descent path")
        ax.plot(*p[0], "o", color="black", label="start")
        ax.legend(loc="upper right", fontsize="small")
    ax.set(xlim=a_range, ylim=b_range, xlabel="$a$", ylabel="$b$", title=title)
    return ax
