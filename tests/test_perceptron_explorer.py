"""Notebook 01's interactive explorer and figures, driven without a browser."""

from __future__ import annotations

import io
import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PIL import Image  # noqa: E402

from helpers.perceptron import step, step_outputs  # noqa: E402
from helpers.perceptron_explorer import build_explorer, perceptron_explorer  # noqa: E402
from helpers.perceptron_plots import draw_gate, plot_two_layer  # noqa: E402


def pixels(figure: matplotlib.figure.Figure) -> np.ndarray:
    """Return the rendered figure's raw RGBA bytes as an array."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="rgba")
    return np.frombuffer(buffer.getvalue(), dtype=np.uint8)


def plane_title(explorer) -> str:
    return explorer.figure.axes[0].get_title()


def shown(explorer) -> np.ndarray:
    """Return the PNG on the explorer's Image widget (what the notebook shows) as an RGBA array."""
    return np.asarray(Image.open(io.BytesIO(explorer.image.value)).convert("RGBA"))


def test_starts_with_the_given_gate_and_weights() -> None:
    explorer = perceptron_explorer("AND", w1=1, w2=1, b=0)
    assert explorer.status.value == "AND: 2/4 correct"
    assert set(explorer.controls) == {"gate", "w1", "w2", "b"}
    assert plane_title(explorer).startswith("AND: 2/4 correct")


def test_moving_b_solves_and_and_changes_the_figure() -> None:
    explorer = perceptron_explorer("AND", w1=1, w2=1, b=0)
    before = pixels(explorer.figure)
    explorer.controls["b"].value = -1.5
    assert explorer.status.value == "AND: 4/4 correct"
    assert plane_title(explorer).startswith("AND: 4/4 correct")
    after = pixels(explorer.figure)
    assert before.shape == after.shape and (before != after).any(), "the figure did not change"


def test_one_redraw_per_move_and_a_single_figure() -> None:
    explorer = perceptron_explorer("OR", w1=1, w2=1, b=0)
    figure, background, png = explorer.figure, explorer.background, explorer.image.value
    for value in (-0.5, -1.0, -0.5):
        explorer.controls["b"].value = value
    assert explorer.figure is figure and len(figure.axes) == 2  # redrawn in place, not stacked
    assert explorer.background is background  # the static parts were drawn once
    assert explorer.status.value == "OR: 4/4 correct"
    assert bytes(explorer.image.value).startswith(b"\x89PNG") and explorer.image.value != png


@pytest.mark.parametrize("gate, w1, w2, b", [("AND", 1, 1, -1.5), ("XOR", -1, -1, 1.5), ("OR", 0, 0, 0.5)])
def test_the_png_shown_is_the_whole_figure(gate: str, w1: float, w2: float, b: float) -> None:
    """Only the moving artists are redrawn, over a saved background: the PNG must match a full drawing."""
    explorer = perceptron_explorer("AND", w1=1, w2=1, b=0)
    for name, value in (("gate", gate), ("w1", w1), ("w2", w2), ("b", b)):
        explorer.controls[name].value = value
    full = pixels(explorer.figure).reshape(shown(explorer).shape)  # savefig draws every artist afresh
    far_off = np.abs(shown(explorer).astype(int) - full).max(axis=2) > 60  # lines over spines may differ
    assert far_off.sum() < 100, f"{far_off.sum()} pixels differ: a stale or missing artist"


def test_switching_the_gate_rescores_the_same_line() -> None:
    explorer = perceptron_explorer("OR", w1=1, w2=1, b=-0.5)
    assert explorer.status.value == "OR: 4/4 correct"
    explorer.controls["gate"].value = "XOR"
    assert explorer.status.value == "XOR: 3/4 correct"
    assert plane_title(explorer).startswith("XOR: 3/4 correct")


