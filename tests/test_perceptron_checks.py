"""Notebook 01's exercise checkers: right answers pass, stubs are ⏳, mistakes get a hint, nothing crashes."""

from __future__ import annotations

import signal
import time

import numpy as np
import pytest
import torch

from helpers import checks
from helpers.perceptron_checks import check_nand_weights, check_xnor


def stub(*_):
    raise NotImplementedError()


def step(z: float) -> int:
    return 1 if z > 0 else 0


# ---- Exercise 1: NAND weights ----------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        (-1, -1, 1.5),
        [-2, -2, 3],
        np.array([-1.0, -1.0, 1.2]),
        torch.tensor([-1.0, -1.0, 1.5]),
        (np.float32(-1), -1, 1.9),
    ],
)
def test_nand_right_answers_pass(answer) -> None:
    verdict = check_nand_weights(lambda: answer)
    assert verdict.status == "done" and "1, 1, 1, 0" in verdict.message


def test_nand_stub_is_not_done_yet() -> None:
    verdict = check_nand_weights(stub)
    assert verdict.status == "todo" and str(verdict).startswith("⏳ nand_weights: not done yet")


@pytest.mark.parametrize(
    "answer, message, hint",
    [
        ((1, 1, -1.5), "computes AND", "flip the sign"),
        ((-1, -1, 2.5), "input (1, 1) gives 1, expected 0", "w1·1 + w2·1 + b ≤ 0"),
        ((-1, -1, 0.5), "input (0, 1) gives 0, expected 1", "w1·0 + w2·1 + b > 0"),
        ((-1, -1, 0), "input (0, 0) gives 0, expected 1", "> 0"),  # z = 0 is not above the threshold
    ],
)
def test_nand_wrong_weights_get_a_hint(answer, message: str, hint: str) -> None:
    verdict = check_nand_weights(lambda: answer)
    assert verdict.status == "wrong" and message in verdict.message and hint in verdict.hint


@pytest.mark.parametrize(
    "answer, message",
    [
        (None, "is the `return` missing?"),
        ((-1, -1), "returned (-1, -1)"),
        ("(-1, -1, 1.5)", "returned '(-1, -1, 1.5)'"),
        ((-1, "a", 1.5), "returned (-1, 'a', 1.5)"),
        (torch.zeros(2, 2), "returned tensor"),
        ((float("nan"), -1, 1.5), "returned (nan"),
    ],
)
def test_nand_wrong_return_types_are_explained(answer, message: str) -> None:
    verdict = check_nand_weights(lambda: answer)
    assert verdict.status == "wrong" and message in verdict.message and verdict.hint


def test_nand_learner_exceptions_are_reported_not_raised() -> None:
    def nand_weights():
        return (1 / 0, -1, 1.5)

    verdict = check_nand_weights(nand_weights)
    assert verdict.status == "wrong" and "nand_weights() raised ZeroDivisionError" in verdict.message


def test_nand_a_non_function_is_reported() -> None:
    verdict = check_nand_weights((-1, -1, 1.5))
    assert verdict.status == "wrong" and "expected a function" in verdict.message


# ---- Exercise 2: XNOR from two layers --------------------------------------------------------


def xnor_two_layer(x1, x2):
    h1, h2 = step(x1 + x2 - 1.5), step(-x1 - x2 + 0.5)
    return step(h1 + h2 - 0.5)


@pytest.mark.parametrize(
    "fn",
    [
        xnor_two_layer,
        lambda x1, x2: x1 == x2,
        lambda x1, x2: np.int64(x1 == x2),
        lambda x1, x2: torch.tensor([float(x1 == x2)]),
        lambda x1, x2: 1.0 * (x1 == x2),
    ],
)
def test_xnor_right_answers_pass(fn) -> None:
    verdict = check_xnor(fn)
    assert verdict.status == "done" and "(1, 0, 0, 1)" in verdict.message


def test_xnor_stub_is_not_done_yet() -> None:
    assert check_xnor(stub).status == "todo"


@pytest.mark.parametrize(
    "fn, message, hint",
    [
        (lambda x1, x2: int(x1 != x2), "is XOR, not XNOR", "EQUAL"),
        (lambda x1, x2: step(x1 + x2 - 1.5), "(0, 0) returned 0, expected 1", "one recipe"),
        (lambda x1, x2: 1, "(0, 1) returned 1, expected 0", "one recipe"),
    ],
)
def test_xnor_wrong_tables_get_a_hint(fn, message: str, hint: str) -> None:
    verdict = check_xnor(fn)
    assert verdict.status == "wrong" and message in verdict.message and hint in verdict.hint


@pytest.mark.parametrize(
    "fn, message",
    [
        (lambda x1, x2: None, "is the `return` missing?"),
        (lambda x1, x2: "1", "returned '1', expected 0 or 1"),
        (lambda x1, x2: (1, 0), "returned (1, 0), expected 0 or 1"),
        (lambda x1, x2: 0.5 * x1 + 0.5, "returned 0.5, expected 0 or 1"),
        (lambda x1, x2: float("nan"), "returned nan, expected 0 or 1"),
        (lambda x1, x2: np.array([1, 0]), "expected 0 or 1"),
    ],
)
def test_xnor_wrong_return_types_are_explained(fn, message: str) -> None:
    verdict = check_xnor(fn)
    assert verdict.status == "wrong" and message in verdict.message and verdict.hint


def test_xnor_learner_exceptions_are_reported_with_the_input() -> None:
    def xnor(x1, x2):
        return 1 / x1

    verdict = check_xnor(xnor)
    assert verdict.status == "wrong" and "xnor(0, 0) raised ZeroDivisionError" in verdict.message


# ---- No checker hangs (issue 12) -------------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM bounds need Linux or macOS")
@pytest.mark.parametrize(
    "check, endless",
    [
        (check_nand_weights, lambda: time.sleep(1e9)),
        (check_xnor, lambda x1, x2: time.sleep(1e9)),
        (check_xnor, lambda x1, x2: next(x for x in iter(int, 1) if x)),  # a search that never succeeds
    ],
)
def test_an_endless_answer_is_stopped(monkeypatch, check, endless) -> None:
    monkeypatch.setitem(checks.SECONDS, "formula", 0.2)
    verdict = check(endless)
    assert verdict.status == "wrong" and "did not return within 0.2 s — an endless loop?" in verdict.message
