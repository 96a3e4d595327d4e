"""The notebook-05 checkers: they run the learner's solve_* / save_and_load, print ONE verdict, return what is usable.

Most models here are exact functions (no training: fast); the mistakes the issue names (a diverged lr, a
raw-trained net wrapped in Scaled, an (N,) vs (N, 1) broadcast, no step) are trained for real, briefly.
"""

from __future__ import annotations

import copy
import math
import signal
import time

import pytest
import torch
from torch import nn

import helpers
from helpers import checks
from helpers.checks import CheckFailed, Verdict, latest_verdict
from helpers.fit_checks import (
    TARGETS,
    check_max_min,
    check_save_load,
    check_sin,
    check_square,
    max_min_error,
    max_min_errors,
    max_min_points,
    sin_error,
    sin_points,
    square_error,
    square_points,
)
from helpers.fit_plots import show_fit, show_max_min
from helpers.fit_recipes import MaxMinNet, Scaled, lecture_net

CPU = torch.device("cpu")
COSTS = [1.0, 0.5, 0.25, 0.1]
needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM bounds need Linux or macOS")


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COURSE_EXPECT", raising=False)
    monkeypatch.setattr(checks, "_judged", {})


class Fn(nn.Module):
    """A 'model' computing ``fn(x)``, with one parameter so that it has a device like a real model."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn
        self.unused = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return self.fn(x)


class ExactMaxMin(nn.Module):
    """Weights that compute (max, min) exactly: max = x2 + relu(x1 − x2), min = x1 − relu(x1 − x2) (x ≥ 0)."""

    def __init__(self, heads: str = "max,min"):
        super().__init__()
        self.layer = nn.Sequential(nn.Linear(2, 3, bias=False), nn.ReLU())
        self.max_layer = nn.Linear(3, 1, bias=False)
        self.min_layer = nn.Linear(3, 1, bias=False)
        with torch.no_grad():
            self.layer[0].weight.copy_(torch.tensor([[1.0, -1.0], [1.0, 0.0], [0.0, 1.0]]))  # x1 − x2, x1, x2
            self.max_layer.weight.copy_(torch.tensor([[1.0, 0.0, 1.0]]))
            self.min_layer.weight.copy_(torch.tensor([[-1.0, 1.0, 0.0]]))
        self.heads = heads.split(",")

    def forward(self, x):
        out = self.layer(x)
        pick = {"max": self.max_layer, "min": self.min_layer}
        return pick[self.heads[0]](out), pick[self.heads[1]](out)


def stub(*_):
    raise NotImplementedError()


def _verdicts(out: str) -> int:
    return sum(line[:1] in ("✅", "⏳", "❌") for line in out.splitlines())


def _printed(out: str) -> Verdict:
    """Return the one verdict in a checker's printed output (and assert there is exactly one)."""
    assert _verdicts(out) == 1, out  # one verdict, never a second one that contradicts it
    first, *rest = out.strip().splitlines()
    name, message = first[2:].split(": ", 1)
    status = {"✅": "done", "⏳": "todo", "❌": "wrong"}[first[0]]
    return Verdict(name, status, message, rest[0].strip().removeprefix("hint: ") if rest else "")


def judged(check, solve, capsys):
    """Run a checker; return (the verdict it printed, what it returned)."""
    returned = check(solve, CPU)
    verdict = _printed(capsys.readouterr().out)
    assert latest_verdict(solve) in (None, verdict)
    return verdict, returned


def returning(model, costs=COSTS):
    return lambda: (model, costs)


def square_on_unit(u):
    """u² on [−1, 1], continued by straight lines: what a net trained on x/100 does outside its data."""
    return torch.where(u.abs() <= 1, u**2, 2 * u.abs() - 1)


def solve_with(sample, wrap, scales=None, **mistakes):
    """Return a solver: the lecture's net (seed 0) trained by ``fit`` with ``mistakes``, in Scaled(net, *wrap)."""

    def solve():
        helpers.set_seed(0)
        net = lecture_net()
        return Scaled(net, *wrap), fit(net, sample, *(scales or wrap), **mistakes)

    return solve


