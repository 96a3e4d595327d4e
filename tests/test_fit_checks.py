"""The notebook-05 checkers on exact, untrained and typically wrong models (no training: fast)."""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from helpers.fit_checks import (TARGETS, check_max_min, check_sin, check_square, max_min_error, max_min_errors,
                                max_min_points, sin_error, sin_points, square_error, square_points)
from helpers.fit_recipes import MaxMinNet, Scaled, lecture_net

CPU = torch.device("cpu")


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

    def __init__(self, swap: bool = False, heads: str = "max,min"):
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


def stub(x):
    raise NotImplementedError()


def square_on_unit(u):
    """u² on [−1, 1], continued by straight lines: what a net trained on x/100 does outside its data."""
    return torch.where(u.abs() <= 1, u**2, 2 * u.abs() - 1)


def status(verdict) -> str:
    return verdict.status


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


# ---------------------------------------------------------------- x²

def test_square_correct_model_is_done():
    verdict = check_square(Fn(lambda x: x**2 + 0.5 * torch.sin(x)), CPU)
    assert status(verdict) == "done" and "0.5" in verdict.message


@pytest.mark.parametrize("model", [None, Fn(stub)])
def test_square_unsolved_is_todo(model):
    assert status(check_square(model, CPU)) == "todo"


def test_square_untrained_models():
    torch.manual_seed(0)
    for model in (lecture_net(), Scaled(lecture_net(), 100, 10_000)):
        verdict = check_square(model, CPU)
        assert status(verdict) == "wrong" and "never trained" in verdict.message, verdict


def test_square_model_on_scaled_numbers():
    verdict = check_square(Fn(square_on_unit), CPU)  # expects x/100, returns y/10⁴
    assert status(verdict) == "wrong" and "scaled" in verdict.message and "Scaled(net, 100, 10000)" in verdict.hint


def test_square_model_without_output_scaling():
    verdict = check_square(Fn(lambda x: x**2 / 10_000), CPU)  # takes raw x but still returns y/10⁴
    assert status(verdict) == "wrong" and "y / 10000 out" in verdict.message and "multiply" in verdict.hint


def test_square_not_accurate_enough():
    verdict = check_square(Fn(lambda x: x**2 + 1.5 * TARGETS["square"]), CPU)
    assert status(verdict) == "wrong" and "target" in verdict.message and "150" in verdict.message


@pytest.mark.parametrize("fn, words", [
    (lambda x: (x**2).reshape(-1), ("shape (201,)", "broadcasts")),
    (lambda x: torch.cat([x, x], dim=1), ("shape (201, 2)", "Linear(256, 1)")),
    (lambda x: (x**2, x), ("tuple", "one tensor")),
    (lambda x: (x**2).tolist(), ("list", ".tolist()")),
    (lambda x: (x**2).numpy(), ("ndarray", "tensor")),
    (lambda x: x * math.nan, ("NaN", "diverged")),
    (lambda x: x / torch.zeros_like(x) * 0 + x**2 * math.inf, ("NaN or inf", "")),
])
def test_square_wrong_outputs(fn, words):
    verdict = check_square(Fn(fn), CPU)
    assert status(verdict) == "wrong"
    text = str(verdict)
    assert all(word in text for word in words), text


def test_square_raising_forward():
    def broken(x):
        raise ValueError("mat1 and mat2 shapes cannot be multiplied")
    verdict = check_square(Fn(broken), CPU)
    assert status(verdict) == "wrong" and "ValueError" in verdict.message and "(201, 1)" in verdict.hint


def test_square_model_on_another_device():
    model = Fn(lambda x: x**2).to("meta")
    verdict = check_square(model, CPU)
    assert status(verdict) == "wrong" and "meta" in verdict.message and "model.to(device)" in verdict.hint


def test_square_not_a_model():
    verdict = check_square(42, CPU)
    assert status(verdict) == "wrong" and "int" in verdict.message


def test_square_plain_function_without_parameters_is_accepted():
    assert status(check_square(lambda x: x**2, CPU)) == "done"


def test_checkers_never_raise_under_expectation(monkeypatch):
    monkeypatch.delenv("COURSE_EXPECT", raising=False)
    for checker in (check_square, check_sin, check_max_min):
        for model in (None, Fn(stub), Fn(lambda x: "nonsense"), object()):
            checker(model, CPU)


