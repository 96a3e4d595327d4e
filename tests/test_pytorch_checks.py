"""Notebook 04's checkers: right answers pass, stubs are ⏳, typical mistakes get the matching hint."""

from __future__ import annotations

import math
import signal
import time

import pytest
import torch
from torch import nn

from helpers import checks
from helpers.pytorch_checks import LECTURE_NET_PARAMETERS, check_build_model, check_train_step

needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM bounds need Linux or macOS")


# ---- build_model ---------------------------------------------------------------------------------


def good_model(device):
    return nn.Sequential(nn.Linear(1, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1)).to(device)


def stub_model(device):
    raise NotImplementedError()


def test_lecture_net_parameter_count() -> None:
    assert LECTURE_NET_PARAMETERS == 66_561 == sum(p.numel() for p in good_model("cpu").parameters())


def test_build_model_accepts_the_lecture_network() -> None:
    verdict = check_build_model(good_model, "cpu")
    assert verdict.status == "done" and "66,561 parameters" in verdict.message


def test_build_model_stub_is_todo() -> None:
    assert check_build_model(stub_model, "cpu").status == "todo"


@pytest.mark.parametrize(
    "build, words",
    [
        (
            lambda d: nn.Sequential(nn.Linear(1, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 1)),
            "layer 2 is Linear(256, 128)",
        ),
        (
            lambda d: nn.Sequential(nn.Linear(1, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 2)),
            "layer 4 is Linear(256, 2)",
        ),
        (
            lambda d: nn.Sequential(nn.Linear(256, 1), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(1, 256)),
            "layer 0 is Linear(256, 1)",
        ),
        (
            lambda d: nn.Sequential(nn.Linear(1, 256), nn.Linear(256, 256), nn.Linear(256, 1)),
            "layers are Linear(1, 256) →",
        ),
        (
            lambda d: nn.Sequential(nn.Linear(1, 256), nn.Sigmoid(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1)),
            "Sigmoid",
        ),
        (
            lambda d: nn.Sequential(
                nn.Linear(1, 256, bias=False), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1)
            ),
            "66,305 parameters",
        ),
        (lambda d: nn.Linear(1, 1), "expected an nn.Sequential"),
        (lambda d: None, "returned a NoneType"),
        (lambda d: [nn.Linear(1, 256)], "returned a list"),
        (lambda d: 1 / 0, "ZeroDivisionError"),
        (lambda: good_model("cpu"), "TypeError"),  # forgot the device argument
    ],
)
def test_build_model_mistakes_are_wrong(build, words: str) -> None:
    verdict = check_build_model(build, "cpu")
    assert verdict.status == "wrong" and words in verdict.message and verdict.hint


def test_build_model_nan_weights_are_wrong() -> None:
    def nan_model(device):
        model = good_model(device)
        with torch.no_grad():
            model[0].weight.fill_(math.nan)
        return model

    verdict = check_build_model(nan_model, "cpu")
    assert verdict.status == "wrong" and "NaN" in verdict.message


def frozen(device):
    return good_model(device).requires_grad_(False)


def first_layer_frozen(device):
    model = good_model(device)
    model[0].weight.requires_grad = False
    return model


@pytest.mark.parametrize("build, words", [(frozen, "0.weight"), (first_layer_frozen, "0.weight")])
def test_build_model_with_frozen_parameters_is_wrong(build, words) -> None:
    verdict = check_build_model(build, "cpu")
    assert verdict.status == "wrong" and "frozen" in verdict.message and words in verdict.message


@pytest.mark.parametrize("dtype", [torch.float64, torch.float16])
def test_build_model_in_another_float_type_is_told_so(dtype) -> None:
    """Issue 12: the hint was 'build it from nn layers only'."""
    verdict = check_build_model(lambda d: good_model(d).to(dtype), "cpu")
    assert verdict.status == "wrong" and str(dtype).removeprefix("torch.") in verdict.message
    assert "float32" in verdict.message and ".double()" in verdict.hint and "nn layers only" not in verdict.hint


class MyLinear(nn.Linear):
    """A subclass that behaves like nn.Linear."""


class DoubledLinear(nn.Linear):
    def forward(self, x):
        return 2 * super().forward(x)


def test_build_model_with_a_linear_subclass_is_judged_by_behaviour() -> None:
    """Issue 12: the message read 'layers are Linear(1, 256)… expected Linear(1, 256)…'."""
    same = check_build_model(
        lambda d: nn.Sequential(MyLinear(1, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1)), "cpu"
    )
    assert same.status == "done" and "MyLinear(1, 256)" in same.message
    changed = check_build_model(
        lambda d: nn.Sequential(DoubledLinear(1, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1)),
        "cpu",
    )
    assert changed.status == "wrong" and "not what its Linear and ReLU layers compute" in changed.message
    misplaced = check_build_model(
        lambda d: nn.Sequential(MyLinear(1, 256), nn.Linear(256, 256), nn.ReLU(), nn.ReLU(), nn.Linear(256, 1)), "cpu"
    )
    assert misplaced.status == "wrong" and misplaced.message.startswith(
        "layers are MyLinear(1, 256) → Linear(256, 256)"
    )


def test_build_model_refuses_a_device_this_machine_lacks() -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    with pytest.raises(ValueError, match="no CUDA GPU"):
        check_build_model(good_model, "cuda")
    with pytest.raises(ValueError, match="device must be"):
        check_build_model(good_model, "gpu")


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU")
def test_build_model_on_the_wrong_device_is_wrong() -> None:
    verdict = check_build_model(lambda d: good_model("cpu"), "cuda")
    assert verdict.status == "wrong" and ".to(device)" in verdict.hint
    assert check_build_model(good_model, "cuda").status == "done"


