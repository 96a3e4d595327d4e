"""Gradient checking, as in cs231n's gradient_check.py: a numerical gradient, and a float32-safe comparison.

Notebooks 02 and 03 check the learner's derivatives against :func:`numerical_gradient`;
:func:`agrees` decides whether they match, with room for float32 rounding and none for a wrong formula.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from .validate import require_array

#: float32 keeps about 7 digits: a sum whose terms add up to ``scale`` in size is off by up to ~1e-7·scale
#: per operation. 1e-5·scale leaves a hundredfold margin for that, and none for a lost factor or sign.
FLOAT32_SLACK = 1e-5


def numerical_gradient(f: Callable[[np.ndarray], Any], point: Sequence[float], h: float = 1e-5) -> np.ndarray:
    """Return the gradient of ``f`` at ``point`` by central differences, (f(p + h·eᵢ) − f(p − h·eᵢ)) / 2h.

    >>> numerical_gradient(lambda p: p[0] ** 2 + 3 * p[1], [2.0, 0.0]).round(6).tolist()
    [4.0, 3.0]
    """
    if not callable(f):
        raise TypeError(f"f must be a function of one array, got {type(f).__name__}")
    if isinstance(h, bool) or not isinstance(h, (int, float)) or not 0 < h < 1:
        raise ValueError(f"h must be a small positive number such as 1e-5, got {h!r}")
    p = require_array("point", point).reshape(-1)
    if p.size == 0:
        raise ValueError("point must hold at least one number, e.g. [a, b]")
    grad = np.empty_like(p)
    for i in range(p.size):
        up, down = p.copy(), p.copy()
        up[i] += h
        down[i] -= h
        grad[i] = (_number(f(up)) - _number(f(down))) / (2 * h)
    return grad


def _number(value: Any) -> float:
    array = np.asarray(value, dtype=float)
    if array.size != 1:
        raise ValueError(f"f must return one number, got shape {array.shape}")
    return float(array.reshape(()))


def agrees(got: Sequence[float], expected: Sequence[float], scale: Sequence[float]) -> bool:
    """True when every ``|got − expected| ≤ FLOAT32_SLACK · scale``: ``scale`` is the size of the terms summed."""
    got, expected, scale = (np.asarray(v, dtype=float).reshape(-1) for v in (got, expected, scale))
    return bool(np.all(np.isfinite(got)) and np.all(np.abs(got - expected) <= FLOAT32_SLACK * scale + 1e-12))
