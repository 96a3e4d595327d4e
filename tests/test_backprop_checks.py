"""The notebook-03 checkers: right answers pass, stubs are 'todo', typical mistakes get the matching hint."""

from __future__ import annotations

import math
import signal
import time

import numpy as np
import pytest
import torch

from helpers import checks
from helpers.backprop_checks import (
    PARAM_NAMES,
    check_grad_b1,
    check_value_mul,
    gradient_cases,
    network_cost,
    network_parts,
)
from helpers.gradcheck import agrees, numerical_gradient

needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM bounds need Linux or macOS")


def _parts(X, y, p):
    parts = network_parts(X, p)
    return parts, 2 * (parts["y_hat"] - y), (parts["z1"] > 0)


def grad_b1_right(X, y, p):
    parts, d_yhat, mask = _parts(X, y, p)
    return np.sum(d_yhat * p["w1"] * mask)


# ---------------------------------------------------------------- numerical_gradient and the network


def test_numerical_gradient_of_a_quadratic() -> None:
    grad = numerical_gradient(lambda v: v[0] ** 2 + 3 * v[0] * v[1], [2.0, -1.0])
    np.testing.assert_allclose(grad, [2 * 2 + 3 * -1, 3 * 2], rtol=1e-8)


@pytest.mark.parametrize(
    "f, point, h, error, words",
    [
        ("not a function", [1.0], 1e-6, TypeError, "f must be a function"),
        (sum, [1.0], 0.0, ValueError, "h must be a small positive number"),
        (sum, [1.0], True, ValueError, "h must be a small positive number"),
        (sum, [1.0], 2.0, ValueError, "h must be a small positive number"),
        (sum, [], 1e-5, ValueError, "at least one number"),
        (sum, None, 1e-5, TypeError, "point must be numbers"),
        (lambda p: p * 2, [1.0, 2.0], 1e-5, ValueError, "f must return one number"),
    ],
)
def test_numerical_gradient_rejects_bad_arguments(f, point, h, error, words) -> None:
    with pytest.raises(error, match=words):
        numerical_gradient(f, point, h=h)


def test_one_numerical_gradient_serves_every_checker() -> None:
    """Issue 13: notebook 02's and 03's checkers share helpers.gradcheck (there were two unrelated copies)."""
    import helpers.backprop_checks as backprop
    import helpers.descent_checks as descent

    assert backprop.numerical_gradient is descent.numerical_gradient is numerical_gradient


def test_agrees_allows_float32_rounding_but_not_a_lost_factor() -> None:
    assert agrees([1.0 + 1e-6], [1.0], [1.0]) and not agrees([1.0 + 1e-3], [1.0], [1.0])
    assert agrees([1e-5], [2e-11], [17.0])  # float32 at a minimum: tiny against the size of the terms summed
    assert not agrees([math.nan], [0.0], [1.0])


def test_network_matches_a_hand_computation() -> None:
    X, y = np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([1.0, 0.0])
    p = dict(zip(PARAM_NAMES, [1.0, -1.0, 0.5, 2.0, 1.0, -1.0, 3.0, -2.0, 0.25]))
    # point 1: z1 = 1 - 2 + 0.5 = -0.5 → h1 = 0; z2 = 2 + 2 - 1 = 3 → h2 = 3; ŷ = -6 + 0.25
    # point 2: z1 = -1 - 0.5 + 0.5 = -1 → 0; z2 = -2 + 0.5 - 1 = -2.5 → 0; ŷ = 0.25
    np.testing.assert_allclose(network_parts(X, p)["y_hat"], [-5.75, 0.25])
    assert math.isclose(network_cost(X, y, p), 6.75**2 + 0.25**2)


def test_gradient_cases_exercise_the_relu_mask() -> None:
    cases = gradient_cases()
    assert len(cases) == 5
    for X, _, p in cases[:-1]:
        z1 = network_parts(X, p)["z1"]
        assert 2 <= (z1 > 0).sum() <= len(z1) - 2 and np.abs(z1).min() > 1e-3
    X, y, p = cases[-1]
    assert (network_parts(X, p)["z1"] < 0).all()


def test_hand_gradient_agrees_with_finite_differences_on_every_parameter() -> None:
    X, y, p = gradient_cases()[0]
    point = [p[k] for k in PARAM_NAMES]
    numerical = numerical_gradient(lambda v: network_cost(X, y, dict(zip(PARAM_NAMES, v))), point)
    torch_p = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in p.items()}
    Xt, yt = torch.tensor(X), torch.tensor(y)
    z1 = torch_p["w11"] * Xt[:, 0] + torch_p["w21"] * Xt[:, 1] + torch_p["b1"]
    z2 = torch_p["w12"] * Xt[:, 0] + torch_p["w22"] * Xt[:, 1] + torch_p["b2"]
    y_hat = torch_p["w1"] * torch.relu(z1) + torch_p["w2"] * torch.relu(z2) + torch_p["b"]
    ((y_hat - yt) ** 2).sum().backward()
    np.testing.assert_allclose(numerical, [torch_p[k].grad.item() for k in PARAM_NAMES], rtol=1e-7, atol=1e-8)