# ---- train_step ----------------------------------------------------------------------------------


def good_step(model, optimizer, X, y):
    cost = ((model(X) - y) ** 2).sum()
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    return cost.item()


def zero_grad_last(model, optimizer, X, y):
    cost = ((model(X) - y) ** 2).sum()
    cost.backward()
    optimizer.step()
    optimizer.zero_grad()
    return cost.item()


def stub_step(model, optimizer, X, y):
    raise NotImplementedError()


def no_zero_grad(model, optimizer, X, y):
    cost = ((model(X) - y) ** 2).sum()
    cost.backward()
    optimizer.step()
    return cost.item()


def uphill(model, optimizer, X, y):
    cost = ((model(X) - y) ** 2).sum()
    optimizer.zero_grad()
    (-cost).backward()
    optimizer.step()
    return cost.item()


def mean_cost(model, optimizer, X, y):
    cost = ((model(X) - y) ** 2).mean()
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    return cost.item()


def no_step(model, optimizer, X, y):
    cost = ((model(X) - y) ** 2).sum()
    optimizer.zero_grad()
    cost.backward()
    return cost.item()


def zero_grad_after_backward(model, optimizer, X, y):
    cost = ((model(X) - y) ** 2).sum()
    cost.backward()
    optimizer.zero_grad()
    optimizer.step()
    return cost.item()


def returns_tensor(model, optimizer, X, y):
    cost = ((model(X) - y) ** 2).sum()
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    return cost


def returns_nothing(model, optimizer, X, y):
    good_step(model, optimizer, X, y)


def returns_nan(model, optimizer, X, y):
    good_step(model, optimizer, X, y)
    return math.nan


def returns_cost_after_step(model, optimizer, X, y):
    good_step(model, optimizer, X, y)
    return ((model(X) - y) ** 2).sum().item()


def poisons_weights(model, optimizer, X, y):
    good_step(model, optimizer, X, y)
    with torch.no_grad():
        next(model.parameters()).fill_(math.nan)
    return 1.0


def raises(model, optimizer, X, y):
    return model(X.T)  # a shape mistake: (2, 4) into Linear(2, 3)


def test_train_step_accepts_zero_grad_first_or_last() -> None:
    assert check_train_step(good_step).status == "done"
    assert check_train_step(zero_grad_last).status == "done"


def test_train_step_stub_is_todo() -> None:
    assert check_train_step(stub_step).status == "todo"


@pytest.mark.parametrize(
    "step, words",
    [
        (no_zero_grad, "zero_grad"),
        (uphill, "uphill"),
        (mean_cost, ".mean()"),
        (no_step, "nothing moved"),
        (zero_grad_after_backward, "between backward and step"),
        (returns_tensor, "cost.item()"),
        (returns_nothing, "cost.item()"),
        (returns_nan, "cost.item()"),
        (returns_cost_after_step, "before optimizer.step()"),
        (poisons_weights, "NaN"),
        (raises, "fix the error"),
        ("not a function", "pass the function itself"),
    ],
)
def test_train_step_mistakes_get_their_hint(step, words: str) -> None:
    verdict = check_train_step(step)
    assert verdict.status == "wrong"
    assert words in verdict.hint or words in verdict.message, str(verdict)


def test_missing_zero_grad_is_caught_on_the_second_call() -> None:
    assert "call 2" in check_train_step(no_zero_grad).message


@pytest.mark.parametrize("lr", [0.01, 0.0123, 0.001])
def test_a_train_step_that_builds_its_own_optimizer_is_wrong(lr) -> None:
    """Issue 12: it got ✅ when its lr equalled the checker's."""

    def own_optimizer(model, optimizer, X, y):
        mine = torch.optim.SGD(model.parameters(), lr=lr)
        cost = ((model(X) - y) ** 2).sum()
        mine.zero_grad()
        cost.backward()
        mine.step()
        return cost.item()

    verdict = check_train_step(own_optimizer)
    assert verdict.status == "wrong" and "optimizer passed in" in verdict.message and "new optimizer" in verdict.hint


@pytest.mark.parametrize(
    "change",
    [
        lambda X, y, model: y.sub_(model(X).detach()),
        lambda X, y, model: y.mul_(1.0).add_(1.0),
        lambda X, y, model: X.clamp_(min=0),
    ],
)
def test_a_train_step_that_changes_its_data_in_place_is_wrong(change) -> None:
    """Issue 12: changing y in place got ✅ (the checker's own reference saw the same changed y)."""

    def in_place(model, optimizer, X, y):
        cost = good_step(model, optimizer, X, y)
        change(X, y, model)
        return cost

    verdict = check_train_step(in_place)
    assert verdict.status == "wrong" and "in place" in verdict.message, verdict


@needs_alarm
@pytest.mark.parametrize(
    "check, endless",
    [
        (check_build_model, lambda device: time.sleep(1e9)),
        (check_train_step, lambda model, optimizer, X, y: time.sleep(1e9)),
    ],
)
def test_endless_answers_are_stopped(monkeypatch, check, endless) -> None:
    monkeypatch.setitem(checks.SECONDS, "model", 0.2)
    verdict = check(endless)
    assert verdict.status == "wrong" and "did not return within 0.2 s — an endless loop?" in verdict.message
