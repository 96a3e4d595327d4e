"""Notebook 02's learning-rate explorer, driven without a browser: set a slider, read the status line."""

from __future__ import annotations

import re
import time
import warnings

import matplotlib

matplotlib.use("Agg")

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from helpers import POINTS
from helpers.descent import critical_lr, descent_path, excess_costs, least_squares
from helpers.descent_explorer import descent_explorer
from helpers.descent_plots import plot_descent_runs

FIT = POINTS["fit"]


def numbers(status: str) -> dict[str, float]:
    """Return the first a, b and cost the status line reports (the run's own, not the least-squares ones)."""
    found = {}
    for name in ("a", "b", "cost"):
        found[name] = float(re.search(rf"\b{name} = ([-+0-9.e]+|inf|nan)", status).group(1))
    return found


def plain_loop(points, lr: float, num_steps: int) -> np.ndarray:
    a = b = 0.0
    path = [(a, b)]
    for _ in range(num_steps):
        da = sum(2 * (a * x + b - y) * x for x, y in points)
        db = sum(2 * (a * x + b - y) for x, y in points)
        a, b = a - lr * da, b - lr * db
        path.append((a, b))
    return np.array(path)


@pytest.fixture(scope="module")
def explorer():
    return descent_explorer(FIT, lr=1e-3, num_steps=1000)


def test_critical_learning_rate_is_two_over_the_largest_hessian_eigenvalue() -> None:
    assert critical_lr(FIT) == pytest.approx(2 / 172.70297544, rel=1e-8)
    assert abs(critical_lr(FIT) - 0.011581) < 1e-6


def test_descent_path_is_the_plain_batch_loop() -> None:
    for lr in (1e-3, 0.0115, 0.012):
        np.testing.assert_allclose(descent_path(FIT, lr, 300), plain_loop(FIT, lr, 300), rtol=1e-9, atol=1e-12)


def test_descent_path_reaches_the_closed_form() -> None:
    a, b = descent_path(FIT, 1e-3, 100_000)[-1]
    assert abs(a - 17 / 28) < 1e-9 and abs(b - 3.5) < 1e-9
    assert least_squares(FIT) == pytest.approx((17 / 28, 3.5))


def test_above_the_critical_rate_the_status_says_diverged(explorer) -> None:
    explorer.controls["num_steps"].value = 500
    explorer.controls["lr"].value = 10**-1.9  # 0.0126, one slider step above 0.01158
    assert explorer.controls["lr"].value > critical_lr(FIT)
    assert "diverged" in explorer.status.value


def test_below_the_critical_rate_the_status_reports_the_closed_form(explorer) -> None:
    explorer.controls["lr"].value = 10**-1.95  # 0.0112, one slider step below 0.01158
    explorer.controls["num_steps"].value = 5000
    status = explorer.status.value
    assert "diverged" not in status and "converged" in status
    found = numbers(status)
    assert found["a"] == pytest.approx(17 / 28, abs=1e-5) and found["b"] == pytest.approx(3.5, abs=1e-5)
    assert found["cost"] == pytest.approx(25 / 14, abs=1e-5)  # the minimum cost, 1.785714…


def test_a_small_rate_is_reported_as_still_descending(explorer) -> None:
    explorer.controls["lr"].value = 1e-4
    explorer.controls["num_steps"].value = 1000
    assert "still descending" in explorer.status.value and "diverged" not in explorer.status.value


def test_the_largest_settings_stop_early_without_warnings(explorer) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        explorer.controls["num_steps"].value = 20_000
        explorer.controls["lr"].value = 10 ** explorer.controls["lr"].max  # the slider's max is an exponent
        explorer.figure.savefig(io.BytesIO(), format="png")
    assert "diverged" in explorer.status.value and np.isfinite(numbers(explorer.status.value)["cost"])


def test_status_is_plain_text(explorer) -> None:
    for lr in (1e-4, 0.0112, 0.0126):
        explorer.controls["lr"].value = lr
        assert not re.search(r"[<>&]", explorer.status.value), explorer.status.value


def test_redraws_reuse_one_figure(explorer) -> None:
    figures, background = plt.get_fignums(), explorer.background
    for lr in (1e-4, 1e-3, 1e-2, 0.02):
        explorer.controls["lr"].value = lr
    assert plt.get_fignums() == figures and len(explorer.figure.axes) == 3
    assert explorer.background is background  # the contour and the data were drawn once


def test_a_diverged_run_says_its_line_is_off_the_chart(explorer) -> None:
    fit = explorer.figure.axes[1]
    (model,), (note,) = fit.get_lines(), fit.texts
    explorer.controls["num_steps"].value = 1000
    explorer.controls["lr"].value = 10**-1.9
    assert not model.get_visible() and note.get_visible()
    assert note.get_text().startswith("The run diverged") and "off the chart" in note.get_text()
    explorer.controls["lr"].value = 1e-3
    assert model.get_visible() and not note.get_visible()
    assert fit.get_title() == "Fitted line after 1000 steps"


@pytest.mark.parametrize("lr, num_steps", [(1e-3, 1000), (0.0112, 5000), (0.0126, 1000), (10**-1.5, 20_000)])
def test_the_png_shown_is_the_whole_figure(explorer, lr: float, num_steps: int) -> None:
    """Only the moving artists are redrawn, over a saved background: the PNG must match a full drawing."""
    explorer.controls["lr"].value, explorer.controls["num_steps"].value = lr, num_steps
    shown = np.asarray(Image.open(io.BytesIO(explorer.image.value)).convert("RGBA")).astype(int)
    buffer = io.BytesIO()
    explorer.figure.savefig(buffer, format="rgba")  # draws every artist afresh
    full = np.frombuffer(buffer.getvalue(), dtype=np.uint8).reshape(shown.shape)
    far_off = np.abs(shown - full).max(axis=2) > 60  # lines over the spines may differ
    assert far_off.sum() < 100, f"{far_off.sum()} pixels differ: a stale or missing artist"


def test_redraw_time_is_measured_not_asserted(explorer) -> None:
    """Print the time of a slider move, from the new value to the new PNG on the widget (speed is never asserted)."""
    for lr, steps in ((1e-3, 1000), (1e-4, 20_000), (0.0126, 1000)):
        explorer.controls["num_steps"].value = steps
        wall, cpu = time.perf_counter(), time.process_time()
        explorer.controls["lr"].value = lr
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"explorer slider move to PNG, lr={lr:g}, {steps} steps: {wall:.3f} s wall, {cpu:.3f} s CPU")


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: descent_path(FIT, -0.1, 10), "lr"),
        (lambda: descent_path(FIT, 0.001, 0), "num_steps"),
        (lambda: descent_path([(1, 2, 3)], 0.001, 10), "points"),
        (lambda: descent_explorer(FIT, lr="fast"), "lr"),
    ],
)
def test_bad_arguments_name_the_argument(call, name: str) -> None:
    with pytest.raises((TypeError, ValueError), match=name):
        call()


def test_comparison_figure_has_one_panel_per_run_and_a_cost_panel() -> None:
    runs = {f"α = {lr}": descent_path(FIT, lr, 200) for lr in (1e-4, 1e-2, 0.012)}
    fig = plot_descent_runs(FIT, runs)
    assert len(fig.axes) == 4
    assert len(fig.axes[-1].get_lines()) == 3
    plt.close(fig)
    assert (excess_costs(FIT, runs["α = 0.01"]) > 0).all()
