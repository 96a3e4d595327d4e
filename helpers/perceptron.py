"""Notebook 01's perceptron, for the notebooks after it: the step function and a perceptron's 0/1 outputs."""

from __future__ import annotations

from typing import Any

import numpy as np

from .validate import require_array


def step(z: Any) -> Any:
    """Return 1 where ``z > 0``, else 0: a number for a number, an array for an array (notebook 01's activation).

    >>> step(0.5), step(0), step(np.array([-1.0, 2.0])).tolist()
    (1, 0, [0, 1])
    """
    if np.ndim(z) == 0:
        return 1 if z > 0 else 0
    return (require_array("z", z) > 0).astype(int)


def step_outputs(X: Any, w1: float, w2: float, b: float) -> np.ndarray:
    """Return the step perceptron's 0/1 outputs for the rows of ``X`` (N, 2): 1 where w1·x1 + w2·x2 + b > 0."""
    X = require_array("X", X, shape=(None, 2))
    return step(w1 * X[:, 0] + w2 * X[:, 1] + b)
