"""Checkers for notebook 03: the learner's gradients against numerical (finite-difference) gradients.

The notebook's 9-parameter network: h1 = ReLU(w11·x1 + w21·x2 + b1), h2 = ReLU(w12·x1 + w22·x2 + b2),
ŷ = w1·h1 + w2·h2 + b, cost = Σ (ŷᵢ − yᵢ)².
"""

from __future__ import annotations

import math
from typing import Any, Callable, Sequence

import numpy as np

from .checks import Verdict, as_float, done, safe_call, unfinished, wrong

PARAM_NAMES = ("w11", "w21", "b1", "w12", "w22", "b2", "w1", "w2", "b")


def numerical_gradient(f: Callable[[np.ndarray], float], point: Sequence[float], eps: float = 1e-6) -> np.ndarray:
    """Return the central-difference gradient of ``f`` at ``point``: (f(p + eps·eᵢ) − f(p − eps·eᵢ)) / (2·eps) per coordinate.

    >>> numerical_gradient(lambda p: p[0] ** 2 + 3 * p[1], [2.0, 0.0]).round(6).tolist()
    [4.0, 3.0]
    """
    if not callable(f):
        raise TypeError(f"f must be a function of one array, got {type(f).__name__}")
    if isinstance(eps, bool) or not isinstance(eps, (int, float)) or not 0 < eps < 1:
        raise ValueError(f"eps must be a small positive number such as 1e-6, got {eps!r}")
    p = np.array(point, dtype=float).reshape(-1)
    grad = np.empty_like(p)
    for i in range(p.size):
        up, down = p.copy(), p.copy()
        up[i] += eps
        down[i] -= eps
        grad[i] = (float(f(up)) - float(f(down))) / (2 * eps)
    return grad


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
    """Return seeded ``(X, y, params)`` cases: h1 on for 2+ points and off for 2+, and one case with h1 off everywhere."""
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
        (float(np.sum(d_yhat * w1)), "∂h1/∂b1 is ReLU's slope: 1 where z1 = w11·x1 + w21·x2 + b1 > 0, else 0"),
        (float(np.sum(d_yhat * w1) * np.sum(2 * parts["z1"])),
         "that is the lecture's garbled formula; h1 = ReLU(z1) is not a square, so ∂h1/∂b1 is 1 where z1 > 0, else 0"),
        (float(np.sum(d_yhat * w1) * np.sum(mask)), "multiply per data point, then sum: Σᵢ ∂cost/∂h1ᵢ · ∂h1ᵢ/∂b1"),
        (float(-np.sum(d_yhat * w1 * mask)), "check the sign: the error is ŷᵢ − yᵢ, prediction minus target"),
        (float(np.sum(d_yhat * w1 * mask) / 2), "the derivative of (ŷᵢ − yᵢ)² is 2(ŷᵢ − yᵢ): keep the factor 2"),
        (float(np.sum(d_yhat * mask)), "∂ŷ/∂h1 = w1: multiply by w1"),
    ]


def check_grad_b1(fn: Any) -> Verdict:
    """Return a verdict on ``fn(X, y, params)`` ≈ ∂cost/∂b1, compared with finite differences on 5 cases."""
    name = "grad_b1"
    general = "∂cost/∂b1 = Σᵢ 2(ŷᵢ − yᵢ) · w1 · [z1ᵢ > 0]: multiply per data point, then sum"
    for X, y, params in gradient_cases():
        call = safe_call(fn, X.copy(), y.copy(), dict(params))
        where = f"with b1 = {params['b1']}"
        if (stop := unfinished(name, call, f"{name}(X, y, params) {where}")) is not None:
            return stop
        value = as_float(call.value)
        if value is None:
            shape = getattr(call.value, "shape", None)
            if shape is not None and np.size(call.value) > 1:
                return wrong(name, f"returned an array of shape {tuple(shape)}, expected one number",
                             "sum over the data points, e.g. np.sum(...)")
            return wrong(name, f"returned {call.value!r}, expected one number", "return a single float")
        if not math.isfinite(value):
            return wrong(name, f"returned {value} {where}", "a NaN or inf usually means an overflow or a division by zero")
        expected = numerical_gradient(lambda v: network_cost(X, y, {**params, "b1": v[0]}), [params["b1"]])[0]
        if not math.isclose(value, expected, rel_tol=1e-5, abs_tol=1e-6):
            hint = next((h for v, h in _b1_mistakes(X, y, params) if math.isclose(value, v, rel_tol=1e-6, abs_tol=1e-9)), general)
            return wrong(name, f"returned {value:.6g} {where}, the numerical gradient is {expected:.6g}", hint)
    return done(name, "matches the numerical gradient on all 5 data sets (one with h1 dead)")


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


def check_value_mul(value_class: Any) -> Verdict:
    """Return a verdict on ``value_class``'s ``*`` backward: leaf ``.grad`` after ``backward()`` vs finite differences."""
    name = "Value.__mul__"
    for label, build, inputs in MUL_CASES:
        call = safe_call(_value_grads, value_class, build, inputs)
        letters = "abc"[: len(inputs)]
        where = f"{label} with " + ", ".join(f"{k} = {v:g}" for k, v in zip(letters, inputs))
        if (stop := unfinished(name, call, f"{where}: backward()")) is not None:
            return stop
        grads = [as_float(g) for g in call.value]
        if any(g is None for g in grads):
            return wrong(name, f"{where}: .grad holds {call.value!r}, expected numbers",
                         "add plain numbers to self.grad and other.grad (use .data, not the Value itself)")
        if not all(math.isfinite(g) for g in grads):
            return wrong(name, f"{where}: gradients {grads}", "a NaN or inf usually means an overflow or a division by zero")
        expected = numerical_gradient(lambda p: build(*p, relu=_relu), inputs)
        if not np.allclose(grads, expected, rtol=1e-6, atol=1e-6):
            return wrong(name, f"{where}: gradients {_fmt(grads)}, the numerical gradients are {_fmt(expected)}",
                         _mul_hint(label, grads, inputs))
    return done(name, f"gradients match finite differences in all {len(MUL_CASES)} expressions")


def _fmt(values: Sequence[float]) -> str:
    return "(" + ", ".join(f"{v:.6g}" for v in values) + ")"


def _mul_hint(label: str, grads: Sequence[float], inputs: Sequence[float]) -> str:
    """Return the hint for the first expression whose gradients are wrong."""
    if label == "a*b" and np.allclose(grads, inputs):
        return "swap them: ∂(a·b)/∂a = b and ∂(a·b)/∂b = a — each input's gradient is the OTHER input's value"
    if label == "(a*b)*c":
        return "multiply by out.grad, the gradient that reached the product (chain rule)"
    if label == "a*a":
        return "use += so that a Value used twice collects both contributions (here 2a)"
    return "self.grad += other.data * out.grad and other.grad += self.data * out.grad"
