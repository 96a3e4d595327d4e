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
from helpers.plotting import plot_decision_line  # noqa: E402
from helpers.validate import (
    require_array,
    require_count,
    require_device,
    require_learning_rate,  # noqa: E402
    require_number,
    require_tensor,
)


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


def test_every_plot_has_its_own_title_and_axis_labels() -> None:
    """Issue 12: the tests checked only that labels were non-empty, so a mislabelled axis passed."""
    X, y = helpers.truth_table("AND")
    x = torch.linspace(-1, 1, 20)
    assert _texts(plot_decision_line(X, y, 1, 1, -1.5)) == ("Perceptron decision line", "$x_1$", "$x_2$")
    assert _texts(helpers.plot_fit(x, x**2, x**2 + 0.1)) == ("Model vs truth", "$x$", "$y$")
    assert _texts(helpers.plot_cost_curve([3, 2, 1])) == ("Cost per step", "step", "cost")
    assert _texts(helpers.plot_cost_contour(lambda a, b: a**2 + b**2, (-1, 1), (-1, 1))) == (
        "Cost over (a, b)",
        "$a$",
        "$b$",
    )
    plt.close("all")


def test_every_plot_has_a_title_and_labelled_axes() -> None:
    X, y = helpers.truth_table("AND")
    x = torch.linspace(-1, 1, 20)
    axes = [
        plot_decision_line(X, y, 1, 1, -1.5),
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
        plot_decision_line([0, 1, 1, 0], [0, 1, 1, 0], 1, 1, 0)
    with pytest.raises(ValueError, match="path must have shape"):
        helpers.plot_cost_contour(lambda a, b: a**2 + b**2, (-1, 1), (-1, 1), path=[1, 2, 3])
    plt.close("all")


def test_output_dir_is_created_under_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = helpers.output_dir()
    assert path == tmp_path / "outputs" and path.is_dir()
    assert helpers.output_dir("figures/run 1") == tmp_path / "outputs" / "figures" / "run 1"


@pytest.mark.parametrize(
    "subfolder, error, words",
    [
        (None, TypeError, "subfolder must be a folder name"),
        (3, TypeError, "subfolder must be a folder name"),
        ("../x", ValueError, "stay inside outputs/"),  # issue 12: wrote outside outputs/
        ("a/../../x", ValueError, "stay inside outputs/"),
        ("/tmp/x", ValueError, "stay inside outputs/"),
    ],
)
def test_output_dir_stays_inside_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, subfolder, error, words
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(error, match=words):
        helpers.output_dir(subfolder)
    assert not (tmp_path / "x").exists()


def test_output_dir_names_a_file_in_the_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outputs").write_text("not a folder")
    with pytest.raises(FileExistsError, match="is not a folder"):
        helpers.output_dir()


def test_outputs_are_ignored_by_git() -> None:
    ignore = (Path(__file__).resolve().parents[1] / ".gitignore").read_text().split()
    assert "outputs/" in ignore


# ---------------------------------------------------------------- bad calls get an error naming the argument (issue 12)


class _Model(torch.nn.Module):
    def forward(self, x):
        return x


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: helpers.to_numpy(None), TypeError, "values must be numbers"),  # issue 12: passed silently as [nan]
        (lambda: helpers.to_numpy("1, 2"), TypeError, "values must be numbers"),
        (lambda: helpers.to_numpy({"a": 1}), TypeError, "values must be numbers"),
        (lambda: helpers.to_numpy(_Model()), TypeError, "pass its outputs"),
        (lambda: require_array("v", None), TypeError, "v must be numbers"),
        (lambda: helpers.plot_fit([1, 2, 3], [1, 2]), ValueError, "x and y_true must have the same length"),
        (lambda: helpers.plot_fit([1, 2, 3], [1, 2, 3], [1, 2]), ValueError, "x and y_model must have the same length"),
        (lambda: helpers.plot_fit([1, 2], [1, 2], _Model()), TypeError, "y_model must be numbers"),
        (lambda: helpers.plot_fit([1, 2], [1, 2], ax="left"), TypeError, "ax must be a matplotlib Axes"),
        (lambda: plot_decision_line(*helpers.truth_table("AND"), [1, 1], 1, 0), TypeError, "w1 must be one number"),
        (
            lambda: plot_decision_line(*helpers.truth_table("AND"), torch.ones(2), 1, 0),
            TypeError,
            "w1 must be one number",
        ),
        (
            lambda: plot_decision_line(*helpers.truth_table("AND"), 1, math.nan, 0),
            ValueError,
            "w2 must be a finite number",
        ),
        (lambda: plot_decision_line(helpers.truth_table("AND")[0], [0, 1, 2, 1], 1, 1, 0), ValueError, "y must hold"),
        (lambda: plot_decision_line(helpers.truth_table("AND")[0], [0, 1], 1, 1, 0), ValueError, "same length"),
        (lambda: helpers.plot_cost_curve([]), ValueError, "costs is empty"),
        (lambda: helpers.plot_cost_curve(None), TypeError, "costs must be numbers"),
        (
            lambda: helpers.plot_cost_contour(lambda a, b: 0 * a + 5, (-1, 1), (-1, 1)),
            ValueError,
            "constant",
        ),  # issue 12
        (lambda: helpers.plot_cost_contour(lambda a, b: 1.0, (-1, 1), (-1, 1)), ValueError, "shaped like its"),
        (
            lambda: helpers.plot_cost_contour(lambda a, b: np.where(a > 0, np.inf, a**2), (-1, 1), (-1, 1)),
            ValueError,
            "NaN or inf",
        ),
        (lambda: helpers.plot_cost_contour(lambda a, b: a**2, (1, -1), (-1, 1)), ValueError, "a_range must be"),
        (lambda: helpers.plot_cost_contour(lambda a, b: a**2, (-1, 1), (0,)), ValueError, "b_range must have shape"),
        (lambda: helpers.plot_cost_contour("cost", (-1, 1), (-1, 1)), TypeError, "cost must be a function"),
        (lambda: helpers.plot_cost_contour(lambda a, b: a**2, (-1, 1), (-1, 1), levels=0), ValueError, "levels"),
        (lambda: require_number("w", "1"), TypeError, "w must be one number"),
        (lambda: require_device("tpu"), ValueError, "device must be"),
    ],
)
def test_bad_calls_name_the_argument(call, error: type, words: str) -> None:
    with pytest.raises(error, match=words):
        call()
    plt.close("all")


def test_one_element_tensors_are_numbers() -> None:
    """Issue 12: a tensor where plot_decision_line wants a number (e.g. model.weight[0, 0]) ended in a traceback."""
    weight = torch.nn.Linear(2, 1).weight
    ax = plot_decision_line(*helpers.truth_table("AND"), weight[0, 0], weight[0, 1], torch.tensor([-1.5]))
    assert ax.get_title() == "Perceptron decision line"
    assert require_number("b", np.float32(2)) == 2.0 and require_device(None) == torch.device("cpu")
    plt.close("all")


def test_a_cost_that_can_be_negative_still_draws() -> None:
    ax = helpers.plot_cost_contour(lambda a, b: a * b, (-1, 1), (-1, 1))
    assert ax.get_xlabel() == "$a$"
    plt.close("all")


def test_a_list_of_cost_tensors_is_plotted() -> None:
    costs = [torch.tensor(2.0, requires_grad=True) * k for k in (3, 2, 1)]  # costs.append(cost), not cost.item()
    assert helpers.to_numpy(costs).tolist() == [6.0, 4.0, 2.0]
    helpers.plot_cost_curve(costs)
    plt.close("all")
