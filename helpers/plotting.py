"""The course's recurring figures. Each function draws on ``ax`` (or a new one) and returns it."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from .language import t
from .validate import require_array, require_count, require_number

TRUTH_COLOR = "tab:blue"  # the true function or data, in every notebook
MODEL_COLOR = "tab:orange"  # what a model predicts, in every notebook


def to_numpy(values: Any, name: str = "values") -> np.ndarray:
    """Return a flat float NumPy array from a list, array or tensor (on any device)."""
    if callable(values):
        raise TypeError(
            f"{name} must be numbers, got the function/model {type(values).__name__}: "
            f"pass its outputs, e.g. model(x), not the model"
        )
    return require_array(name, values).reshape(-1)


def use_axes(ax: Axes | None, figsize: tuple[float, float] = (5, 4)) -> Axes:
    """Return ``ax``, or the axes of a new figure of ``figsize`` when ``ax`` is None."""
    if ax is not None and not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes (e.g. from plt.subplots()), got {type(ax).__name__}")
    return ax if ax is not None else plt.subplots(figsize=figsize)[1]


def _same_length(**arrays: np.ndarray) -> None:
    lengths = {name: len(a) for name, a in arrays.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"{' and '.join(lengths)} must have the same length, got {lengths}")


def _range(name: str, values: Any) -> tuple[float, float]:
    low, high = require_array(name, values, shape=(2,))
    if not np.isfinite([low, high]).all() or low >= high:
        raise ValueError(f"{name} must be (low, high) with low < high, got {tuple(values)}")
    return float(low), float(high)


def gate_axes(ax: Axes, title: str) -> None:
    """Frame ``ax`` around the unit square of a gate's inputs: equal axes, labelled x₁ and x₂, and ``title``."""
    ax.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), xlabel="$x_1$", ylabel="$x_2$", aspect="equal", title=title)


def gate_points(ax: Axes, X: np.ndarray, y: np.ndarray) -> None:
    """Draw a gate's four input points on ``ax``: an open circle where the target is 0, a filled square where 1."""
    for label, marker in ((0, "o"), (1, "s")):
        pts = X[y == label]
        ax.scatter(
            pts[:, 0],
            pts[:, 1],
            s=120,
            marker=marker,
            color=TRUTH_COLOR if label else "white",
            edgecolors=TRUTH_COLOR,
            linewidths=2,
            label=t("target {label}", label=label),
            zorder=3,
        )


