"""Notebook 02's checkers on right, unsolved, typically wrong, raising and NaN answers."""

from __future__ import annotations

import math
import signal
import time

import numpy as np
import pytest
import torch

from helpers import POINTS, checks
from helpers.descent_checks import as_pair, check_descent_step, check_gradient, line_gradient


def gradient(a, b, points):
    da = db = 0
    for x, y in points:
        da += 2 * (a * x + b - y) * x
        db += 2 * (a * x + b - y)
    return da, db


def descent_step(a, b, points, lr):
    da, db = gradient(a, b, points)
    return a - lr * da, b - lr * db


def stub(*_):
    raise NotImplementedError()


def test_numerical_gradient_at_the_lectures_start() -> None:
    assert line_gradient(0, 0, POINTS["fit"]) == pytest.approx((-200, -38), rel=1e-9)


@pytest.mark.parametrize(
    "value, expected",
    [
        ((1, 2), (1.0, 2.0)),
        ([1.5, -2], (1.5, -2.0)),
        (np.array([1.0, 2.0]), (1.0, 2.0)),
        (torch.tensor([1.0, 2.0]), (1.0, 2.0)),
        ((torch.tensor(1.0), np.float64(2)), (1.0, 2.0)),
        (3.0, None),
        ((1, 2, 3), None),
        (None, None),
        (("1", 2), None),
        (np.zeros((2, 2)), None),
    ],
)
def test_as_pair(value, expected) -> None:
    assert as_pair(value) == expected


# ---- check_gradient


@pytest.mark.parametrize(
    "answer",
    [
        gradient,
        lambda a, b, points: np.array(gradient(a, b, points)),
        lambda a, b, points: torch.tensor(gradient(a, b, points), dtype=torch.float64),
        lambda a, b, points: list(gradient(a, b, points)),
    ],
)
def test_gradient_right_answers_pass(answer) -> None:
    verdict = check_gradient(answer)
    assert verdict.status == "done" and "✅" in str(verdict)


def gradient32(a, b, points, to=np.float32):
    """The right formula computed in float32 (NumPy), as a learner may."""
    a, b, da, db = to(a), to(b), to(0), to(0)
    for x, y in points:
        da += to(2) * (a * to(x) + b - to(y)) * to(x)
        db += to(2) * (a * to(x) + b - to(y))
    return da, db


def gradient_torch32(a, b, points):
    x, y = (torch.tensor(v, dtype=torch.float32) for v in zip(*points))
    a, b = torch.tensor(a, dtype=torch.float32), torch.tensor(b, dtype=torch.float32)
    error = a * x + b - y
    return (2 * error * x).sum(), (2 * error).sum()


@pytest.mark.parametrize("answer", [gradient32, gradient_torch32])
def test_gradient_in_float32_passes(answer) -> None:
    """Issue 12: at the minimum float32 gives ~1e-5 where float64 gives ~1e-11; both are right."""
    verdict = check_gradient(answer)
    assert verdict.status == "done", verdict


def test_step_in_float32_passes() -> None:
    def step32(a, b, points, lr):
        da, db = gradient_torch32(a, b, points)
        return (torch.tensor(a, dtype=torch.float32) - lr * da).item(), (
            torch.tensor(b, dtype=torch.float32) - lr * db
        ).item()

    assert check_descent_step(step32).status == "done"


def test_gradient_stub_is_todo() -> None:
    verdict = check_gradient(stub)
    assert verdict.status == "todo" and str(verdict).startswith("⏳ gradient: not done yet")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda a, b, p: gradient(a, b, p)[::-1], "order"),
        (lambda a, b, p: tuple(-g for g in gradient(a, b, p)), "sign"),
        (lambda a, b, p: tuple(g / 2 for g in gradient(a, b, p)), "factor 2"),
        (lambda a, b, p: (gradient(a, b, p)[1], gradient(a, b, p)[1]), "factor x"),
        (lambda a, b, p: (gradient(a, b, p)[0], 0.0), "Σ 2·(a·x + b − y)"),
        (lambda a, b, p: gradient(a, b, p[:1]), "Σ 2·(a·x + b − y)"),  # only the first point
    ],
)
def test_gradient_typical_mistakes_get_a_hint(answer, hint) -> None:
    verdict = check_gradient(answer)
    assert verdict.status == "wrong" and hint in verdict.hint, str(verdict)
    assert "numerical derivative" in verdict.message


