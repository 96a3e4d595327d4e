"""The notebook-03 figures draw what they say and reject bad input with a clear message."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

from helpers import MODEL_COLOR, TRUTH_COLOR  # noqa: E402
from helpers.backprop_plots import (
    plot_activations,
    plot_decision_regions,
    plot_layer_gradients,  # noqa: E402
    plot_pieces,
    plot_xor_training,
)

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
XOR_Y = np.array([0, 1, 1, 0])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_activations_one_panel_per_function_with_its_slope() -> None:
    z = np.linspace(-3, 3, 61)
    fig = plot_activations(z, {"ReLU": (np.maximum(z, 0), (z > 0) * 1.0), "identity": (z, np.ones_like(z))})
    assert len(fig.axes) == 2
    relu_ax = fig.axes[0]
    assert relu_ax.get_title() == "ReLU" and len(relu_ax.get_lines()) == 3  # function, slope, zero line
    assert relu_ax.get_lines()[0].get_color() == TRUTH_COLOR
    np.testing.assert_allclose(relu_ax.get_lines()[1].get_ydata(), (z > 0) * 1.0)


def test_activations_accept_tensors() -> None:
    z = torch.linspace(-1, 1, 5)
    assert (
        len(plot_activations(z, {"sigmoid": (torch.sigmoid(z), torch.sigmoid(z) * (1 - torch.sigmoid(z)))}).axes) == 1
    )


@pytest.mark.parametrize("curves", [{}, [1, 2], None])
def test_activations_reject_a_non_dict(curves) -> None:
    with pytest.raises(TypeError, match="curves must be a non-empty dict"):
        plot_activations(np.zeros(3), curves)


def test_layer_gradients_log_scale_one_line_per_stack() -> None:
    ax = plot_layer_gradients({"sigmoid": [1e-6, 1e-3, 1.0], "ReLU": torch.tensor([1.0, 1.0, 1.0])})
    assert ax.get_yscale() == "log" and len(ax.get_lines()) == 2
    np.testing.assert_array_equal(ax.get_lines()[0].get_xdata(), [1, 2, 3])


def test_layer_gradients_reject_a_non_dict() -> None:
    with pytest.raises(TypeError, match="magnitudes must be a non-empty dict"):
        plot_layer_gradients([1.0, 2.0])


def test_decision_regions_draw_the_half_line_and_the_points() -> None:
    ax = plot_decision_regions(lambda P: 1 / (1 + np.exp(-10 * (P[:, 0] - 0.5))), XOR_X, XOR_Y, title="t")
    assert ax.get_title() == "t" and len(ax.collections) >= 3
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["target 0", "target 1", "output = 0.5"]
    assert any(line.get_color() == MODEL_COLOR for line in ax.get_lines())


def test_decision_regions_survive_a_constant_model_and_tensor_output() -> None:
    plot_decision_regions(lambda P: torch.full((len(P),), 0.7), torch.tensor(XOR_X), XOR_Y)


def test_decision_regions_reject_bad_input() -> None:
    with pytest.raises(TypeError, match="predict must be a function"):
        plot_decision_regions("model", XOR_X, XOR_Y)
    with pytest.raises(ValueError, match=r"X must have shape \(N, 2\)"):
        plot_decision_regions(lambda P: P[:, 0], XOR_X[:, :1], XOR_Y)


def _history(steps: int = 50, networks: int = 4) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    t = np.arange(1, steps + 1)[:, None] * np.ones(networks)
    return 1 / t, 0.1 / t, np.log(t + 1)


def test_xor_training_three_log_panels_stuck_in_the_model_colour() -> None:
    costs, grads, largest = _history()
    stuck = np.array([True, False, False, True])
    fig = plot_xor_training(costs, torch.tensor(grads), largest, stuck, mark_step=10)
    assert len(fig.axes) == 3
    for ax in fig.axes:
        assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
        colors = [line.get_color() for line in ax.get_lines()[:4]]
        assert colors.count(MODEL_COLOR) == 2 and colors.count("gray") == 2
    labels = [text.get_text() for text in fig.legends[0].get_texts()]
    assert labels == ["stuck (2 networks)", "learned XOR (2 networks)", "step 10"]


def test_xor_training_rejects_mismatched_shapes() -> None:
    costs, grads, largest = _history()
    with pytest.raises(ValueError, match="share one shape"):
        plot_xor_training(costs, grads[:10], largest, np.ones(4, bool))
    with pytest.raises(ValueError, match="one True/False per network"):
        plot_xor_training(costs, grads, largest, np.ones(3, bool))


def test_pieces_one_panel_per_width_with_kinks_on_the_model_curve() -> None:
    x = np.linspace(-1, 1, 201)
    model = np.abs(x)  # one kink at 0
    fig = plot_pieces(torch.tensor(x), x**2, {2: (model, np.array([0.0])), 4: (model + 0.1, np.array([-0.5, 0.5]))})
    assert len(fig.axes) == 2
    kink_line = fig.axes[1].get_lines()[2]
    np.testing.assert_allclose(kink_line.get_ydata(), [0.6, 0.6])
    assert "2 kinks" in fig.axes[1].get_title() and "max |error| = 0.350" in fig.axes[1].get_title()
    assert [line.get_color() for line in fig.axes[0].get_lines()[:2]] == [TRUTH_COLOR, MODEL_COLOR]
    assert len(fig.legends) == 1


def test_pieces_reject_bad_input() -> None:
    x = np.linspace(-1, 1, 5)
    with pytest.raises(TypeError, match="fits must be a non-empty dict"):
        plot_pieces(x, x**2, {})
    with pytest.raises(ValueError, match="same length"):
        plot_pieces(x, x[:3], {2: (x, [])})
    with pytest.raises(ValueError, match=r"fits\[2\]: the model output"):
        plot_pieces(x, x**2, {2: (x[:4], [])})