def fit(net, sample, x_scale, y_scale, num_steps=300, lr=0.003, *, squeeze=False, step=True, optimizer_of=None):
    """The notebook's fit, with the mistakes of issue 12 as switches; returns the costs."""
    optimizer = torch.optim.Adam((optimizer_of or net).parameters(), lr=lr)
    costs = []
    for _ in range(num_steps):
        x, y = sample(100)
        out = net(x / x_scale)
        cost = (((out.squeeze() if squeeze else out) - y / y_scale) ** 2).mean()
        optimizer.zero_grad()
        cost.backward()
        if step:
            optimizer.step()
        costs.append(cost.item())
    return costs


# ---------------------------------------------------------------- fixed points and errors


def test_points_are_fixed_and_shaped():
    x, y = square_points()
    assert x.shape == y.shape == (201, 1) and x[0].item() == -100 and x[-1].item() == 100 and y[0].item() == 10_000
    x, y = sin_points()
    assert x.shape == (201, 1) and torch.allclose(y, torch.sin(x))
    X, Y = max_min_points()
    X2, _ = max_min_points()
    assert X.shape == Y.shape == (1000, 2) and torch.equal(X, X2)
    assert torch.equal(Y[:, 0], X.max(dim=1).values) and torch.equal(Y[:, 1], X.min(dim=1).values)


def test_error_functions():
    assert square_error(Fn(lambda x: x**2)) == 0
    assert square_error(Fn(lambda x: x**2 + 3)) == pytest.approx(3)
    assert sin_error(Fn(torch.sin)) == 0
    assert max_min_errors(ExactMaxMin()) == pytest.approx((0, 0), abs=1e-4)
    assert max_min_error(ExactMaxMin(heads="min,max")) > 20


@pytest.mark.parametrize(
    "measure, model",
    [
        (max_min_errors, Fn(lambda X: torch.cat([X.max(1, keepdim=True).values, X.min(1, keepdim=True).values], 1))),
        (max_min_errors, None),
        (square_error, Fn(lambda x: torch.cat([x, x], 1))),
        (sin_error, "not a model"),
    ],
)
def test_errors_of_a_missing_or_malformed_model_explain_instead_of_raising(measure, model, capsys):
    """Issue 12: a torch.cat (max, min) model made max_min_errors fail with 'too many values to unpack'."""
    result = measure(model)
    assert all(math.isnan(v) for v in (result if isinstance(result, tuple) else [result]))
    out = capsys.readouterr().out.strip()
    assert out.startswith("nothing to measure:") and len(out.splitlines()) == 1


# ---------------------------------------------------------------- x²


def test_square_correct_model_is_done_and_returned(capsys):
    model = Fn(lambda x: x**2 + 0.5 * torch.sin(x))
    verdict, (back, costs) = judged(check_square, returning(model), capsys)
    assert verdict.status == "done" and "0.5" in verdict.message and back is model and costs is COSTS


def test_square_stub_is_todo_and_returns_nothing(capsys):
    verdict, returned = judged(check_square, stub, capsys)
    assert verdict.status == "todo" and returned == (None, None)


@pytest.mark.parametrize(
    "solve, words",
    [
        (lambda: 1 / 0, "solve_square() raised ZeroDivisionError"),
        (lambda: Fn(lambda x: x**2), "expected (model, costs)"),
        (lambda: (None, COSTS), "expected a trained model"),
        (lambda: (Fn, COSTS), "expected a trained model"),
        (lambda: (Fn(lambda x: x**2).state_dict(), COSTS), "expected a trained model"),
        ("not a function", "expected a function"),
    ],
)
def test_square_solve_that_fails_gets_one_verdict_and_nothing_back(solve, words, capsys):
    """Issue 12: run_exercise printed ❌, then the checker printed '⏳ not done yet'."""
    verdict, returned = judged(check_square, solve, capsys)
    assert verdict.status == "wrong" and words in verdict.message and returned == (None, None), verdict


