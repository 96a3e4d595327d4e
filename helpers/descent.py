"""Notebook 02's gradient descent on a line's cost, for the notebooks after it (and the explorer and figures).

The cost of a line y = a·x + b on points (x, y) is Σ (a·x + b − y)². A *path* is an array of (a, b)
rows: the start, then the parameters after each step.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from .validate import require_array, require_count, require_learning_rate

_BLOWN_UP = 1e100  # |a| or |b| beyond this: stop, the run has diverged


def as_points(points: Any) -> np.ndarray:
    """Return ``points`` ((x, y) pairs) as a float array of shape (N, 2), or raise a clear error."""
    return require_array("points", points, shape=(None, 2))


def line_cost(points: Any) -> Callable[[Any, Any], np.ndarray]:
    """Return ``cost(a, b) = Σ (a·x + b − y)²`` over ``points``, vectorised over arrays ``a`` and ``b``."""
    p = as_points(points)
    x, y = p[:, 0], p[:, 1]

    def cost(a: Any, b: Any) -> np.ndarray:
        a, b = np.asarray(a, dtype=float)[..., None], np.asarray(b, dtype=float)[..., None]
        return ((a * x + b - y) ** 2).sum(axis=-1)

    return cost


def least_squares(points: Any) -> tuple[float, float]:
    """Return the (a, b) of the line with the smallest cost (NumPy's least squares)."""
    p = as_points(points)
    (a, b), *_ = np.linalg.lstsq(np.column_stack([p[:, 0], np.ones(len(p))]), p[:, 1], rcond=None)
    return float(a), float(b)


def excess_costs(points: Any, path: Any) -> np.ndarray:
    """Return cost − minimum cost at each row of ``path`` (floored at 1e-16, so it fits a log axis)."""
    path = require_array("path", path, shape=(None, 2))
    cost = line_cost(points)
    with np.errstate(over="ignore", invalid="ignore"):
        excess = cost(path[:, 0], path[:, 1]) - cost(*least_squares(points))
    return np.maximum(excess, 1e-16)


def descent_path(points: Any, lr: float, num_steps: int, start: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """Return the (a, b) rows visited by batch gradient descent on Σ(a·x + b − y)², shape (num_steps + 1, 2).

    The same update as the notebook's loop, with the sums over the points taken once (plumbing, for
    speed). A diverging run stops early, once |a| or |b| passes 1e100.
    """
    p, lr, num_steps = as_points(points), require_learning_rate(lr), require_count("num_steps", num_steps)
    x, y = p[:, 0], p[:, 1]
    sxx, sx, n, sxy, sy = (float(v) for v in (x @ x, x.sum(), len(x), x @ y, y.sum()))
    a, b = (float(v) for v in start)
    path = [(a, b)]
    for _ in range(num_steps):
        da = 2 * (a * sxx + b * sx - sxy)  # = Σ 2(a·x + b − y)·x
        db = 2 * (a * sx + b * n - sy)  # = Σ 2(a·x + b − y)
        a, b = a - lr * da, b - lr * db
        path.append((a, b))
        if not abs(a) + abs(b) < _BLOWN_UP:
            break
    return np.array(path)


def critical_lr(points: Any) -> float:
    """Return 2 / λ_max of the cost's Hessian 2·[[Σx², Σx], [Σx, n]]: descent diverges above it."""
    x = as_points(points)[:, 0]
    hessian = 2 * np.array([[x @ x, x.sum()], [x.sum(), len(x)]])
    return float(2 / np.linalg.eigvalsh(hessian)[-1])
