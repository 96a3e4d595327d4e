"""Sliders over a figure that answers at once; works with ipywidgets 7.7 (Colab) and 8.

:func:`live_figure` calls ``build(figure)`` once. It draws what never changes (contours, points,
axes, legends) and returns ``update`` and the artists ``update`` changes. When a slider moves,
``update(**slider_values)`` changes those artists (``set_data``, ``set_text``…) and returns the
status line; only they are drawn again, over a saved picture of the rest ("blitting"), and the
picture goes to an Image widget as a PNG. In a test, set ``explorer.controls[name].value``, then
read ``explorer.status.value``, ``explorer.figure`` and ``explorer.image.value`` (the PNG bytes).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import ipywidgets as widgets
import numpy as np
from IPython.display import display
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

_STYLE = {"description_width": "initial"}
Update = Callable[..., str]  # update(**slider_values) -> status line


def _require_range(kind: str, description: str, value: float, low: float, high: float, ends: str = "low, high") -> None:
    """Raise a ValueError saying how to fix a slider whose lower end is above its upper end."""
    if low > high:
        first, second = ends.split(", ")
        raise ValueError(
            f"{kind}({description!r}, …): {first} = {low} is above {second} = {high}; the lower end comes first: "
            f"{kind}({description!r}, {value!r}, {high!r}, {low!r})"
        )


def float_slider(description: str, value: float, low: float, high: float, step: float = 0.1) -> widgets.FloatSlider:
    """Return a slider that reports only when released (``continuous_update=False``)."""
    _require_range("float_slider", description, value, low, high)
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description, continuous_update=False, style=_STYLE
    )


def log_slider(
    description: str, value: float, low_exp: float, high_exp: float, step: float = 0.05
) -> widgets.FloatLogSlider:
    """Return a log-scale slider from 10**low_exp to 10**high_exp."""
    _require_range("log_slider", description, value, low_exp, high_exp, "low_exp, high_exp")
    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=low_exp,
        max=high_exp,
        step=step,
        description=description,
        continuous_update=False,
        readout_format=".2e",
        style=_STYLE,
    )


def int_slider(description: str, value: int, low: int, high: int, step: int = 1) -> widgets.IntSlider:
    """Return an integer slider that reports only when released."""
    _require_range("int_slider", description, value, low, high)
    return widgets.IntSlider(
        value=value, min=low, max=high, step=step, description=description, continuous_update=False, style=_STYLE
    )


def png_bytes(canvas: FigureCanvasAgg) -> bytes:
    """Return the canvas's pixels as PNG bytes (light compression: fast to make, small enough to send)."""
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


@dataclass
class LiveFigure:
    """Sliders, a status line and a figure whose moving artists are redrawn whenever a slider moves."""

    controls: dict[str, widgets.ValueWidget]
    status: widgets.HTML
    image: widgets.Image
    widget: widgets.VBox
    figure: Figure
    update: Update
    moving: Sequence[Artist]
    background: Any = None  # the figure without its moving artists, drawn once

    def redraw(self, *_: Any) -> None:
        """Call ``update(**values)``, draw the moving artists over the background, show the status and the PNG."""
        self.status.value = self.update(**{name: control.value for name, control in self.controls.items()})
        canvas = self.figure.canvas
        if self.background is None:
            canvas.draw()  # everything but the moving artists (matplotlib skips 'animated' ones)
            self.background = canvas.copy_from_bbox(self.figure.bbox)
        canvas.restore_region(self.background)
        for artist in self.moving:
            self.figure.draw_artist(artist)
        self.image.value = png_bytes(canvas)

    def _ipython_display_(self) -> None:
        display(self.widget)


def _built(build: Any, result: Any) -> tuple[Update, list[Artist]]:
    """Return ``build(figure)``'s result as (update, moving artists), or raise a TypeError saying what to return."""
    name = getattr(build, "__name__", "")
    name = name if name.isidentifier() else "build"  # a lambda reads as build(figure)
    fix = f"end {name}(figure) with `return update, [the artists update changes]`"
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        got = f"a {type(result).__name__}" if not isinstance(result, (tuple, list)) else f"{len(result)} values"
        raise TypeError(f"{name}(figure) must return (update, moving_artists), got {got}: {fix}")
    update, moving = result
    if not callable(update):
        raise TypeError(
            f"{name}(figure) must return (update, moving_artists), but update is a {type(update).__name__}, "
            f"not a function: {fix}"
        )
    if isinstance(moving, Artist):
        raise TypeError(
            f"{name}(figure) must return (update, moving_artists), but moving_artists is one {type(moving).__name__}, "
            f"not a list: put it in one, `return update, [{type(moving).__name__.lower()}]`"
        )
    if not isinstance(moving, (tuple, list)):
        raise TypeError(
            f"{name}(figure) must return (update, moving_artists), but moving_artists is a {type(moving).__name__}, "
            f"not a list of matplotlib artists: {fix}"
        )
    strangers = [type(a).__name__ for a in moving if not isinstance(a, Artist)]
    if strangers:
        raise TypeError(
            f"{name}(figure) must return (update, moving_artists), but moving_artists holds {strangers}, "
            f"not only matplotlib artists (lines, texts, collections): {fix}"
        )
    return update, list(moving)


def live_figure(
    build: Callable[[Figure], tuple[Update, Sequence[Artist]]],
    controls: dict[str, widgets.ValueWidget],
    figsize: tuple[float, float] = (10, 4),
) -> LiveFigure:
    """Return a :class:`LiveFigure`; ``build(figure)`` draws the static parts and returns ``(update, moving_artists)``.

    >>> def build(figure):  # doctest: +SKIP
    ...     ax = figure.add_subplot(xlim=(0, 1), ylim=(-2, 2))
    ...     line, = ax.plot([0, 1], [0, 0])
    ...     def update(slope):
    ...         line.set_ydata([0, slope])
    ...         return f"slope {slope}"
    ...     return update, [line]
    >>> live_figure(build, {"slope": float_slider("slope", 1.0, -2, 2)})  # doctest: +SKIP
    """
    figure = Figure(figsize=figsize)  # not pyplot's: shown only through the Image widget
    FigureCanvasAgg(figure)
    update, moving = _built(build, build(figure))
    for artist in moving:
        artist.set_animated(True)  # left out of the background, drawn in this order on each move
    status, image = widgets.HTML(), widgets.Image(format="png")
    box = widgets.VBox([widgets.HBox(list(controls.values())), status, image])
    live = LiveFigure(controls, status, image, box, figure, update, list(moving))
    for control in controls.values():
        control.observe(live.redraw, names="value")
    live.redraw()
    return live