@pytest.mark.parametrize(
    "fn, words",
    [
        (lambda x: (x**2).reshape(-1), ("shape (201,)", "broadcasts")),
        (lambda x: torch.cat([x, x], dim=1), ("shape (201, 2)", "Linear(256, 1)")),
        (lambda x: (x**2, x), ("tuple", "one tensor")),
        (lambda x: (x**2).tolist(), ("list", ".tolist()")),
        (lambda x: (x**2).numpy(), ("ndarray", "tensor")),
    ],
)
def test_square_wrong_output_shapes_are_not_handed_to_the_plots(fn, words, capsys):
    """Issue 12: a Linear(256, 2) model broke show_fit with a broadcast error."""
    verdict, returned = judged(check_square, returning(Fn(fn)), capsys)
    assert verdict.status == "wrong" and all(word in str(verdict) for word in words), verdict
    assert returned == (None, None)
    assert show_fit(None, *square_points(), None, title="x²") is None  # the cell after explains in one line
    assert "nothing to plot" in capsys.readouterr().out


@pytest.mark.parametrize("fn", [lambda x: x * math.nan, lambda x: x / torch.zeros_like(x) * 0 + x**2 * math.inf])
def test_square_nan_model_is_wrong(fn, capsys):
    verdict, _ = judged(check_square, returning(Fn(fn)), capsys)
    assert verdict.status == "wrong" and "NaN or inf" in verdict.message and "diverged" in verdict.hint


def test_square_raising_forward(capsys):
    def broken(x):
        raise ValueError("mat1 and mat2 shapes cannot be multiplied")

    verdict, returned = judged(check_square, returning(Fn(broken)), capsys)
    assert verdict.status == "wrong" and "ValueError" in verdict.message and returned == (None, None)


def test_square_model_on_another_device(capsys):
    verdict, returned = judged(check_square, returning(Fn(lambda x: x**2).to("meta")), capsys)
    assert verdict.status == "wrong" and "meta" in verdict.message and "model.to(device)" in verdict.hint
    assert returned == (None, None)


def test_square_plain_function_without_parameters_is_accepted(capsys):
    verdict, _ = judged(check_square, returning(lambda x: x**2), capsys)
    assert verdict.status == "done"


def test_square_untrained_model_never_stepped(capsys):
    torch.manual_seed(0)
    for model in (lecture_net(), Scaled(lecture_net(), 100, 10_000)):
        verdict, (back, _) = judged(check_square, returning(model), capsys)
        assert verdict.status == "wrong" and "never ran optimizer.step()" in verdict.message, verdict
        assert back is model  # right shapes: the plot below can still show it


def test_square_model_on_scaled_numbers(capsys):
    verdict, _ = judged(check_square, returning(Fn(square_on_unit)), capsys)  # expects x/100, returns y/10⁴
    assert verdict.status == "wrong" and "rescaled" in verdict.message and "Scaled(net, 100, 10000)" in verdict.hint


def test_square_model_without_output_scaling(capsys):
    verdict, _ = judged(check_square, returning(Fn(lambda x: x**2 / 10_000)), capsys)
    assert verdict.status == "wrong" and "y / 10000 out" in verdict.message and "multiply" in verdict.hint


def test_square_not_accurate_enough_is_still_returned(capsys):
    model = Fn(lambda x: x**2 + 1.5 * TARGETS["square"])
    verdict, (back, costs) = judged(check_square, returning(model), capsys)
    assert verdict.status == "wrong" and "target" in verdict.message and "150" in verdict.message
    assert back is model and costs is COSTS


@pytest.mark.parametrize(
    "costs, words",
    [
        (None, "return costs"),
        ([torch.tensor(1.0, requires_grad=True) * 2], "cost.item()"),
        ([], "one per step"),
        ("low", "one per step"),
    ],
)
def test_square_costs_that_cannot_be_plotted_are_wrong(costs, words, capsys):
    model = Fn(lambda x: x**2)
    verdict, (back, back_costs) = judged(check_square, returning(model, costs), capsys)
    assert verdict.status == "wrong" and words in str(verdict) and back is model and back_costs is None


def test_square_lr_too_large_is_diagnosed(capsys):
    """Issue 12: a diverged lr = 1.0 was told 'as if the model never trained: does the loop call optimizer.step()?'."""
    solve = solve_with(helpers.sample_square, (100, 10_000), num_steps=100, lr=1.0)
    verdict, _ = judged(check_square, solve, capsys)
    assert verdict.status == "wrong" and "exploded" in verdict.message and "lr = 1.0" in verdict.hint, verdict
    assert "optimizer.step()" not in verdict.hint


