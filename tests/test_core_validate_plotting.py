"""helpers.validate, helpers.plotting and helpers.paths."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

import helpers  # noqa: E402
from helpers.validate import require_array, require_count, require_learning_rate, require_tensor  # noqa: E402


def test_require_tensor_says_how_to_fix_a_list() -> None:
    with pytest.raises(TypeError, match=r"x must be a torch.Tensor, got a list: wrap it with torch.tensor"):
        require_tensor("x", [1.0, 2.0])


def test_require_tensor_checks_the_shape() -> None:
    assert require_tensor("x", torch.zeros(5, 1), shape=(None, 1)).shape == (5, 1)
    with pytest.raises(ValueError, match=r"x must have shape \(N, 1\), got \(5,\)"):
        require_tensor("x", torch.zeros(5), shape=(None, 1))


def test_require_array_accepts_lists_and_tensors_but_not_text() -> None:
    assert require_array("v", [1, 2]).dtype == np.float64
    assert require_array("v", torch.ones(2, 2), shape=(2, 2)).sum() == 4
    with pytest.raises(TypeError, match="v must be numbers"):
        require_array("v", ["a", "b"])


@pytest.mark.parametrize("lr", [-0.1, 0, math.inf, math.nan])
def test_bad_learning_rates_are_refused(lr: float) -> None:
    with pytest.raises(ValueError, match="lr must be a positive, finite number"):
        require_learning_rate(lr)


def test_learning_rate_must_be_a_number() -> None:
    assert require_learning_rate(1e-3) == 1e-3
    with pytest.raises(TypeError, match="lr must be a number"):
        require_learning_rate("0.1")


def test_require_count() -> None:
    assert require_count("num_steps", 3) == 3
    with pytest.raises(ValueError, match="num_steps"):
        require_count("num_steps", 0)


def _texts(ax: plt.Axes) -> tuple[str, str, str]:
    return ax.get_title(), ax.get_xlabel(), ax.get_ylabel()


def test_every_plot_has_a_title_and_labelled_axes() -> None:
    X, y = helpers.truth_table("AND")
    x = torch.linspace(-1, 1, 20)
    axes = [
        helpers.plot_decision_line(X, y, 1, 1, -1.5),
        helpers.plot_fit(x, x**2, x**2 + 0.1),
        helpers.plot_cost_curve({"lr 0.1": [3, 2, 1], "lr 0.01": [3, 2.9, 2.8]}),
        helpers.plot_cost_contour(lambda a, b: (a - 1) ** 2 + b**2, (-2, 2), (-2, 2), path=[(0, 1), (0.5, 0.5)]),
    ]
    for ax in axes:
        assert all(_texts(ax)), _texts(ax)
    assert axes[1].get_legend() is not None and axes[2].get_legend() is not None
    plt.close("all")


def test_plot_fit_draws_truth_and_model_in_the_course_colours() -> None:
    x = np.linspace(0, 1, 5)
    ax = helpers.plot_fit(x, x, 2 * x)
    truth, model = ax.get_lines()
    assert matplotlib.colors.same_color(truth.get_color(), helpers.TRUTH_COLOR)
    assert matplotlib.colors.same_color(model.get_color(), helpers.MODEL_COLOR)
    assert np.allclose(model.get_ydata(), 2 * x)
    plt.close("all")


def test_plot_cost_curve_uses_a_log_axis_by_default() -> None:
    assert helpers.plot_cost_curve([1, 0.1, 0.01]).get_yscale() == "log"
    assert helpers.plot_cost_curve([1, 0.1], log=False).get_yscale() == "linear"
    plt.close("all")


def test_plotting_refuses_wrong_shapes_clearly() -> None:
    with pytest.raises(ValueError, match=r"X must have shape \(N, 2\)"):
        helpers.plot_decision_line([0, 1, 1, 0], [0, 1, 1, 0], 1, 1, 0)
    with pytest.raises(ValueError, match="path must have shape"):
        helpers.plot_cost_contour(lambda a, b: a**2 + b**2, (-1, 1), (-1, 1), path=[1, 2, 3])
    plt.close("all")


def test_output_dir_is_created_under_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = helpers.output_dir()
    assert path == tmp_path / "outputs" and path.is_dir()


def test_outputs_are_ignored_by_git() -> None:
    ignore = (Path(__file__).resolve().parents[1] / ".gitignore").read_text().split()
    assert "outputs/" in ignore
