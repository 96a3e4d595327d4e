"""Notebook 01's figures: a gate's four points under one perceptron, and a two-layer network's lines.

>>> draw_gate(ax, "XOR", 1, 1, -0.5)  # doctest: +SKIP
3
"""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.legend import Legend

from .data import truth_table
from .language import t
from .perceptron import step_outputs
from .plotting import TRUTH_COLOR, gate_axes, gate_points, use_axes

Weights = tuple[float, float, float]  # (w1, w2, b)
WRONG_COLOR = "tab:red"
LINE_COLOR = "tab:green"  # the line z = 0 and the ŷ = 1 side (as in plotting.plot_decision_line)
_LINE_COLORS = ("tab:purple", "tab:brown")
_LO, _HI = _LIMITS = (-0.5, 1.5)  # the plane shown: x1 and x2 from −0.5 to 1.5


class GatePlane:
    """A gate's four points and a perceptron's line on ``ax``; :meth:`show` moves them to new weights or a new gate.

    The explorer of notebook 01 redraws only :attr:`moving`; :func:`draw_gate` shows one setting.
    """

    def __init__(self, ax: Axes) -> None:
        self.ax = ax
        # \hat y, not \hat{y}: a {…} in a t() template would be a str.format field
        (self.shade,) = ax.fill([], [], color=LINE_COLOR, alpha=0.15, lw=0, label=t(r"$\hat y = 1$ side"))
        (self.line,) = ax.plot([], [], color=LINE_COLOR, label=t("line $z = 0$"))
        self.targets = [
            ax.scatter(
                [],
                [],
                s=120,
                marker=marker,
                color=TRUTH_COLOR if label else "white",
                edgecolors=TRUTH_COLOR,
                linewidths=2,
                zorder=3,
                label=t("target {label}", label=label),
            )
            for label, marker in ((0, "o"), (1, "s"))
        ]
        self.crosses = ax.scatter(
            [], [], s=260, marker="x", color=WRONG_COLOR, linewidths=3, zorder=4, label=t("wrong")
        )
        self.handles = [*self.targets, self.line, self.shade, self.crosses]
        ax.set(xlim=_LIMITS, ylim=_LIMITS, xlabel="$x_1$", ylabel="$x_2$", aspect="equal")
        self.moving = [self.shade, self.line, *self.targets, self.crosses, ax.title]

    def show(self, gate: str, w1: float, w2: float, b: float) -> int:
        """Shade the 1-side, draw the line z = 0 and the gate's points, cross the wrong ones; return the count right."""
        X, y = truth_table(gate)
        wrong = step_outputs(X, w1, w2, b) != y
        one_side, line = _cut_plane(w1, w2, b)
        self.shade.set_xy(one_side)
        self.line.set_data(*line.T)
        for label, points in enumerate(self.targets):
            points.set_offsets(X[y == label])
        self.crosses.set_offsets(X[wrong].reshape(-1, 2))
        correct = int(4 - wrong.sum())
        self.ax.set_title(
            t("{gate}: {correct}/4 correct", gate=gate.upper(), correct=correct)
            + f"\n$w_1$ = {w1:.2g}, $w_2$ = {w2:.2g}, $b$ = {b:.2g}"
        )
        return correct


def _cut_plane(w1: float, w2: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """Return the corners of the part of the plot where z = w1·x1 + w2·x2 + b > 0, and the ends of the line z = 0."""
    corners = np.array([(_LO, _LO), (_HI, _LO), (_HI, _HI), (_LO, _HI)])
    z = corners @ np.array([w1, w2]) + b
    one_side, line = [], []
    for i, j in ((0, 1), (1, 2), (2, 3), (3, 0)):  # walk round the plot's edge
        if z[i] > 0:
            one_side.append(corners[i])
        if (z[i] > 0) != (z[j] > 0):  # the line crosses this edge, where z is 0
            line.append(corners[i] + (corners[j] - corners[i]) * z[i] / (z[i] - z[j]))
            one_side.append(line[-1])
    return np.reshape(one_side, (-1, 2)), np.reshape(line, (-1, 2))


def draw_gate(ax: Axes, gate: str, w1: float, w2: float, b: float) -> int:
    """Draw the gate's points, the line w1·x1 + w2·x2 + b = 0, a red cross on each miss; return how many are right."""
    plane = GatePlane(ax)
    correct = plane.show(gate, w1, w2, b)
    _legend_below(ax, plane.handles if correct < 4 else plane.handles[:-1])  # 'wrong' only when something is
    return correct


def _legend_below(ax: Axes, handles: list[Artist] | None = None) -> Legend:
    return ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize="small", frameon=False
    )


def plot_two_layer(
    gate: str, hidden: dict[str, Weights], out: Weights, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Draw the gate's points, each hidden perceptron's line, and shade where the network outputs 1.

    ``hidden`` maps a name to (w1, w2, b) for the two hidden perceptrons h1, h2 (in order); ``out`` is
    the output perceptron's (w1, w2, b) applied to (h1, h2).

    >>> plot_two_layer("XOR", {"OR": (1, 1, -0.5), "NAND": (-1, -1, 1.5)}, (1, 1, -1.5))  # doctest: +SKIP
    """
    if len(hidden) != 2:
        raise ValueError(
            "hidden must name exactly two perceptrons, e.g. {'OR': (1, 1, -0.5), 'NAND': (-1, -1, 1.5)}, "
            f"got {len(hidden)}"
        )
    X, y = truth_table(gate)
    ax = use_axes(ax, (5, 4))
    grid = np.linspace(-0.5, 1.5, 201)
    g1, g2 = np.meshgrid(grid, grid)
    plane = np.column_stack([g1.ravel(), g2.ravel()])
    h = np.column_stack([step_outputs(plane, *weights) for weights in hidden.values()])
    network = step_outputs(h, *out).reshape(g1.shape)
    ax.contourf(g1, g2, network.astype(float), levels=[-0.5, 0.5, 1.5], colors=["white", LINE_COLOR], alpha=0.15)
    ax.fill([], [], color=LINE_COLOR, alpha=0.15, label=t(r"network $\hat y = 1$"))
    for (name, (w1, w2, b)), color in zip(hidden.items(), _LINE_COLORS):
        ax.contour(g1, g2, w1 * g1 + w2 * g2 + b, levels=[0], colors=color, linestyles="--")
        ax.plot([], [], "--", color=color, label=t("{name} line", name=name))  # legend entry for the contour
    gate_points(ax, X, y)
    gate_axes(ax, t("Two-layer perceptron") if title is None else title)
    _legend_below(ax)
    return ax
