"""Figures for notebook 03: activations with their slopes, gradients per layer, decision regions, XOR training
histories, and ReLU networks as linear pieces."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .language import t
from .plotting import MODEL_COLOR, TRUTH_COLOR, gate_axes, gate_points, to_numpy, use_axes
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
        ax.plot(z, to_numpy(slope), color=SLOPE_COLOR, lw=2, ls="--", label=t("{name}′ (derivative)", name=name))
        ax.axhline(0, color="gray", lw=0.5)
        ax.set(title=name, xlabel=t("$z$ (pre-activation)"))
        ax.legend(loc="upper left", fontsize="small")
        ax.set_ylabel(t("value"))
    fig.tight_layout()
    return fig


def plot_layer_gradients(
    magnitudes: dict[str, Sequence[float]], *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Draw each stack's mean |∂cost/∂W| per layer on a log scale (layer 1 is next to the input); return the axes."""
    if not isinstance(magnitudes, dict) or not magnitudes:
        raise TypeError("magnitudes must be a non-empty dict such as {'sigmoid': [per-layer values]}")
    ax = use_axes(ax, (6, 3.5))
    for name, values in magnitudes.items():
        values = to_numpy(values)
        ax.semilogy(np.arange(1, values.size + 1), values, "o-", label=name)
    ax.set(
        xlabel=t("layer (1 = next to the input)"),
        ylabel=t("mean |∂cost/∂W|"),
        title=t("Gradient reaching each layer") if title is None else title,
    )
    ax.legend()
    return ax


def plot_decision_regions(
    predict: Callable[[np.ndarray], Any], X: Any, y: Any, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Shade ``predict(points)`` (a number in [0, 1] per row of an (M, 2) array) over [-0.5, 1.5]².

    Also draws its 0.5 line and the 0/1 points; returns the axes.
    """
    if not callable(predict):
        raise TypeError(f"predict must be a function of an (M, 2) array, got {type(predict).__name__}")
    X, y = require_array("X", X, shape=(None, 2)), to_numpy(y)
    ax = use_axes(ax, (4, 4))
    grid = np.linspace(-0.5, 1.5, 101)
    g1, g2 = np.meshgrid(grid, grid)
    out = to_numpy(predict(np.column_stack([g1.ravel(), g2.ravel()]))).reshape(g1.shape)
    ax.contourf(g1, g2, out, levels=np.linspace(0, 1, 11), cmap="Greens", alpha=0.5, vmin=0, vmax=1.4)
    if out.min() < 0.5 < out.max():
        ax.contour(g1, g2, out, levels=[0.5], colors=MODEL_COLOR, linewidths=2)
    gate_points(ax, X, y)
    ax.plot([], [], color=MODEL_COLOR, lw=2, label=t("output = 0.5"))
    title = t("Decision regions") if title is None else title
    gate_axes(ax, title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, fontsize="small")
    return ax


def plot_xor_training(costs: Any, grad_norms: Any, largest: Any, stuck: Any, *, mark_step: int | None = None) -> Figure:
    """Return a row of three log-scale panels (cost, gradient norm, largest |weight|) per step, one line per network.

    Each argument but ``stuck`` has shape (steps, networks); ``stuck`` (networks,) is True for the networks drawn
    in the model colour, the others are drawn in grey. ``mark_step`` draws a dotted vertical line at that step.
    """
    panels = [
        require_array(name, values)
        for name, values in (("costs", costs), ("grad_norms", grad_norms), ("largest", largest))
    ]
    if any(p.ndim != 2 or p.shape != panels[0].shape for p in panels):
        raise ValueError(
            f"costs, grad_norms and largest must share one shape (steps, networks), got {[p.shape for p in panels]}"
        )
    stuck = require_array("stuck", stuck).astype(bool).reshape(-1)
    if stuck.size != panels[0].shape[1]:
        raise ValueError(f"stuck must hold one True/False per network ({panels[0].shape[1]}), got {stuck.size}")
    steps = np.arange(1, panels[0].shape[0] + 1)
    fig, axes = plt.subplots(1, 3, figsize=(15, 4))
    titles = (t("cost per network"), t("gradient norm"), t("largest |weight|"))
    units = ("cost", "‖∇cost‖", "max |w|")  # maths: no t()
    for ax, values, title, unit in zip(axes, panels, titles, units):
        for k in np.flatnonzero(~stuck):
            ax.loglog(steps, values[:, k], color="gray", lw=0.8, alpha=0.5)
        for k in np.flatnonzero(stuck):
            ax.loglog(steps, values[:, k], color=MODEL_COLOR, lw=1.2)
        if mark_step is not None:
            ax.axvline(mark_step, color="black", ls=":", lw=1)
        ax.set(title=title, xlabel=t("step"), ylabel=unit)
    handles = [Line2D([], [], color=MODEL_COLOR, lw=1.2), Line2D([], [], color="gray", lw=0.8)]
    labels = [t("stuck ({n} networks)", n=int(stuck.sum())), t("learned XOR ({n} networks)", n=int((~stuck).sum()))]
    if mark_step is not None:
        handles.append(Line2D([], [], color="black", ls=":", lw=1))
        labels.append(t("step {n}", n=mark_step))
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), bbox_to_anchor=(0.5, 0.0))
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig


def plot_pieces(x: Any, y_true: Any, fits: dict[int, tuple[Any, Any]]) -> Figure:
    """Return a row of panels, one per ``{hidden units: (model output at x, kink positions)}``, against the truth.

    Each panel draws the truth, the model and a dot at each kink (on the model's curve); its title gives the
    number of kinks and the largest |model − truth| over ``x``.
    """
    if not isinstance(fits, dict) or not fits:
        raise TypeError("fits must be a non-empty dict such as {4: (y_model, kinks)}")
    x, y_true = to_numpy(x), to_numpy(y_true)
    if x.size != y_true.size:
        raise ValueError(f"x and y_true must have the same length, got {x.size} and {y_true.size}")
    order = np.argsort(x)
    fig, axes = plt.subplots(1, len(fits), figsize=(4 * len(fits), 3.8), sharey=True, squeeze=False)
    for ax, (hidden, (y_model, kinks)) in zip(axes[0], fits.items()):
        y_model, kinks = to_numpy(y_model), to_numpy(kinks)
        if y_model.size != x.size:
            raise ValueError(
                f"fits[{hidden}]: the model output must have one value per x ({x.size}), got {y_model.size}"
            )
        ax.plot(x[order], y_true[order], color=TRUTH_COLOR, lw=4, alpha=0.4)
        ax.plot(x[order], y_model[order], color=MODEL_COLOR, lw=1.5)
        ax.plot(kinks, np.interp(kinks, x[order], y_model[order]), "o", color="black", ms=4)
        error = float(np.abs(y_model - y_true).max())
        ax.set(
            title=t("{h} hidden units: {k} kinks\nmax |error| = {e:.3f}", h=hidden, k=kinks.size, e=error), xlabel="$x$"
        )
    axes[0][0].set_ylabel("$y$")
    handles = [
        Line2D([], [], color=TRUTH_COLOR, lw=4, alpha=0.4),
        Line2D([], [], color=MODEL_COLOR, lw=1.5),
        Line2D([], [], color="black", ls="", marker="o", ms=4),
    ]
    labels = ["$y = x^2$", t("ReLU network"), t("kink: a hidden unit switches on or off")]
    fig.legend(handles, labels, loc="lower center", ncol=3, bbox_to_anchor=(0.5, 0.0))
    fig.tight_layout(rect=(0, 0.09, 1, 1))
    return fig