@pytest.mark.parametrize("w1, w2, b", [(1, 1, -0.5), (-1, -1, 1.5), (1, -1, -0.5), (-2, 2, 0.3)])
def test_xor_through_the_sliders_is_never_4_of_4(w1: float, w2: float, b: float) -> None:
    explorer = perceptron_explorer("XOR")
    for name, value in (("w1", w1), ("w2", w2), ("b", b)):
        explorer.controls[name].value = value
    correct = int(explorer.status.value.split(": ")[1].split("/")[0])
    assert explorer.status.value == f"XOR: {correct}/4 correct" and correct < 4


def test_no_slider_setting_gives_xor_4_of_4_but_and_and_or_have_some() -> None:
    explorer = perceptron_explorer("XOR")
    slider = explorer.controls["w1"]
    values = np.round(np.arange(slider.min, slider.max + slider.step / 2, slider.step), 10)
    assert len(values) == 41
    settings = np.array(list(itertools.product(values, repeat=3)))  # every (w1, w2, b) the sliders can show
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    Z = settings[:, :1] * X[:, 0] + settings[:, 1:2] * X[:, 1] + settings[:, 2:]
    for gate, y, best in (
        ("XOR", [0, 1, 1, 0], 3),
        ("XNOR", [1, 0, 0, 1], 3),
        ("AND", [0, 0, 0, 1], 4),
        ("OR", [0, 1, 1, 1], 4),
    ):
        correct = ((Z > 0) == np.array(y, dtype=bool)).sum(axis=1)
        assert correct.max() == best, gate
        w1, w2, b = settings[correct.argmax()]
        assert draw_gate(plt.figure().add_subplot(), gate, w1, w2, b) == best, gate  # the explorer's own scoring agrees
        plt.close("all")


def test_the_table_lists_each_input_and_marks_the_wrong_one() -> None:
    figure = Figure()
    update, moving = build_explorer(figure)
    assert update("xor", 1, 1, -0.5) == "XOR: 3/4 correct"
    table = figure.axes[1]
    headers = [text.get_text() for text in table.texts[:6]]
    assert headers[:3] == ["$x_1$", "$x_2$", "$z = w_1x_1 + w_2x_2 + b$"] and headers[4] == "target $y$"
    cells = [[text.get_text() for text in table.texts[6 + 6 * row : 12 + 6 * row]] for row in range(4)]
    assert cells == [
        ["0", "0", "-0.50", "0", "0", "right"],
        ["0", "1", "+0.50", "1", "1", "right"],
        ["1", "0", "+0.50", "1", "1", "right"],
        ["1", "1", "+1.50", "1", "0", "WRONG"],
    ]
    assert table.title.get_text() == "The four predictions (XOR targets)"
    assert all(text in moving for text in table.texts[6:]) and not any(text in moving for text in table.texts[:6])


def test_step_outputs_are_strict_at_zero() -> None:
    assert (step(0), step(1e-9), step(-3)) == (0, 1, 0) and step([0.0, 2.0]).tolist() == [0, 1]
    X = np.array([[0, 0], [1, 0], [0, 1], [1, 1]])
    assert step_outputs(X, 1, 1, -1).tolist() == [0, 0, 0, 1]  # z = 0 gives 0


def test_draw_gate_marks_wrong_points_and_returns_the_count() -> None:
    figure, ax = plt.subplots()
    assert draw_gate(ax, "XOR", -1, -1, 1.5) == 3
    assert "wrong" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(figure)


def test_two_layer_figure_draws_both_hidden_lines() -> None:
    ax = plot_two_layer("XOR", {"OR": (1, 1, -0.5), "NAND": (-1, -1, 1.5)}, (1, 1, -1.5))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "OR line" in labels and "NAND line" in labels
    plt.close(ax.figure)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: perceptron_explorer("XAND"), "gate must be one of"),
        (lambda: plot_two_layer("XOR", {"OR": (1, 1, -0.5)}, (1, 1, -1.5)), "exactly two"),
        (lambda: step_outputs([0, 1], 1, 1, 0), "X must have shape"),
    ],
)
def test_bad_arguments_say_what_to_pass(call, match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        call()