# ---------------------------------------------------------------- check_grad_b1


def test_grad_b1_right_answer_passes() -> None:
    verdict = check_grad_b1(grad_b1_right)
    assert verdict and verdict.status == "done"
    assert verdict.message.startswith("matches the numerical gradient")


def test_grad_b1_accepts_a_one_element_tensor() -> None:
    assert check_grad_b1(lambda X, y, p: torch.tensor(grad_b1_right(X, y, p)))


def test_grad_b1_in_float32_passes() -> None:
    def in_float32(X, y, p):
        Xt, yt = torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)
        q = {k: torch.tensor(v, dtype=torch.float32) for k, v in p.items()}
        z1 = q["w11"] * Xt[:, 0] + q["w21"] * Xt[:, 1] + q["b1"]
        z2 = q["w12"] * Xt[:, 0] + q["w22"] * Xt[:, 1] + q["b2"]
        y_hat = q["w1"] * torch.relu(z1) + q["w2"] * torch.relu(z2) + q["b"]
        return (2 * (y_hat - yt) * q["w1"] * (z1 > 0)).sum()

    assert check_grad_b1(in_float32).status == "done"


def test_grad_b1_stub_is_todo() -> None:
    def grad_b1(X, y, p):
        raise NotImplementedError()

    verdict = check_grad_b1(grad_b1)
    assert verdict.status == "todo" and str(verdict).startswith("⏳ grad_b1: not done yet")


@pytest.mark.parametrize(
    "mistake, words",
    [
        (lambda X, y, p: np.sum(_parts(X, y, p)[1] * p["w1"]), "ReLU's slope"),
        (
            lambda X, y, p: np.sum(_parts(X, y, p)[1] * p["w1"]) * np.sum(2 * _parts(X, y, p)[0]["z1"]),
            "lecture's garbled",
        ),
        (lambda X, y, p: np.sum(_parts(X, y, p)[1] * p["w1"]) * np.sum(_parts(X, y, p)[2]), "per data point"),
        (lambda X, y, p: -grad_b1_right(X, y, p), "sign"),
        (lambda X, y, p: grad_b1_right(X, y, p) / 2, "factor 2"),
        (lambda X, y, p: np.sum(_parts(X, y, p)[1] * _parts(X, y, p)[2]), "multiply by w1"),
        (lambda X, y, p: grad_b1_right(X, y, p) + 0.3, "multiply per data point, then sum"),
    ],
)
def test_grad_b1_typical_mistakes_get_their_hint(mistake, words) -> None:
    verdict = check_grad_b1(mistake)
    assert verdict.status == "wrong"
    assert "numerical gradient is" in verdict.message
    assert words in verdict.hint


def test_grad_b1_reports_the_learners_exception() -> None:
    verdict = check_grad_b1(lambda X, y, p: p["missing"])
    assert verdict.status == "wrong" and "raised KeyError" in verdict.message


def test_grad_b1_reports_nan() -> None:
    verdict = check_grad_b1(lambda X, y, p: float("nan"))
    assert verdict.status == "wrong" and "nan" in verdict.message and "NaN" in verdict.hint


def test_grad_b1_reports_an_unsummed_array() -> None:
    def per_point(X, y, p):
        parts, d_yhat, mask = _parts(X, y, p)
        return d_yhat * p["w1"] * mask

    verdict = check_grad_b1(per_point)
    assert verdict.status == "wrong" and "shape (6,)" in verdict.message and "sum" in verdict.hint


@pytest.mark.parametrize("value", [None, "1.0", [1.0, 2.0]])
def test_grad_b1_reports_a_non_number(value) -> None:
    verdict = check_grad_b1(lambda X, y, p: value)
    assert verdict.status == "wrong" and "expected one number" in verdict.message


def test_grad_b1_rejects_a_non_function() -> None:
    verdict = check_grad_b1(3.0)
    assert verdict.status == "wrong" and "expected a function" in verdict.message


def test_grad_b1_does_not_let_the_learner_change_the_cases() -> None:
    def vandal(X, y, p):
        X[:] = 0
        p["b1"] = 100.0
        return grad_b1_right(X, y, p)

    check_grad_b1(vandal)
    assert check_grad_b1(grad_b1_right)


