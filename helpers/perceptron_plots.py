"""Notebook 01's figures: a gate's four points under one perceptron, and a two-layer network's lines.

>>> draw_gate(ax, "XOR", 1, 1, -0.5)  # doctest: +SKIP
3
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from .data import truth_table
from .perceptron import step_outputs
from .plotting import TRUTH_COLOR, plot_decision_line

Weights = tuple[float, float, float]  # (w1, w2, b)
WRONG_COLOR = "tab:red"
LINE_COLOR = "tab:green"  # plot_decision_line's colour for the line and the ŷ = 1 side
_LINE_COLORS = ("tab:purple", "tab:brown")


def draw_gate(ax: Axes, gate: str, w1: float, w2: float, b: float) -> int:
    """Draw the gate's points, the line w1·x1 + w2·x2 + b = 0, a red cross on each miss; return how many are right."""
    X, y = truth_table(gate)
    wrong = step_outputs(X, w1, w2, b) != y
    correct = int(4 - wrong.sum())
    title = f"{gate.upper()}: {correct}/4 correct\n$w_1$ = {w1:.2g}, $w_2$ = {w2:.2g}, $b$ = {b:.2g}"
    plot_decision_line(X, y, w1, w2, b, ax=ax, title=title)
    ax.plot([], [], color=LINE_COLOR, label="line $z = 0$")  # legend entries for the line and the shading
    ax.fill([], [], color=LINE_COLOR, alpha=0.15, label=r"$\hat{y} = 1$ side")
    if wrong.any():
        ax.scatter(X[wrong, 0], X[wrong, 1], s=260, marker="x", color=WRONG_COLOR, linewidths=3, zorder=4,
                   label="wrong")
    _legend_below(ax)
    return correct


def _legend_below(ax: Axes) -> None:
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize="small", frameon=False)


def _points(ax: Axes, X: np.ndarray, y: np.ndarray) -> None:
    for label, marker in ((0, "o"), (1, "s")):
        pts = X[y == label]
        ax.scatter(pts[:, 0], pts[:, 1], s=120, marker=marker, color=TRUTH_COLOR if label else "white",
                   edgecolors=TRUTH_COLOR, linewidths=2, label=f"target {label}", zorder=3)


def plot_two_layer(gate: str, hidden: dict[str, Weights], out: Weights, *, ax: Axes | None = None,
                   title: str = "Two-layer perceptron") -> Axes:
    """Draw the gate's points, each hidden perceptron's line, and shade where the network outputs 1.

    ``hidden`` maps a name to (w1, w2, b) for the two hidden perceptrons h1, h2 (in order); ``out`` is
    the output perceptron's (w1, w2, b) applied to (h1, h2).

    >>> plot_two_layer("XOR", {"OR": (1, 1, -0.5), "NAND": (-1, -1, 1.5)}, (1, 1, -1.5))  # doctest: +SKIP
    """
    if len(hidden) != 2:
        raise ValueError("hidden must name exactly two perceptrons, e.g. {'OR': (1, 1, -0.5), 'NAND': (-1, -1, 1.5)}, "
                         f"got {len(hidden)}")
    X, y = truth_table(gate)
    ax = ax if ax is not None else plt.subplots(figsize=(5, 4))[1]
    grid = np.linspace(-0.5, 1.5, 201)
    g1, g2 = np.meshgrid(grid, grid)
    plane = np.column_stack([g1.ravel(), g2.ravel()])
    h = np.column_stack([step_outputs(plane, *weights) for weights in hidden.values()])
    network = step_outputs(h, *out).reshape(g1.shape)
    ax.contourf(g1, g2, network.astype(float), levels=[-0.5, 0.5, 1.5], colors=["white", LINE_COLOR], alpha=0.15)
    ax.fill([], [], color=LINE_COLOR, alpha=0.15, label=r"network $\hat{y} = 1$")
    for (name, (w1, w2, b)), color in zip(hidden.items(), _LINE_COLORS):
        ax.contour(g1, g2, w1 * g1 + w2 * g2 + b, levels=[0], colors=color, linestyles="--")
        ax.plot([], [], "--", color=color, label=f"{name} line")  # legend entry for the contour
    _points(ax, X, y)
    ax.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), xlabel="$x_1$", ylabel="$x_2$", title=title, aspect="equal")
    _legend_below(ax)
    return ax