def test_square_raw_net_wrapped_in_scaled_is_diagnosed(capsys):
    """Issue 12: a net trained on raw numbers, then wrapped in Scaled, was told 'never trained'."""
    verdict, _ = judged(check_square, solve_with(helpers.sample_square, (100, 10_000), (1, 1), num_steps=600), capsys)
    assert verdict.status == "wrong" and "trained on raw x and y" in verdict.message, verdict
    assert "x_scale=100, y_scale=10000" in verdict.hint


def test_square_broadcast_cost_is_diagnosed(capsys):
    """Issue 12: an (N,) vs (N, 1) cost (the net learns the mean) was told 'never trained'."""
    verdict, _ = judged(check_square, solve_with(helpers.sample_square, (100, 10_000), squeeze=True), capsys)
    assert verdict.status == "wrong" and "the same value everywhere" in verdict.message and "(N, N)" in verdict.hint


def test_square_optimizer_on_another_net_is_diagnosed(capsys):
    solve = solve_with(helpers.sample_square, (100, 10_000), num_steps=20, optimizer_of=lecture_net())
    verdict, _ = judged(check_square, solve, capsys)
    assert verdict.status == "wrong" and "not the returned model's" in verdict.message, verdict


def test_square_loop_without_step_is_diagnosed(capsys):
    verdict, _ = judged(
        check_square, solve_with(helpers.sample_square, (100, 10_000), num_steps=20, step=False), capsys
    )
    assert verdict.status == "wrong" and "never ran optimizer.step()" in verdict.message


def test_checkers_never_raise_and_print_one_verdict(capsys):
    for checker in (check_square, check_sin, check_max_min):
        for solve in (stub, returning(Fn(stub)), returning(Fn(lambda x: "nonsense")), returning(object()), lambda: 42):
            judged(checker, solve, capsys)


def test_expectation_still_fails_a_surprising_verdict(monkeypatch):
    monkeypatch.setenv("COURSE_EXPECT", "done")
    with pytest.raises(CheckFailed):
        check_square(stub, CPU)
    monkeypatch.setenv("COURSE_EXPECT", "todo")
    assert check_square(stub, CPU) == (None, None)


def test_a_bad_device_argument_is_refused():
    with pytest.raises(ValueError, match="device must be"):
        check_square(stub, "gpu")


@needs_alarm
def test_an_endless_training_loop_is_stopped(monkeypatch, capsys):
    monkeypatch.setitem(checks.SECONDS, "training", 0.3)
    verdict, returned = judged(check_square, lambda: time.sleep(1e9), capsys)
    assert (
        verdict.status == "wrong" and "solve_square() did not return within 0.3 s — an endless loop?" in verdict.message
    )
    assert returned == (None, None)


@needs_alarm
def test_an_endless_forward_is_stopped(monkeypatch, capsys):
    monkeypatch.setitem(checks.SECONDS, "model", 0.3)

    def forever(x):
        while True:
            pass

    verdict, _ = judged(check_sin, returning(Fn(forever)), capsys)
    assert verdict.status == "wrong" and "did not return within 0.3 s" in verdict.message


# ---------------------------------------------------------------- sin x


def test_sin_correct_and_typical_mistakes(capsys):
    assert judged(check_sin, returning(Fn(torch.sin)), capsys)[0].status == "done"
    assert judged(check_sin, returning(Fn(stub)), capsys)[0].status == "todo"
    scaled, _ = judged(check_sin, returning(Fn(lambda u: torch.sin(10 * u))), capsys)  # expects x/10
    assert scaled.status == "wrong" and "x / 10 in" in scaled.message and "Scaled(net, 10, 1)" in scaled.hint
    close, _ = judged(check_sin, returning(Fn(lambda x: torch.sin(x) + 0.15)), capsys)
    assert close.status == "wrong" and "target ≤ 0.1" in close.message


