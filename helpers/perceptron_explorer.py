"""Notebook 01's interactive figure: pick a gate, move w1, w2 and b, see the line and "n/4 correct".

In a test, no browser needed:

>>> explorer = perceptron_explorer("AND", w1=1, w2=1, b=0)
>>> explorer.controls["b"].value = -1.5
>>> explorer.status.value
'AND: 4/4 correct'
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from .data import GATES, truth_table
from .language import t
from .perceptron import step_outputs
from .perceptron_plots import WRONG_COLOR, GatePlane
from .sliders import LiveFigure, Update, float_slider, live_figure

_RIGHT_ROW, _WRONG_ROW = "#e3f4e3", "#fbe0e0"
_LAYOUT = {"left": 0.06, "right": 0.98, "bottom": 0.22, "top": 0.86, "wspace": 0.1, "width_ratios": [1, 1.3]}
_COLUMNS = (0.05, 0.15, 0.42, 0.66, 0.8, 0.93)  # the table's column centres, as fractions of its panel's width
_TOP, _ROW = 0.82, 0.16  # where the header ends, and a row's height (fractions of the panel's height)


def _table(ax: Axes) -> tuple[list[Rectangle], list[list[Text]]]:
    """Draw the table's headers on ``ax``; return its four rows' backgrounds and their six empty texts each."""
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.axis("off")
    headers = ["$x_1$", "$x_2$", "$z = w_1x_1 + w_2x_2 + b$", r"$\hat{y}$", t("target $y$"), ""]
    for x, header in zip(_COLUMNS, headers):
        ax.text(x, _TOP + _ROW / 2, header, ha="center", va="center")
    tops = [_TOP - row * _ROW for row in range(4)]
    backgrounds = [ax.add_patch(Rectangle((0, top - _ROW), 1, _ROW, edgecolor="white", lw=2)) for top in tops]
    texts = [[ax.text(x, top - _ROW / 2, "", ha="center", va="center") for x in _COLUMNS] for top in tops]
    return backgrounds, texts


def build_explorer(figure: Figure) -> tuple[Update, list[Artist]]:
    """Draw the plane's axes, legend and the table's headers once; return ``update(gate, w1, w2, b)``, what it moves."""
    plane_ax, table_ax = figure.subplots(1, 2, gridspec_kw=_LAYOUT)
    plane = GatePlane(plane_ax)
    plane_ax.legend(
        handles=plane.handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize="small", frameon=False
    )
    backgrounds, texts = _table(table_ax)

    def update(gate: str, w1: float, w2: float, b: float) -> str:
        """Move the line and points, refill the table; return e.g. 'AND: 4/4 correct'."""
        correct = plane.show(gate, w1, w2, b)
        X, y = truth_table(gate)
        for row, ((x1, x2), y_hat, target) in enumerate(
            zip(X.tolist(), step_outputs(X, w1, w2, b).tolist(), y.tolist())
        ):
            right = y_hat == target
            backgrounds[row].set_facecolor(_RIGHT_ROW if right else _WRONG_ROW)
            cells = [x1, x2, f"{w1 * x1 + w2 * x2 + b:+.2f}", y_hat, target, t("right") if right else t("WRONG")]
            for text, cell in zip(texts[row], cells):
                text.set(text=str(cell), color="black" if right else WRONG_COLOR)
        table_ax.set_title(t("The four predictions ({gate} targets)", gate=gate.upper()))
        return t("{gate}: {correct}/4 correct", gate=gate.upper(), correct=correct)

    return update, [*plane.moving, *backgrounds, *[text for row in texts for text in row], table_ax.title]


def perceptron_explorer(gate: str = "AND", w1: float = 1.0, w2: float = 1.0, b: float = 0.0) -> LiveFigure:
    """Return a live figure with a gate dropdown and w1, w2, b sliders (−2 to 2); status e.g. 'XOR: 3/4 correct'."""
    if str(gate).upper() not in GATES:
        raise ValueError(f"gate must be one of {list(GATES)}, got {gate!r}")
    controls: dict[str, widgets.ValueWidget] = {
        "gate": widgets.Dropdown(options=list(GATES), value=str(gate).upper(), description=t("gate")),
        "w1": float_slider("w1", w1, -2, 2, 0.1),
        "w2": float_slider("w2", w2, -2, 2, 0.1),
        "b": float_slider("b", b, -2, 2, 0.1),
    }
    controls["gate"].layout.width = "150px"
    for name in ("w1", "w2", "b"):
        controls[name].layout.width = "260px"
    live = live_figure(build_explorer, controls, figsize=(11, 4.2))
    live.widget.children[0].layout.flex_flow = "row wrap"  # the controls wrap on narrow screens
    return live
