"""Checkers for notebook 03: the learner's gradients against numerical (finite-difference) gradients.

The notebook's 9-parameter network: h1 = ReLU(w11·x1 + w21·x2 + b1), h2 = ReLU(w12·x1 + w22·x2 + b2),
ŷ = w1·h1 + w2·h2 + b, cost = Σ (ŷᵢ − yᵢ)².
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from .checks import Wrong, as_float, checker, learner, returned
from .gradcheck import agrees, numerical_gradient
from .language import t

PARAM_NAMES = ("w11", "w21", "b1", "w12", "w22", "b2", "w1", "w2", "b")


def network_parts(X: np.ndarray, params: dict[str, float]) -> dict[str, np.ndarray]:
    """Return the network's forward values ``z1, h1, z2, h2, y_hat`` (each shape (N,)) for inputs X of shape (N, 2)."""
    x1, x2, p = X[:, 0], X[:, 1], params
    z1 = p["w11"] * x1 + p["w21"] * x2 + p["b1"]
    z2 = p["w12"] * x1 + p["w22"] * x2 + p["b2"]
    h1, h2 = np.maximum(z1, 0.0), np.maximum(z2, 0.0)
    return {"z1": z1, "h1": h1, "z2": z2, "h2": h2, "y_hat": p["w1"] * h1 + p["w2"] * h2 + p["b"]}


def network_cost(X: np.ndarray, y: np.ndarray, params: dict[str, float]) -> float:
    """Return cost = Σ (ŷᵢ − yᵢ)² of the 9-parameter network on (X, y)."""
    return float(np.sum((network_parts(X, params)["y_hat"] - y) ** 2))


def gradient_cases() -> list[tuple[np.ndarray, np.ndarray, dict[str, float]]]:
    """Return seeded ``(X, y, params)`` cases: h1 on for 2+ points and off for 2+, plus one with h1 off everywhere."""
    cases = []
    for seed in (11, 12, 13, 14):
        rng = np.random.default_rng(seed)
        while True:  # keep every pre-activation away from ReLU's kink, so finite differences are exact enough
            X, y = rng.uniform(-2, 2, size=(6, 2)), rng.uniform(-1, 3, size=6)
            params = dict(zip(PARAM_NAMES, rng.normal(0, 1, size=9).round(3).tolist()))
            z1 = network_parts(X, params)["z1"]
            if np.abs(z1).min() > 1e-3 and 2 <= (z1 > 0).sum() <= len(z1) - 2:
                break
        cases.append((X, y, params))
    X, y, params = cases[0]
    cases.append((X, y, {**params, "b1": -20.0}))  # h1 = 0 for every point: ∂cost/∂b1 is exactly 0
    return cases


def _b1_mistakes(X: np.ndarray, y: np.ndarray, params: dict[str, float]) -> list[tuple[float, str]]:
    """Return (value, hint) for common wrong ways to compute ∂cost/∂b1."""
    parts = network_parts(X, params)
    d_yhat = 2 * (parts["y_hat"] - y)
    mask = (parts["z1"] > 0).astype(float)
    w1 = params["w1"]
    return [
        (float(np.sum(d_yhat * w1)), t("∂h1/∂b1 is ReLU's slope: 1 where z1 = w11·x1 + w21·x2 + b1 > 0, else 0")),
        (
            float(np.sum(d_yhat * w1) * np.sum(2 * parts["z1"])),
            t(
                "that is the lecture's garbled formula; h1 = ReLU(z1) is not a square, "
                "so ∂h1/∂b1 is 1 where z1 > 0, else 0"
            ),
        ),
        (float(np.sum(d_yhat * w1) * np.sum(mask)), t("multiply per data point, then sum: Σᵢ ∂cost/∂h1ᵢ · ∂h1ᵢ/∂b1")),
        (float(-np.sum(d_yhat * w1 * mask)), t("check the sign: the error is ŷᵢ − yᵢ, prediction minus target")),
        (float(np.sum(d_yhat * w1 * mask) / 2), t("the derivative of (ŷᵢ − yᵢ)² is 2(ŷᵢ − yᵢ): keep the factor 2")),
        (float(np.sum(d_yhat * mask)), t("∂ŷ/∂h1 = w1: multiply by w1")),
    ]


def b1_scale(X: np.ndarray, y: np.ndarray, params: dict[str, float], every_point: bool = False) -> float:
    """Return the size of the terms summed in ∂cost/∂b1: Σ 2(|ŷ| + |y|)·|w1| over the points with z1 > 0 (or all)."""
    size = network_parts(np.abs(X), {k: abs(v) for k, v in params.items()})["y_hat"]  # every term counted positive
    active = every_point or network_parts(X, params)["z1"] > 0
    return float(np.sum(2 * (size + np.abs(y)) * abs(params["w1"]) * active))