def test_sin_lr_too_large_is_diagnosed(capsys):
    verdict, _ = judged(check_sin, solve_with(helpers.sample_sin, (10, 1), num_steps=100, lr=1.0), capsys)
    assert verdict.status == "wrong" and "exploded" in verdict.message and "lr = 1.0" in verdict.hint


def test_sin_broadcast_cost_is_diagnosed(capsys):
    verdict, _ = judged(check_sin, solve_with(helpers.sample_sin, (10, 1), squeeze=True), capsys)
    assert verdict.status == "wrong" and "the same value everywhere" in verdict.message


# ---------------------------------------------------------------- (max, min)


def test_max_min_exact_model_is_done(capsys):
    verdict, (model, _) = judged(check_max_min, returning(ExactMaxMin()), capsys)
    assert verdict.status == "done" and "max head" in verdict.message and "min head" in verdict.message
    assert show_max_min(model, *max_min_points(), COSTS) is not None


@pytest.mark.parametrize(
    "heads, words", [("min,max", "swapped"), ("min,min", "both heads predict the minimum"), ("max,max", "maximum")]
)
def test_max_min_head_mix_ups(heads, words, capsys):
    verdict, _ = judged(check_max_min, returning(ExactMaxMin(heads=heads)), capsys)
    assert verdict.status == "wrong" and words in verdict.message


def test_max_min_untrained(capsys):
    torch.manual_seed(0)
    verdict, _ = judged(check_max_min, returning(MaxMinNet()), capsys)
    assert verdict.status == "wrong" and "never ran optimizer.step()" in verdict.message


@pytest.mark.parametrize(
    "fn, words",
    [
        (lambda X: torch.stack([X.max(1).values, X.min(1).values], 1), "expected two"),
        (lambda X: torch.cat([X.max(1, keepdim=True).values, X.min(1, keepdim=True).values], 1), "expected two"),
        (lambda X: (X.max(1).values, X.min(1).values), "(1000,)"),
    ],
)
def test_max_min_malformed_outputs_are_not_handed_on(fn, words, capsys):
    verdict, returned = judged(check_max_min, returning(Fn(fn)), capsys)
    assert verdict.status == "wrong" and words in verdict.message and returned == (None, None)


def test_max_min_model_on_scaled_numbers(capsys):
    def on_unit(U):  # right on [0, 1]², clipped beyond: what a net trained on X/100 does with raw X
        U = U.clamp(max=1)
        return U.max(1, keepdim=True).values, U.min(1, keepdim=True).values

    verdict, _ = judged(check_max_min, returning(Fn(on_unit)), capsys)
    assert verdict.status == "wrong" and "rescaled" in verdict.message


def test_max_min_stub_and_nan(capsys):
    assert judged(check_max_min, returning(Fn(stub)), capsys)[0].status == "todo"
    verdict, _ = judged(check_max_min, returning(Fn(lambda X: (X[:, :1] * math.nan, X[:, 1:]))), capsys)
    assert verdict.status == "wrong" and "NaN" in verdict.message


# ---------------------------------------------------------------- save and load


@pytest.fixture
def trained() -> nn.Module:
    torch.manual_seed(0)
    return Scaled(lecture_net(), 10, 1)


def right(model, path):
    torch.save(model.state_dict(), path)
    fresh = Scaled(lecture_net(), 10, 1)
    fresh.load_state_dict(torch.load(path, weights_only=True, map_location=CPU))
    return fresh


def save_load(trained, fn, path, capsys):
    loaded = check_save_load(fn, trained, path, CPU)
    return _printed(capsys.readouterr().out), loaded


def test_save_load_right_answer(trained, tmp_path, capsys):
    verdict, loaded = save_load(trained, right, tmp_path / "sin.pt", capsys)
    assert verdict.status == "done" and isinstance(loaded, nn.Module) and loaded is not trained
    verdict, _ = save_load(trained, right, str(tmp_path / "again.pt"), capsys)
    assert verdict.status == "done"


def test_save_load_without_a_trained_model_or_with_a_stub_is_todo(trained, tmp_path, capsys):
    verdict, loaded = save_load(None, right, tmp_path / "sin.pt", capsys)
    assert verdict.status == "todo" and "exercise 2" in verdict.message and loaded is None
    assert save_load(trained, stub, tmp_path / "sin.pt", capsys)[0].status == "todo"


