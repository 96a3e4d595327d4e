"""Notebook 01's interactive figure: pick a gate, move w1, w2 and b, see the line and "n/4 correct".

In a test, no browser needed:

>>> explorer = perceptron_explorer("AND", w1=1, w2=1, b=0)
>>> explorer.controls["b"].value = -1.5
>>> explorer.status.value
'AND: 4/4 correct'
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from .data import GATES, truth_table
from .perceptron import step_outputs
from .perceptron_plots import WRONG_COLOR, draw_gate
from .sliders import LiveFigure, float_slider, live_figure

_RIGHT_ROW, _WRONG_ROW = "#e3f4e3", "#fbe0e0"


def draw_explorer(figure: Figure, gate: str, w1: float, w2: float, b: float) -> str:
    """Draw the gate's points and line, and a table of the four predictions; return e.g. 'AND: 4/4 correct'."""
    correct = draw_gate(figure.add_subplot(1, 2, 1), gate, w1, w2, b)
    X, y = truth_table(gate)
    y_hat = step_outputs(X, w1, w2, b)
    rows = [[x1, x2, f"{w1 * x1 + w2 * x2 + b:+.2f}", p, t, "right" if p == t else "WRONG"]
            for (x1, x2), p, t in zip(X.tolist(), y_hat.tolist(), y.tolist())]
    table_ax = figure.add_subplot(1, 2, 2)
    table_ax.axis("off")
    table_ax.set_title(f"The four predictions ({gate.upper()} targets)")
    table = table_ax.table(cellText=rows, colLabels=["$x_1$", "$x_2$", "$z = w_1x_1 + w_2x_2 + b$", r"$\hat{y}$",
                                                     "target $y$", ""],
                           cellColours=[[_RIGHT_ROW if r[3] == r[4] else _WRONG_ROW] * 6 for r in rows],
                           colWidths=[0.09, 0.09, 0.38, 0.09, 0.16, 0.15], loc="center", cellLoc="center")
    table.auto_set_font_size(False)
    table.set_fontsize(10)
    table.scale(1, 2.4)
    for (row, _), cell in table.get_celld().items():
        if row > 0 and rows[row - 1][5] == "WRONG":
            cell.get_text().set_color(WRONG_COLOR)
    figure.tight_layout()
    return f"{gate.upper()}: {correct}/4 correct"


def perceptron_explorer(gate: str = "AND", w1: float = 1.0, w2: float = 1.0, b: float = 0.0) -> LiveFigure:
    """Return a live figure with a gate dropdown and w1, w2, b sliders (−2 to 2); status e.g. 'XOR: 3/4 correct'."""
    if str(gate).upper() not in GATES:
        raise ValueError(f"gate must be one of {list(GATES)}, got {gate!r}")
    controls: dict[str, widgets.ValueWidget] = {
        "gate": widgets.Dropdown(options=list(GATES), value=str(gate).upper(), description="gate"),
        "w1": float_slider("w1", w1, -2, 2, 0.1),
        "w2": float_slider("w2", w2, -2, 2, 0.1),
        "b": float_slider("b", b, -2, 2, 0.1),
    }
    controls["gate"].layout.width = "150px"
    for name in ("w1", "w2", "b"):
        controls[name].layout.width = "260px"
    live = live_figure(draw_explorer, controls, figsize=(11, 4.2))
    live.widget.children[0].layout.flex_flow = "row wrap"  # the controls wrap on narrow screens
    return live