def plot_decision_line(
    X: Any, y: Any, w1: float, w2: float, b: float, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Draw 0/1-labelled points in the plane and the line w1·x1 + w2·x2 + b = 0, shading where it outputs 1."""
    X, y = require_array("X", X, shape=(None, 2)), to_numpy(y, "y")
    _same_length(X=X, y=y)
    if not np.isin(y, (0, 1)).all():
        raise ValueError(f"y must hold the targets 0 and 1, got {sorted(set(y.tolist()))}")
    w1, w2, b = require_number("w1", w1), require_number("w2", w2), require_number("b", b)
    ax = use_axes(ax)
    grid = np.linspace(-0.5, 1.5, 201)
    g1, g2 = np.meshgrid(grid, grid)
    ax.contourf(
        g1,
        g2,
        (w1 * g1 + w2 * g2 + b > 0).astype(float),
        levels=[-0.5, 0.5, 1.5],
        colors=["white", "tab:green"],
        alpha=0.15,
    )
    if w1 != 0 or w2 != 0:
        ax.contour(g1, g2, w1 * g1 + w2 * g2 + b, levels=[0], colors="tab:green")
    gate_points(ax, X, y)
    gate_axes(ax, t("Perceptron decision line") if title is None else title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize="small")  # beside the plot, off the points
    return ax


def plot_fit(
    x: Any,
    y_true: Any,
    y_model: Any | None = None,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str = "$x$",
    ylabel: str = "$y$",
    points: bool = False,
) -> Axes:
    """Draw the truth (line, or dots with ``points=True``) and, if given, the model's prediction."""
    x, y_true = to_numpy(x, "x"), to_numpy(y_true, "y_true")
    _same_length(x=x, y_true=y_true)
    if y_model is not None:
        y_model = to_numpy(y_model, "y_model")
        _same_length(x=x, y_model=y_model)
    ax = use_axes(ax)
    order = np.argsort(x)
    if points:
        ax.scatter(x, y_true, color=TRUTH_COLOR, zorder=3, label=t("data"))
    else:
        ax.plot(x[order], y_true[order], color=TRUTH_COLOR, lw=3, alpha=0.6, label=t("truth"))
    if y_model is not None:
        ax.plot(x[order], y_model[order], color=MODEL_COLOR, lw=1.8, label=t("model"))
    ax.set(xlabel=xlabel, ylabel=ylabel, title=t("Model vs truth") if title is None else title)
    ax.legend()
    return ax


def plot_cost_curve(
    costs: Any | dict[str, Any],
    *,
    ax: Axes | None = None,
    title: str | None = None,
    log: bool = True,
    xlabel: str | None = None,
    ylabel: str | None = None,
) -> Axes:
    """Draw one cost curve, or several given as ``{label: costs}``, on a log y-axis by default."""
    curves = costs if isinstance(costs, dict) else {t("cost"): costs}
    arrays = {label: to_numpy(values, "costs") for label, values in curves.items()}
    if not arrays or any(a.size == 0 for a in arrays.values()):
        raise ValueError("costs is empty: pass the list of costs your loop recorded, one per step")
    ax = use_axes(ax)
    for label, values in arrays.items():
        ax.plot(values, label=label)
    if log:
        ax.set_yscale("log")
    ax.set(
        xlabel=t("step") if xlabel is None else xlabel,
        ylabel=t("cost") if ylabel is None else ylabel,
        title=t("Cost per step") if title is None else title,
    )
    if len(arrays) > 1:
        ax.legend()
    return ax


def plot_cost_contour(
    cost: Callable[[np.ndarray, np.ndarray], np.ndarray],
    a_range: Sequence[float],
    b_range: Sequence[float],
    *,
    path: Any | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    levels: int = 30,
) -> Axes:
    """Draw contours of ``cost(a, b)`` (vectorised over grids) and, if given, a descent path of (a, b) rows.

    >>> plot_cost_contour(lambda a, b: (a - 1)**2 + b**2, (-2, 2), (-2, 2), path=[(0, 1), (0.5, 0.5)])  # doctest: +SKIP
    """
    if not callable(cost):
        raise TypeError(f"cost must be a function cost(a, b), got {type(cost).__name__}")
    a_range, b_range, levels = _range("a_range", a_range), _range("b_range", b_range), require_count("levels", levels)
    p = None if path is None else require_array("path", path, shape=(None, 2))
    A, B = np.meshgrid(np.linspace(*a_range, 200), np.linspace(*b_range, 200))
    C = np.asarray(cost(A, B), dtype=float)
    if C.shape != A.shape:
        raise ValueError(
            f"cost(a, b) must return an array shaped like its (200, 200) grid inputs, got shape {C.shape}: "
            "use NumPy arithmetic on a and b (no math.*, no if on their values)"
        )
    if not np.isfinite(C).all():
        raise ValueError("cost(a, b) returned NaN or inf on the grid: narrow a_range and b_range")
    if np.ptp(C) <= 1e-12 * max(1.0, abs(C.max())):
        raise ValueError(
            f"cost(a, b) is constant ({C.max():g}) over a_range and b_range: nothing to draw; "
            "check that it depends on a and b"
        )
    low = max(C.min(), 1e-3)
    heights = np.geomspace(low, C.max(), levels) if low < C.max() else np.linspace(C.min(), C.max(), levels)
    ax = use_axes(ax)
    ax.contour(A, B, C, levels=heights, cmap="viridis", linewidths=0.8)
    if p is not None:
        ax.plot(p[:, 0], p[:, 1], ".-", color=MODEL_COLOR, ms=4, lw=1, label=t("descent path"))
        ax.plot(*p[0], "o", color="black", label=t("start"))
        ax.legend(loc="upper right", fontsize="small")
    ax.set(
        xlim=a_range, ylim=b_range, xlabel="$a$", ylabel="$b$", title=t("Cost over (a, b)") if title is None else title
    )
    return ax