def test_gradient_exception_is_reported_with_its_input() -> None:
    verdict = check_gradient(lambda a, b, points: 1 / 0)
    assert verdict.status == "wrong"
    assert "gradient(0, 0, POINTS['fit']) raised ZeroDivisionError" in verdict.message


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda a, b, p: (math.nan, math.nan), "NaN"),
        (lambda a, b, p: (math.inf, 0.0), "NaN or inf"),
        (lambda a, b, p: None, "pair"),
        (lambda a, b, p: -200.0, "pair"),
        (lambda a, b, p: "(-200, -38)", "pair"),
    ],
)
def test_gradient_unusable_results_are_explained(answer, words) -> None:
    verdict = check_gradient(answer)
    assert verdict.status == "wrong" and words in str(verdict)


def test_gradient_not_a_function() -> None:
    assert check_gradient(None).status == "wrong"


# ---- check_descent_step


def test_step_right_answer_passes() -> None:
    verdict = check_descent_step(descent_step)
    assert verdict.status == "done" and "(0.2, 0.038)" in verdict.message


def test_step_stub_is_todo() -> None:
    assert check_descent_step(stub).status == "todo"


def test_step_with_an_unsolved_gradient_is_todo() -> None:
    def step_using_stub(a, b, points, lr):
        da, db = stub(a, b, points)
        return a - lr * da, b - lr * db

    assert check_descent_step(step_using_stub).status == "todo"


def sequential(a, b, points, lr):
    a = a - lr * gradient(a, b, points)[0]
    return a, b - lr * gradient(a, b, points)[1]


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda a, b, p, lr: (a + lr * gradient(a, b, p)[0], b + lr * gradient(a, b, p)[1]), "against"),
        (lambda a, b, p, lr: (a - lr * gradient(a, b, p)[1], b - lr * gradient(a, b, p)[1]), "lecture"),
        (lambda a, b, p, lr: gradient(a, b, p), "not the gradient"),
        (lambda a, b, p, lr: (-lr * gradient(a, b, p)[0], -lr * gradient(a, b, p)[1]), "not only the change"),
        (sequential, "old (a, b)"),
        (lambda a, b, p, lr: (a - lr * gradient(a, b, p)[0], b), "new b"),
    ],
)
def test_step_typical_mistakes_get_a_hint(answer, hint) -> None:
    verdict = check_descent_step(answer)
    assert verdict.status == "wrong" and hint in verdict.hint, str(verdict)


def test_step_returning_one_number_is_told_to_return_the_new_pair() -> None:
    """Issue 12: the hint used to say `return dcost_da, dcost_db`, i.e. the gradient."""
    verdict = check_descent_step(lambda a, b, p, lr: a - lr * gradient(a, b, p)[0])
    assert verdict.status == "wrong" and "expected a pair" in verdict.message
    assert "new a and the new b" in verdict.hint and "return dcost_da, dcost_db" not in verdict.hint


def test_gradient_returning_one_number_is_told_to_return_both_derivatives() -> None:
    verdict = check_gradient(lambda a, b, p: gradient(a, b, p)[0])
    assert verdict.status == "wrong" and "return dcost_da, dcost_db" in verdict.hint


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM bounds need Linux or macOS")
@pytest.mark.parametrize(
    "check, endless",
    [
        (check_gradient, lambda a, b, p: time.sleep(1e9)),
        (check_descent_step, lambda a, b, p, lr: time.sleep(1e9)),
        (check_gradient, lambda a, b, p: [0 for _ in iter(int, 1)]),  # an endless loop in a comprehension
    ],
)
def test_an_endless_answer_is_stopped(monkeypatch, check, endless) -> None:
    monkeypatch.setitem(checks.SECONDS, "formula", 0.2)
    started = time.monotonic()
    verdict = check(endless)
    assert verdict.status == "wrong" and "did not return within 0.2 s — an endless loop?" in verdict.message
    assert time.monotonic() - started < 3


def test_step_exception_and_nan_are_reported() -> None:
    raising = check_descent_step(lambda a, b, p, lr: [][0])
    assert raising.status == "wrong" and "raised IndexError" in raising.message and "lr=0.001" in raising.message
    nan = check_descent_step(lambda a, b, p, lr: (float("nan"), b))
    assert nan.status == "wrong" and "nan" in nan.message


def test_learner_cannot_change_the_checkers_points() -> None:
    def clearing(a, b, points, lr):
        result = descent_step(a, b, points, lr)
        points.clear()
        return result

    assert check_descent_step(clearing).status == "done"
    assert len(POINTS["fit"]) == 3
