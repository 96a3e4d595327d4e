"""Figures for notebook 03: activations with their slopes, gradients per layer, decision regions."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .plotting import MODEL_COLOR, TRUTH_COLOR, to_numpy
from .validate import require_array

SLOPE_COLOR = "tab:green"  # a function's derivative, drawn beside the function


def plot_activations(z: Any, curves: dict[str, tuple[Any, Any]]) -> Figure:
    """Return a row of panels, one per ``{name: (values, derivative)}``, both drawn over ``z``.

    >>> plot_activations(z, {"ReLU": (relu(z), relu_slope(z))})  # doctest: +SKIP
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError("curves must be a non-empty dict such as {'ReLU': (values, derivative)}")
    z = to_numpy(z)
    fig, axes = plt.subplots(1, len(curves), figsize=(4 * len(curves), 3.2), squeeze=False)
    for ax, (name, (values, slope)) in zip(axes[0], curves.items()):
        ax.plot(z, to_numpy(values), color=TRUTH_COLOR, lw=2, label=name)
        ax.plot(z, to_numpy(slope), color=SLOPE_COLOR, lw=2, ls="--", label=f"{name}′ (derivative)")
        ax.axhline(0, color="gray", lw=0.5)
        ax.set(title=name, xlabel="$z$ (pre-activation)")
        ax.legend(loc="upper left", fontsize="small")
        ax.set_ylabel("value")
    fig.tight_layout()
    return fig


def plot_layer_gradients(magnitudes: dict[str, Sequence[float]], *, ax: Axes | None = None,
                         title: str = "Gradient reaching each layer") -> Axes:
    """Draw each stack's mean |∂cost/∂W| per layer on a log scale (layer 1 is next to the input); return the axes."""
    if not isinstance(magnitudes, dict) or not magnitudes:
        raise TypeError("magnitudes must be a non-empty dict such as {'sigmoid': [per-layer values]}")
    ax = ax if ax is not None else plt.subplots(figsize=(6, 3.5))[1]
    for name, values in magnitudes.items():
        values = to_numpy(values)
        ax.semilogy(np.arange(1, values.size + 1), values, "o-", label=name)
    ax.set(xlabel="layer (1 = next to the input)", ylabel="mean |∂cost/∂W|", title=title)
    ax.legend()
    return ax


def plot_decision_regions(predict: Callable[[np.ndarray], Any], X: Any, y: Any, *, ax: Axes | None = None,
                          title: str = "Decision regions") -> Axes:
    """Shade ``predict(points)`` (a number in [0, 1] per row of an (M, 2) array) over [-0.5, 1.5]², draw its 0.5 line and the 0/1 points."""
    if not callable(predict):
        raise TypeError(f"predict must be a function of an (M, 2) array, got {type(predict).__name__}")
    X, y = require_array("X", X, shape=(None, 2)), to_numpy(y)
    ax = ax if ax is not None else plt.subplots(figsize=(4, 4))[1]
    grid = np.linspace(-0.5, 1.5, 101)
    g1, g2 = np.meshgrid(grid, grid)
    out = to_numpy(predict(np.column_stack([g1.ravel(), g2.ravel()]))).reshape(g1.shape)
    ax.contourf(g1, g2, out, levels=np.linspace(0, 1, 11), cmap="Greens", alpha=0.5, vmin=0, vmax=1.4)
    if out.min() < 0.5 < out.max():
        ax.contour(g1, g2, out, levels=[0.5], colors=MODEL_COLOR, linewidths=2)
    for label, marker in ((0, "o"), (1, "s")):
        pts = X[y == label]
        ax.scatter(pts[:, 0], pts[:, 1], s=120, marker=marker, color=TRUTH_COLOR if label else "white",
                   edgecolors=TRUTH_COLOR, linewidths=2, label=f"target {label}", zorder=3)
    ax.plot([], [], color=MODEL_COLOR, lw=2, label="output = 0.5")
    ax.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), xlabel="$x_1$", ylabel="$x_2$", title=title, aspect="equal")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, fontsize="small")
    return ax