# ---------------------------------------------------------------- check_value_mul


def make_value(mul_backward):
    """Return a Value class (as in the notebook) whose ``*`` backward is ``mul_backward(self, other, out)``."""

    class Value:
        def __init__(self, data, parents=()):
            self.data, self.grad = float(data), 0.0
            self._parents, self._backward = parents, lambda: None

        def __add__(self, other):
            other = other if isinstance(other, Value) else Value(other)
            out = Value(self.data + other.data, (self, other))

            def _backward():
                self.grad += out.grad
                other.grad += out.grad

            out._backward = _backward
            return out

        def __mul__(self, other):
            other = other if isinstance(other, Value) else Value(other)
            out = Value(self.data * other.data, (self, other))
            out._backward = lambda: mul_backward(self, other, out)
            return out

        __radd__, __rmul__ = __add__, __mul__

        def relu(self):
            out = Value(self.data * (self.data > 0), (self,))

            def _backward():
                self.grad += (self.data > 0) * out.grad

            out._backward = _backward
            return out

        def backward(self):
            order, seen = [], set()

            def visit(v):
                if v not in seen:
                    seen.add(v)
                    for parent in v._parents:
                        visit(parent)
                    order.append(v)

            visit(self)
            for v in order:
                if v._parents:
                    v.grad = 0.0
            self.grad = 1.0
            for v in reversed(order):
                v._backward()

    return Value


def right(self, other, out):
    self.grad += other.data * out.grad
    other.grad += self.data * out.grad


def stub(self, other, out):
    raise NotImplementedError()


def swapped(self, other, out):
    self.grad += self.data * out.grad
    other.grad += other.data * out.grad


def no_upstream(self, other, out):
    self.grad += other.data
    other.grad += self.data


def assigns(self, other, out):
    self.grad = other.data * out.grad
    other.grad = self.data * out.grad


def raises(self, other, out):
    self.grad += other.data / 0.0


def nan(self, other, out):
    self.grad += float("nan")
    other.grad += self.data * out.grad


def stores_a_value(self, other, out):
    self.grad = other
    other.grad = self


def test_value_mul_right_answer_passes() -> None:
    verdict = check_value_mul(make_value(right))
    assert verdict and "all 5 expressions" in verdict.message


def test_value_mul_stub_is_todo() -> None:
    assert check_value_mul(make_value(stub)).status == "todo"


@pytest.mark.parametrize(
    "mul_backward, words",
    [
        (swapped, "swap them"),
        (no_upstream, "out.grad"),
        (assigns, "+="),
    ],
)
def test_value_mul_typical_mistakes_get_their_hint(mul_backward, words) -> None:
    verdict = check_value_mul(make_value(mul_backward))
    assert verdict.status == "wrong" and "numerical gradients are" in verdict.message
    assert words in verdict.hint


def test_value_mul_reports_the_learners_exception() -> None:
    verdict = check_value_mul(make_value(raises))
    assert verdict.status == "wrong" and "raised ZeroDivisionError" in verdict.message and "a*b" in verdict.message


def test_value_mul_reports_nan() -> None:
    verdict = check_value_mul(make_value(nan))
    assert verdict.status == "wrong" and "NaN" in verdict.hint


def test_value_mul_reports_a_grad_that_is_not_a_number() -> None:
    verdict = check_value_mul(make_value(stores_a_value))
    assert verdict.status == "wrong" and "expected numbers" in verdict.message and ".data" in verdict.hint


@needs_alarm
def test_endless_answers_are_stopped(monkeypatch) -> None:
    monkeypatch.setitem(checks.SECONDS, "formula", 0.2)
    verdict = check_grad_b1(lambda X, y, p: time.sleep(1e9))
    assert verdict.status == "wrong" and "did not return within 0.2 s — an endless loop?" in verdict.message

    def endless_mul(self, other, out):
        while True:
            pass

    verdict = check_value_mul(make_value(endless_mul))
    assert verdict.status == "wrong" and "did not return within 0.2 s" in verdict.message and "a*b" in verdict.message


@pytest.mark.parametrize("not_a_class", [3, None, "Value"])
def test_value_mul_survives_something_that_is_not_a_value_class(not_a_class) -> None:
    assert check_value_mul(not_a_class).status == "wrong"


def test_checkers_raise_under_course_expect(monkeypatch) -> None:
    monkeypatch.setenv("COURSE_EXPECT", "done")
    with pytest.raises(AssertionError, match="expected 'done'"):
        check_value_mul(make_value(stub))
    monkeypatch.setenv("COURSE_EXPECT", "todo")
    assert check_grad_b1(lambda X, y, p: (_ for _ in ()).throw(NotImplementedError())).status == "todo"
