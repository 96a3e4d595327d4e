"""Checkers for notebook 02's exercises: the gradient of the line cost, and one descent step.

Each answer is compared, with tolerances, with the numerical (central-difference) derivative of
cost(a, b) = Σ (a·x + b − y)² on the lecture's point sets; a wrong answer gets a hint for the
usual mistakes (a lost factor 2, a flipped sign, a swapped pair, the lecture's `a = a − α·b'`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch

from .checks import Verdict, as_float, close, done, safe_call, unfinished, wrong
from .data import POINTS

Pair = tuple[float, float]
#: (a, b, name of the point set) where the gradient is checked; the last one is the minimum.
_WHERE = [(0.0, 0.0, "fit"), (0.5, 1.0, "fit"), (1.0, 3.0, "noisy"), (-0.3, 2.0, "exact"), (17 / 28, 3.5, "fit")]
#: (a, b, name of the point set, lr) where one descent step is checked; the first is the lecture's worked step.
_STEPS = [(0.0, 0.0, "fit", 0.001), (0.5, 1.0, "fit", 0.002), (1.0, 3.0, "noisy", 0.01), (-0.3, 2.0, "exact", 0.005)]
_GRADIENT_HINT = "∂cost/∂a = Σ 2·(a·x + b − y)·x and ∂cost/∂b = Σ 2·(a·x + b − y), summed over all points"
_STEP_HINT = "new a = a − lr·∂cost/∂a and new b = b − lr·∂cost/∂b, both derivatives taken at the old (a, b)"


def cost(a: float, b: float, points: Any) -> float:
    """Return Σ (a·x + b − y)² over ``points``."""
    return float(sum((a * x + b - y) ** 2 for x, y in points))


def numerical_gradient(a: float, b: float, points: Any, h: float = 1e-5) -> Pair:
    """Return (∂cost/∂a, ∂cost/∂b) by central differences: (cost(a + h) − cost(a − h)) / 2h."""
    return ((cost(a + h, b, points) - cost(a - h, b, points)) / (2 * h),
            (cost(a, b + h, points) - cost(a, b - h, points)) / (2 * h))


def as_pair(value: Any) -> Pair | None:
    """Return two floats from a tuple, list, array or tensor of two numbers, else None."""
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        value = value.reshape(-1).tolist() if value.size == 2 else None
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None
    first, second = as_float(value[0]), as_float(value[1])
    return None if first is None or second is None else (first, second)


def _near(got: Pair, expected: Pair) -> bool:
    return all(close(g, e, rel=1e-6, abs_=1e-6) for g, e in zip(got, expected))


def _show(pair: Pair) -> str:
    return f"({pair[0]:.6g}, {pair[1]:.6g})"


def _returned(name: str, call_text: str, value: Any) -> tuple[Pair | None, Verdict | None]:
    """Return the learner's pair, or the verdict that explains why it is not a usable pair."""
    pair = as_pair(value)
    if pair is None:
        return None, wrong(name, f"{call_text} returned {value!r:.60}, expected a pair of numbers",
                           "return two numbers, e.g. `return dcost_da, dcost_db`")
    if not all(math.isfinite(v) for v in pair):
        return None, wrong(name, f"{call_text} returned {_show(pair)}",
                           "a NaN or inf usually means an overflow: check the formula, not the learning rate")
    return pair, None


def _gradient_hint(got: Pair, expected: Pair) -> str:
    da, db = expected
    if _near(got, (db, da)):
        return "the order is (∂cost/∂a, ∂cost/∂b)"
    if _near(got, (-da, -db)):
        return "the sign is flipped: the error is ŷ − y = a·x + b − y, not y − ŷ"
    if _near(got, (da / 2, db / 2)):
        return "differentiating the square (…)² brings down a factor 2"
    if close(got[0], db, rel=1e-6, abs_=1e-6):
        return "∂cost/∂a has one more factor x than ∂cost/∂b: Σ 2·(a·x + b − y)·x"
    return _GRADIENT_HINT


def check_gradient(gradient: Any) -> Verdict:
    """Check ``gradient(a, b, points) → (∂cost/∂a, ∂cost/∂b)`` against the numerical derivative at 5 places."""
    name = "gradient"
    for a, b, which in _WHERE:
        points, text = list(POINTS[which]), f"gradient({a:.4g}, {b:.4g}, POINTS['{which}'])"
        call = safe_call(gradient, a, b, points)
        if (stop := unfinished(name, call, text, "fix the error, then run this cell again")) is not None:
            return stop
        got, problem = _returned(name, text, call.value)
        if problem is not None:
            return problem
        expected = numerical_gradient(a, b, POINTS[which])
        if not _near(got, expected):
            return wrong(name, f"{text} returned {_show(got)}, expected {_show(expected)} (numerical derivative)",
                         _gradient_hint(got, expected))
    return done(name, f"matches the numerical derivative in all {len(_WHERE)} cases")


def _step_hint(got: Pair, a: float, b: float, lr: float, g: Pair, points: Any) -> str:
    if _near(got, (a + lr * g[0], b + lr * g[1])):
        return "step against the gradient: subtract lr·∂cost/∂a, don't add it"
    if _near(got, (a - lr * g[1], b - lr * g[1])):
        return "a moves by its own derivative, a − lr·∂cost/∂a (the lecture's slide writes a − α·b': a slip)"
    if _near(got, g):
        return "return the new (a, b), not the gradient"
    if _near(got, (-lr * g[0], -lr * g[1])):
        return "return the new a = a − lr·∂cost/∂a, not only the change −lr·∂cost/∂a"
    new_a = a - lr * g[0]
    if _near(got, (new_a, b - lr * numerical_gradient(new_a, b, points)[1])):
        return "compute both derivatives at the old (a, b) before changing either parameter"
    return _STEP_HINT


def check_descent_step(descent_step: Any) -> Verdict:
    """Check ``descent_step(a, b, points, lr) → (new a, new b)``, starting with the lecture's worked step."""
    name = "descent_step"
    for a, b, which, lr in _STEPS:
        points, text = list(POINTS[which]), f"descent_step({a:.4g}, {b:.4g}, POINTS['{which}'], lr={lr:g})"
        call = safe_call(descent_step, a, b, points, lr)
        if (stop := unfinished(name, call, text, "fix the error, then run this cell again")) is not None:
            return stop
        got, problem = _returned(name, text, call.value)
        if problem is not None:
            return problem
        g = numerical_gradient(a, b, POINTS[which])
        expected = (a - lr * g[0], b - lr * g[1])
        if not _near(got, expected):
            return wrong(name, f"{text} returned {_show(got)}, expected {_show(expected)}",
                         _step_hint(got, a, b, lr, g, POINTS[which]))
    return done(name, f"all {len(_STEPS)} steps right, including the lecture's first step to (0.2, 0.038)")
