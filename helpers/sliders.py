"""A figure redrawn in place by sliders; works with ipywidgets 7.7 (Colab) and 8.

Build one with :func:`live_figure`; in a test, set ``explorer.controls[name].value`` and read
``explorer.status.value`` and ``explorer.figure`` — no browser needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import display
from matplotlib.figure import Figure

_STYLE = {"description_width": "initial"}


def float_slider(description: str, value: float, low: float, high: float, step: float = 0.1) -> widgets.FloatSlider:
    """Return a slider that reports only when released (``continuous_update=False``)."""
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               continuous_update=False, style=_STYLE)


def log_slider(description: str, value: float, low_exp: float, high_exp: float, step: float = 0.05) -> widgets.FloatLogSlider:
    """Return a log-scale slider from 10**low_exp to 10**high_exp."""
    return widgets.FloatLogSlider(value=value, base=10, min=low_exp, max=high_exp, step=step, description=description,
                                  continuous_update=False, readout_format=".2e", style=_STYLE)


def int_slider(description: str, value: int, low: int, high: int, step: int = 1) -> widgets.IntSlider:
    """Return an integer slider that reports only when released."""
    return widgets.IntSlider(value=value, min=low, max=high, step=step, description=description,
                             continuous_update=False, style=_STYLE)


@dataclass
class LiveFigure:
    """Sliders, a status line and one figure that ``draw`` repaints whenever a slider moves."""

    controls: dict[str, widgets.ValueWidget]
    status: widgets.HTML
    figure: Figure
    output: widgets.Output
    widget: widgets.VBox
    draw: Callable[..., str]

    def redraw(self, *_: Any) -> None:
        """Clear the figure, call ``draw(figure, **values)``, show its text and the new figure."""
        self.figure.clear()
        values = {name: control.value for name, control in self.controls.items()}
        self.status.value = self.draw(self.figure, **values)
        with self.output:
            self.output.clear_output(wait=True)
            display(self.figure)

    def _ipython_display_(self) -> None:
        display(self.widget)


def live_figure(draw: Callable[..., str], controls: dict[str, widgets.ValueWidget],
                figsize: tuple[float, float] = (10, 4)) -> LiveFigure:
    """Return a :class:`LiveFigure`; ``draw(figure, **slider_values)`` draws and returns the status text."""
    figure = plt.figure(figsize=figsize)
    plt.close(figure)  # shown only through the Output widget, never stacked by the inline backend
    status, output = widgets.HTML(), widgets.Output()
    box = widgets.VBox([widgets.HBox(list(controls.values())), status, output])
    live = LiveFigure(controls, status, figure, output, box, draw)
    for control in controls.values():
        control.observe(live.redraw, names="value")
    live.redraw()
    return live