@checker("grad_b1")
def check_grad_b1(fn: Any) -> str:
    """Check ``fn(X, y, params)`` ≈ ∂cost/∂b1 against finite differences on 5 cases (room for float32)."""
    for X, y, params in gradient_cases():
        where = t("with b1 = {b1}", b1=params["b1"])
        got = learner(fn, X.copy(), y.copy(), dict(params), what=f"grad_b1(X, y, params) {where}")
        value = as_float(got)
        if value is None:
            if np.size(got) > 1 and hasattr(got, "shape"):
                raise Wrong(
                    t("returned an array of shape {shape}, expected one number", shape=tuple(got.shape)),
                    t("sum over the data points, e.g. np.sum(...)"),
                )
            raise Wrong(t("returned {value}, expected one number", value=returned(got)), t("return a single float"))
        if not np.isfinite(value):
            raise Wrong(
                t("returned {value} {where}", value=value, where=where),
                t("a NaN or inf usually means an overflow or a division by zero"),
            )
        expected = numerical_gradient(lambda v: network_cost(X, y, {**params, "b1": v[0]}), [params["b1"]])[0]
        if not agrees([value], [expected], [b1_scale(X, y, params)]):
            loose = b1_scale(X, y, params, every_point=True)
            hint = next(
                (h for v, h in _b1_mistakes(X, y, params) if agrees([value], [v], [loose])),
                t("∂cost/∂b1 = Σᵢ 2(ŷᵢ − yᵢ) · w1 · [z1ᵢ > 0]: multiply per data point, then sum"),
            )
            raise Wrong(
                t(
                    "returned {value} {where}, the numerical gradient is {expected}",
                    value=f"{value:.6g}",
                    where=where,
                    expected=f"{expected:.6g}",
                ),
                hint,
            )
    return t("matches the numerical gradient on all 5 data sets (one with h1 dead)")


def _relu(v: float) -> float:
    return max(v, 0.0)


#: (description, expression built from +, * and relu, inputs) for :func:`check_value_mul`.
MUL_CASES: list[tuple[str, Callable[..., Any], tuple[float, ...]]] = [
    ("a*b", lambda a, b, relu: a * b, (3.0, -2.0)),
    ("(a*b)*c", lambda a, b, c, relu: (a * b) * c, (1.5, -2.0, 4.0)),
    ("a*a", lambda a, relu: a * a, (-3.0,)),
    ("a*3", lambda a, relu: a * 3.0, (1.5,)),
    ("relu(a*b + c)*a", lambda a, b, c, relu: relu(a * b + c) * a, (2.0, 0.5, -0.25)),
]


def _value_grads(value_class: Any, build: Callable[..., Any], inputs: Sequence[float]) -> list[Any]:
    leaves = [value_class(x) for x in inputs]
    build(*leaves, relu=lambda v: v.relu()).backward()
    return [leaf.grad for leaf in leaves]


@checker("Value.__mul__")
def check_value_mul(value_class: Any) -> str:
    """Check ``value_class``'s ``*`` backward: leaf ``.grad`` after ``backward()`` against finite differences."""
    if not isinstance(value_class, type):
        raise Wrong(
            t("expected the Value class, got a {kind}", kind=type(value_class).__name__),
            t("pass the class itself: check_value_mul(Value)"),
        )
    for label, build, inputs in MUL_CASES:
        where = t("{label} with {values}", label=label, values=", ".join(f"{k} = {v:g}" for k, v in zip("abc", inputs)))
        grads = learner(_value_grads, value_class, build, inputs, what=f"{where}: backward()")
        numbers = [as_float(g) for g in grads]
        if any(g is None for g in numbers):
            raise Wrong(
                t("{where}: .grad holds {grads}, expected numbers", where=where, grads=returned(grads)),
                t("add plain numbers to self.grad and other.grad (use .data, not the Value itself)"),
            )
        if not all(np.isfinite(numbers)):
            raise Wrong(
                t("{where}: gradients {grads}", where=where, grads=_fmt(numbers)),
                t("a NaN or inf usually means an overflow or a division by zero"),
            )
        expected = numerical_gradient(lambda p: build(*p, relu=_relu), inputs)
        if not agrees(numbers, expected, np.abs(expected) + 1):
            raise Wrong(
                t(
                    "{where}: gradients {grads}, the numerical gradients are {expected}",
                    where=where,
                    grads=_fmt(numbers),
                    expected=_fmt(expected),
                ),
                _mul_hint(label, numbers, inputs),
            )
    return t("gradients match finite differences in all {n} expressions", n=len(MUL_CASES))


def _fmt(values: Sequence[float]) -> str:
    return "(" + ", ".join(f"{v:.6g}" for v in values) + ")"


def _mul_hint(label: str, grads: Sequence[float], inputs: Sequence[float]) -> str:
    """Return the hint for the first expression whose gradients are wrong."""
    if label == "a*b" and np.allclose(grads, inputs):
        return t("swap them: ∂(a·b)/∂a = b and ∂(a·b)/∂b = a — each input's gradient is the OTHER input's value")
    if label == "(a*b)*c":
        return t("multiply by out.grad, the gradient that reached the product (chain rule)")
    if label == "a*a":
        return t("use += so that a Value used twice collects both contributions (here 2a)")
    return t("self.grad += other.data * out.grad and other.grad += self.data * out.grad")