def test_save_load_that_never_saves_fails_even_with_an_old_file(trained, tmp_path, capsys):
    """Issue 12: returning copy.deepcopy(model) got ✅ when an earlier run had left the file."""
    path = tmp_path / "sin.pt"
    right(trained, path)  # an earlier run's file
    verdict, _ = save_load(trained, lambda model, path: copy.deepcopy(model), path, capsys)
    assert verdict.status == "wrong" and "no file" in verdict.message


def whole_model(model, path):
    torch.save(model, path)
    return torch.load(path, weights_only=False)


def unsafe_load(model, path):
    torch.save(model.state_dict(), path)
    fresh = Scaled(lecture_net(), 10, 1)
    fresh.load_state_dict(torch.load(path, weights_only=False))
    return fresh


def default_load(model, path):
    torch.save(model.state_dict(), path)
    fresh = Scaled(lecture_net(), 10, 1)
    fresh.load_state_dict(torch.load(path))
    return fresh


def saves_but_never_loads(model, path):
    torch.save(model.state_dict(), path)
    fresh = Scaled(lecture_net(), 10, 1)
    fresh.load_state_dict(model.state_dict())
    return fresh


def returns_state_dict(model, path):
    torch.save(model.state_dict(), path)
    return torch.load(path, weights_only=True)


def float64(model, path):
    torch.save(model.state_dict(), path)
    fresh = Scaled(lecture_net(), 10, 1).double()
    fresh.load_state_dict(torch.load(path, weights_only=True))
    return fresh


class Pair(nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Scaled(lecture_net(), 10, 1)

    def forward(self, x):
        return self.inner(x), x


def returns_a_tuple_model(model, path):
    torch.save(model.state_dict(), path)
    fresh = Pair()
    fresh.inner.load_state_dict(torch.load(path, weights_only=True))
    return fresh


def saves_an_untrained_model(model, path):
    fresh = Scaled(lecture_net(), 10, 1)
    torch.save(fresh.state_dict(), path)
    fresh.load_state_dict(torch.load(path, weights_only=True))
    return fresh


def returns_another_fresh_model(model, path):
    right(model, path)
    return Scaled(lecture_net(), 10, 1)


@pytest.mark.parametrize(
    "fn, words, usable",
    [
        (whole_model, "weights_only=True", False),  # issue 12: a whole-model pickle got ✅
        (unsafe_load, "without weights_only=True", True),
        (default_load, "without weights_only=True", True),
        (saves_but_never_loads, "never called torch.load", True),
        (returns_state_dict, "state_dict, not a model", False),  # issue 12: broke the next cell
        (lambda model, path: right(model, path) and model, "shares its weights", False),
        (float64, "float64", False),  # issue 12: was told 'load with map_location'
        (returns_a_tuple_model, "expected one tensor", False),  # issue 12: the checker itself raised TypeError
        (saves_an_untrained_model, "does not hold the trained model's state_dict", False),
        (returns_another_fresh_model, "does not hold the weights in the file", True),
        (lambda model, path: 1 / 0, "ZeroDivisionError", False),
    ],
)
def test_save_load_mistakes(trained, tmp_path, capsys, fn, words, usable):
    verdict, loaded = save_load(trained, fn, tmp_path / "sin.pt", capsys)
    assert verdict.status == "wrong" and words in str(verdict), verdict
    assert (loaded is not None) == usable
    if loaded is not None:
        assert show_fit(loaded, *sin_points(), None, title="sin") is not None


def test_save_load_refuses_a_bad_path(trained):
    with pytest.raises(TypeError, match="path must be a file path"):
        check_save_load(right, trained, None, CPU)


@needs_alarm
def test_save_load_endless_is_stopped(trained, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(checks.SECONDS, "model", 0.3)
    verdict, loaded = save_load(trained, lambda model, path: time.sleep(1e9), tmp_path / "sin.pt", capsys)
    assert verdict.status == "wrong" and "did not return within 0.3 s" in verdict.message and loaded is None
    assert torch.load is not None and torch.load.__name__ == "load"  # the watch on torch.load is gone
