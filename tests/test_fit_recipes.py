"""Notebook 05's training recipes: the pieces (fast), the figures, the benchmark script (a tiny run) and the seed sweep.

The seed sweep is the course's promise: each exercise's recipe reaches the exercise's target for
every one of the seeds 0–9. It trains 30 models, 40 000 steps in all, half of them the (max, min)
network's (the slowest test here: minutes on a 2-core CPU), so it lives here, not in the notebook.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import matplotlib
import pytest
import torch

import helpers
from helpers.fit_checks import TARGETS
from helpers.fit_exercises import EXERCISES
from helpers.fit_plots import plot_runs, show_fit, show_max_min
from helpers.fit_recipes import COURSE, LECTURE, MaxMinNet, Recipe, Run, Scaled, lecture_net, run_task, train

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = range(10)


def test_recipes():
    assert LECTURE == Recipe(
        x_scale=1, y_scale=1, mean=False, optimizer="adam", lr=1e-3, cosine=False, batch_size=100, num_steps=10_000
    )
    assert LECTURE.but(num_steps=5).num_steps == 5 and LECTURE.num_steps == 10_000
    assert set(COURSE) == set(EXERCISES) == set(TARGETS)
    assert all(r.mean and r.num_steps <= LECTURE.num_steps // 5 for r in COURSE.values())


def test_recipes_print_on_one_readable_line():
    assert str(LECTURE) == "raw numbers; sum cost; Adam lr 0.001, constant lr; 10000 steps of 100 points"
    assert str(COURSE["sin"]) == "x / 10, y / 1; mean cost; Adam lr 0.003, cosine decay; 1000 steps of 100 points"
    assert "\n" not in str(COURSE["square"]) and len(str(COURSE["square"])) < 100


def test_scaled_wraps_one_and_two_heads_and_saves_its_scales(tmp_path):
    net = torch.nn.Linear(1, 1)
    with torch.no_grad():
        net.weight.fill_(2.0)
        net.bias.fill_(0.0)
    model = Scaled(net, 100, 10)
    assert model(torch.tensor([[50.0]])).item() == pytest.approx(10 * 2 * 0.5)
    two = Scaled(MaxMinNet(), 100, 100)
    y_max, y_min = two(torch.rand(3, 2))
    assert y_max.shape == y_min.shape == (3, 1)
    torch.save(model.state_dict(), tmp_path / "m.pt")
    fresh = Scaled(torch.nn.Linear(1, 1), 1, 1)
    fresh.load_state_dict(torch.load(tmp_path / "m.pt", weights_only=True))
    assert fresh.x_scale.item() == 100 and fresh.y_scale.item() == 10


@pytest.mark.parametrize("scales, name", [((0, 1), "x_scale"), ((1, -10), "y_scale"), ((1, float("nan")), "y_scale")])
def test_scaled_refuses_a_scale_that_is_not_positive(scales, name):
    with pytest.raises(ValueError, match=name):  # x / 0 would train on NaN without a word
        Scaled(torch.nn.Linear(1, 1), *scales)


def test_train_records_costs_errors_and_time():
    recipe = COURSE["square"].but(num_steps=30)
    run = train(lecture_net, helpers.sample_square, recipe, device="cpu", seed=1, evaluate=lambda m: 1.0, every=10)
    assert isinstance(run, Run) and len(run.costs) == len(run.step_seconds) == 30
    assert [step for step, _ in run.errors] == [10, 20, 30] and run.final_error == 1.0
    assert run.seconds == pytest.approx(sum(run.step_seconds)) and run.reached(1.0) == (10, sum(run.step_seconds[:10]))
    assert run.reached(0.5) is None
    assert isinstance(run.model, Scaled) and run.model(torch.zeros(4, 1)).shape == (4, 1)


def test_train_measures_the_last_step_even_off_the_grid():
    run = train(
        lecture_net, helpers.sample_sin, COURSE["sin"].but(num_steps=35), device="cpu", evaluate=lambda m: 1.0, every=10
    )
    assert [step for step, _ in run.errors] == [10, 20, 30, 35]


def test_sum_cost_is_batch_size_times_mean_cost():
    mean, total = (
        train(lecture_net, helpers.sample_sin, LECTURE.but(num_steps=1, mean=m), device="cpu", seed=2)
        for m in (True, False)
    )
    assert total.costs[0] == pytest.approx(100 * mean.costs[0], rel=1e-5)


def test_train_is_reproducible_and_seeds_differ():
    recipe = COURSE["sin"].but(num_steps=20)
    a, b, c = (run_task("sin", recipe, device="cpu", seed=s, every=20) for s in (3, 3, 4))
    assert a.costs == b.costs and a.costs != c.costs


def test_run_cache_returns_the_same_run_and_random_state(tmp_path, monkeypatch):
    recipe = COURSE["sin"].but(num_steps=20)
    monkeypatch.setenv("COURSE_RUN_CACHE", str(tmp_path))
    trained = run_task("sin", recipe, device="cpu", seed=5, every=10)
    after_training = torch.rand(3)
    assert len(list(tmp_path.glob("sin-*.pt"))) == 1 and not list(tmp_path.glob("*.part"))
    loaded = run_task("sin", recipe, device="cpu", seed=5, every=10)
    assert torch.equal(torch.rand(3), after_training)  # the global generator is where training leaves it
    assert (loaded.costs, loaded.errors, loaded.step_seconds) == (trained.costs, trained.errors, trained.step_seconds)
    x = torch.linspace(-10, 10, 7).unsqueeze(1)
    assert torch.equal(loaded.model(x), trained.model(x)) and loaded.model is not trained.model
    run_task("sin", recipe, device="cpu", seed=6, every=10)  # another seed (or recipe, or device): another file
    run_task("sin", recipe.but(lr=1e-2), device="cpu", seed=5, every=10)
    assert len(list(tmp_path.glob("sin-*.pt"))) == 3
    monkeypatch.delenv("COURSE_RUN_CACHE")
    again = run_task("sin", recipe, device="cpu", seed=5, every=10)  # no cache: trains, writes nothing
    assert again.costs == trained.costs and len(list(tmp_path.iterdir())) == 3


def test_two_heads_cost_is_the_sum_of_the_heads_costs():
    run = run_task("max_min", COURSE["max_min"].but(num_steps=3), device="cpu", seed=0, every=3)
    torch.manual_seed(0)
    net = MaxMinNet()
    X, Y = helpers.sample_max_min(100, generator=torch.Generator().manual_seed(0))
    y_max, y_min = net(X)
    expected = ((y_max - Y[:, :1]) ** 2).mean() + ((y_min - Y[:, 1:]) ** 2).mean()
    assert run.costs[0] == pytest.approx(expected.item(), rel=1e-5)


@pytest.mark.parametrize(
    "change, words", [({"lr": 0.0}, "lr"), ({"num_steps": 0}, "num_steps"), ({"optimizer": "adamw"}, "optimizer")]
)
def test_train_rejects_bad_recipes(change, words):
    with pytest.raises((ValueError, TypeError), match=words):
        train(lecture_net, helpers.sample_square, LECTURE.but(**change), device="cpu")


def test_run_task_rejects_unknown_names():
    with pytest.raises(ValueError, match="square"):
        run_task("cube", device="cpu")


def test_benchmark_prints_medians_ranges_and_a_table(capsys, monkeypatch):
    monkeypatch.setattr(
        sys,
        "argv",
        [
            "recipes.py",
            "--only",
            "square",
            "--seeds",
            "0-2",
            "--lecture-steps",
            "60",
            "--course-steps",
            "50",
            "--threads",
            "1",
        ],
    )
    runpy.run_path(str(ROOT / "benchmarks" / "recipes.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "CPU" in out and "torch" in out and "thread" in out and "seeds [0, 1, 2]" in out
    assert out.count("seed 2: final error") == 2  # both recipes, every seed
    assert "the lecture's median" in out and "speed-up" in out
    table = out.split("For the README:")[1]
    assert "| x² on [−100, 100] (max abs error) |" in table and table.count("[") >= 6


def test_benchmark_statistics():
    bench = runpy.run_path(str(ROOT / "benchmarks" / "recipes.py"))
    spread = bench["Spread"]([3.0, 1.0, float("inf"), 2.0, 5.0])
    assert spread.median == 3.0 and spread.text("{:.0f}") == "3 [1–—]" and spread.reached() == " (4/5 seeds)"
    speed = bench["ratios"]([10.0, 10.0, 10.0], [2.0, float("inf"), 5.0])
    assert speed.values == [5.0, 0.0, 2.0] and speed.text("{:g}", "×") == "×2 [—–×5]"
    assert bench["parse_seeds"]("0-4") == [0, 1, 2, 3, 4] and bench["parse_seeds"]("1,7") == [1, 7]
    assert bench["sig"](2564.2) == "2564" and bench["sig"](0.034567) == "0.0346"


def test_figures_draw_runs_fits_and_both_heads():
    run = run_task("square", COURSE["square"].but(num_steps=20), device="cpu", every=10)
    diverged = Run(run.model, errors=[(10, float("nan")), (20, float("nan"))])
    ax = plot_runs({"a": run, "b": diverged}, title="t", target=100)
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels[0] == "a" and "nan" in labels[1] and "100" in labels[2]
    assert show_fit(None, torch.zeros(3, 1), torch.zeros(3, 1), title="t") is None
    figure = show_fit(run.model, *helpers.fit_checks.square_points(), run.costs, title="t")
    assert len(figure.axes) == 3
    figure = show_max_min(Scaled(MaxMinNet(), 1, 1), *helpers.fit_checks.max_min_points(), [1.0, 0.5])
    assert len(figure.axes) == 3
    matplotlib.pyplot.close("all")
    with pytest.raises(ValueError, match="no errors"):
        plot_runs({"a": Run(run.model)}, title="t")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", list(COURSE))
def test_course_recipe_reaches_the_target_for_every_seed(name, seed):
    """One test per exercise and seed: they spread over the workers, and each reports as it finishes."""
    recipe = COURSE[name]
    error = run_task(name, recipe, device=helpers.get_device(), seed=seed, every=recipe.num_steps).final_error
    assert error <= TARGETS[name], f"{name}, seed {seed}: error {error:.3g} > target {TARGETS[name]:g}"
