"""Checkers for notebook 02's exercises: the gradient of the line cost, and one descent step.

Each answer is compared with the numerical (central-difference) derivative of
cost(a, b) = Σ (a·x + b − y)² on the lecture's point sets, with room for float32 rounding; a wrong
answer gets a hint for the usual mistakes (a lost factor 2, a flipped sign, a swapped pair, the
lecture's `a = a − α·b'`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from .checks import Wrong, as_float, checker, learner, returned
from .data import POINTS
from .gradcheck import agrees, numerical_gradient
from .language import t

Pair = tuple[float, float]
#: (a, b, name of the point set) where the gradient is checked; the last one is the minimum.
_WHERE = [(0.0, 0.0, "fit"), (0.5, 1.0, "fit"), (1.0, 3.0, "noisy"), (-0.3, 2.0, "exact"), (17 / 28, 3.5, "fit")]
#: (a, b, name of the point set, lr) where one descent step is checked; the first is the lecture's worked step.
_STEPS = [(0.0, 0.0, "fit", 0.001), (0.5, 1.0, "fit", 0.002), (1.0, 3.0, "noisy", 0.01), (-0.3, 2.0, "exact", 0.005)]


def cost(a: float, b: float, points: Any) -> float:
    """Return Σ (a·x + b − y)² over ``points``."""
    return float(sum((a * x + b - y) ** 2 for x, y in points))


def line_gradient(a: float, b: float, points: Any) -> Pair:
    """Return (∂cost/∂a, ∂cost/∂b) by central differences."""
    da, db = numerical_gradient(lambda p: cost(p[0], p[1], points), [a, b])
    return float(da), float(db)


def gradient_scale(a: float, b: float, points: Any) -> Pair:
    """Return the size of the terms summed in each derivative: Σ 2(|a·x| + |b| + |y|)·|x| and Σ 2(|a·x| + |b| + |y|)."""
    sizes = [(2 * (abs(a * x) + abs(b) + abs(y)), abs(x)) for x, y in points]
    return sum(s * ax for s, ax in sizes), sum(s for s, _ in sizes)


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


def _show(pair: Pair) -> str:
    return f"({pair[0]:.6g}, {pair[1]:.6g})"


def _pair(text: str, value: Any, hint: str) -> Pair:
    """Return the learner's result as a pair of finite numbers, or raise Wrong."""
    pair = as_pair(value)
    if pair is None:
        raise Wrong(t("{call} returned {value}, expected a pair of numbers", call=text, value=returned(value)), hint)
    if not all(np.isfinite(pair)):
        raise Wrong(
            t("{call} returned {pair}", call=text, pair=_show(pair)),
            t("a NaN or inf usually means an overflow: check the formula, not the learning rate"),
        )
    return pair


def _gradient_hint(got: Pair, expected: Pair, scale: Pair) -> str:
    da, db = expected
    near = lambda guess: agrees(got, guess, scale)  # noqa: E731
    if near((db, da)):
        return t("the order is (∂cost/∂a, ∂cost/∂b)")
    if near((-da, -db)):
        return t("the sign is flipped: the error is ŷ − y = a·x + b − y, not y − ŷ")
    if near((da / 2, db / 2)):
        return t("differentiating the square (…)² brings down a factor 2")
    if agrees([got[0]], [db], [scale[0]]):
        return t("∂cost/∂a has one more factor x than ∂cost/∂b: Σ 2·(a·x + b − y)·x")
    return t("∂cost/∂a = Σ 2·(a·x + b − y)·x and ∂cost/∂b = Σ 2·(a·x + b − y), summed over all points")


@checker("gradient")
def check_gradient(gradient: Any) -> str:
    """Check ``gradient(a, b, points) → (∂cost/∂a, ∂cost/∂b)`` against the numerical derivative at 5 places."""
    for a, b, which in _WHERE:
        text = f"gradient({a:.4g}, {b:.4g}, POINTS['{which}'])"
        got = _pair(
            text,
            learner(gradient, a, b, list(POINTS[which]), what=text),
            t("return the two derivatives: return dcost_da, dcost_db"),
        )
        expected, scale = line_gradient(a, b, POINTS[which]), gradient_scale(a, b, POINTS[which])
        if not agrees(got, expected, scale):
            raise Wrong(
                t(
                    "{call} returned {got}, expected {expected} (numerical derivative)",
                    call=text,
                    got=_show(got),
                    expected=_show(expected),
                ),
                _gradient_hint(got, expected, scale),
            )
    return t("matches the numerical derivative in all {n} cases", n=len(_WHERE))


def _step_hint(got: Pair, a: float, b: float, lr: float, g: Pair, points: Any) -> str:
    ga, gb = gradient_scale(a, b, points)
    near = lambda guess: agrees(got, guess, (abs(a) + lr * ga, abs(b) + lr * gb))  # noqa: E731
    if near((a + lr * g[0], b + lr * g[1])):
        return t("step against the gradient: subtract lr·∂cost/∂a, don't add it")
    if near((a - lr * g[1], b - lr * g[1])):
        return t("a moves by its own derivative, a − lr·∂cost/∂a (the lecture's slide writes a − α·b': a slip)")
    if agrees(got, g, (ga, gb)):
        return t("return the new (a, b), not the gradient")
    if near((-lr * g[0], -lr * g[1])):
        return t("return the new a = a − lr·∂cost/∂a, not only the change −lr·∂cost/∂a")
    new_a = a - lr * g[0]
    if near((new_a, b - lr * line_gradient(new_a, b, points)[1])):
        return t("compute both derivatives at the old (a, b) before changing either parameter")
    return t("new a = a − lr·∂cost/∂a and new b = b − lr·∂cost/∂b, both derivatives taken at the old (a, b)")


@checker("descent_step")
def check_descent_step(descent_step: Any) -> str:
    """Check ``descent_step(a, b, points, lr) → (new a, new b)``, starting with the lecture's worked step."""
    for a, b, which, lr in _STEPS:
        text = f"descent_step({a:.4g}, {b:.4g}, POINTS['{which}'], lr={lr:g})"
        got = _pair(
            text,
            learner(descent_step, a, b, list(POINTS[which]), lr, what=text),
            t("return the new a and the new b: return a - lr * dcost_da, b - lr * dcost_db"),
        )
        g, (ga, gb) = line_gradient(a, b, POINTS[which]), gradient_scale(a, b, POINTS[which])
        expected = (a - lr * g[0], b - lr * g[1])
        if not agrees(got, expected, (abs(a) + lr * ga, abs(b) + lr * gb)):
            raise Wrong(
                t("{call} returned {got}, expected {expected}", call=text, got=_show(got), expected=_show(expected)),
                _step_hint(got, a, b, lr, g, POINTS[which]),
            )
    return t("all {n} steps right, including the lecture's first step to (0.2, 0.038)", n=len(_STEPS))