# ---------------------------------------------------------------- sin x

def test_sin_correct_and_typical_mistakes():
    assert status(check_sin(Fn(torch.sin), CPU)) == "done"
    assert status(check_sin(Fn(stub), CPU)) == "todo"
    scaled = check_sin(Fn(lambda u: torch.sin(10 * u)), CPU)  # expects x/10
    assert status(scaled) == "wrong" and "x / 10 in" in scaled.message and "Scaled(net, 10, 1)" in scaled.hint
    torch.manual_seed(0)
    untrained = check_sin(Scaled(lecture_net(), 10, 1), CPU)
    assert status(untrained) == "wrong" and "never trained" in untrained.message
    close = check_sin(Fn(lambda x: torch.sin(x) + 0.15), CPU)
    assert status(close) == "wrong" and "target ≤ 0.1" in close.message


# ---------------------------------------------------------------- (max, min)

def test_max_min_exact_model_is_done():
    verdict = check_max_min(ExactMaxMin(), CPU)
    assert status(verdict) == "done" and "max head" in verdict.message and "min head" in verdict.message


def test_max_min_swapped_heads():
    verdict = check_max_min(ExactMaxMin(heads="min,max"), CPU)
    assert status(verdict) == "wrong" and "swapped" in verdict.message


def test_max_min_lecture_bug_both_heads_on_min():
    verdict = check_max_min(ExactMaxMin(heads="min,min"), CPU)
    assert status(verdict) == "wrong" and "both heads predict the minimum" in verdict.message
    assert "lecture" in verdict.hint


def test_max_min_both_heads_on_max():
    verdict = check_max_min(ExactMaxMin(heads="max,max"), CPU)
    assert status(verdict) == "wrong" and "maximum" in verdict.message


def test_max_min_untrained():
    torch.manual_seed(0)
    verdict = check_max_min(MaxMinNet(), CPU)
    assert status(verdict) == "wrong" and "never trained" in verdict.message


def test_max_min_one_tensor_instead_of_two():
    verdict = check_max_min(Fn(lambda X: torch.stack([X.max(1).values, X.min(1).values], 1)), CPU)
    assert status(verdict) == "wrong" and "expected two" in verdict.message


def test_max_min_head_shape():
    verdict = check_max_min(Fn(lambda X: (X.max(1).values, X.min(1).values)), CPU)
    assert status(verdict) == "wrong" and "(1000,)" in verdict.message


def test_max_min_model_on_scaled_numbers():
    def on_unit(U):  # right on [0, 1]², clipped beyond: what a net trained on X/100 does with raw X
        U = U.clamp(max=1)
        return U.max(1, keepdim=True).values, U.min(1, keepdim=True).values
    verdict = check_max_min(Fn(on_unit), CPU)
    assert status(verdict) == "wrong" and "scaled" in verdict.message


def test_max_min_stub_and_nan():
    assert status(check_max_min(Fn(stub), CPU)) == "todo"
    verdict = check_max_min(Fn(lambda X: (X[:, :1] * math.nan, X[:, 1:])), CPU)
    assert status(verdict) == "wrong" and "NaN" in verdict.message


# ---------------------------------------------------------------- save and load

def test_save_load_checker(tmp_path):
    from helpers.fit_checks import check_save_load
    torch.manual_seed(0)
    model = Scaled(lecture_net(), 10, 1)
    path = tmp_path / "sin.pt"
    torch.save(model.state_dict(), path)
    fresh = Scaled(lecture_net(), 10, 1)
    fresh.load_state_dict(torch.load(path, weights_only=True, map_location=CPU))
    assert status(check_save_load(model, fresh, path, CPU)) == "done"
    assert status(check_save_load(model, None, path, CPU)) == "todo"
    assert "same model" in check_save_load(model, model, path, CPU).message
    assert "no file" in check_save_load(model, fresh, tmp_path / "missing.pt", CPU).message
    assert "differ" in check_save_load(model, Scaled(lecture_net(), 10, 1), path, CPU).message
    assert "shares" in check_save_load(model, Scaled(model.net, 10, 1), path, CPU).message
    assert status(check_save_load(model, fresh, str(path), CPU)) == "done"
