"""The course's data, all generated: gate truth tables, the lecture's points, function samplers."""

from __future__ import annotations

import numpy as np
import torch

from .validate import require_count, require_device

#: Output of each two-input logic gate for the inputs (0,0), (0,1), (1,0), (1,1).
GATES: dict[str, tuple[int, int, int, int]] = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
    "XOR": (0, 1, 1, 0),  # 1 exactly when the inputs differ
    "XNOR": (1, 0, 0, 1),  # 1 when they are equal (the lecture's "XOR")
}

#: The lecture's (x, y) point sets for fitting y = a·x + b.
POINTS: dict[str, tuple[tuple[float, float], ...]] = {
    "exact": ((3, 5), (4, 6), (5, 7)),  # on y = x + 2 (the lecture says x + 3: 3 + 3 ≠ 5)
    "noisy": ((3, 5), (4, 6.1), (5, 6.8)),  # no line passes through all three
    "fit": ((2, 4), (4, 7), (8, 8)),  # least squares: a = 17/28, b = 7/2
}


def truth_table(gate: str) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(X, y)``: the four input pairs, shape (4, 2), and the gate's outputs, shape (4,).

    >>> X, y = truth_table("XOR"); y.tolist()
    [0, 1, 1, 0]
    """
    key = str(gate).upper()
    if key not in GATES:
        raise ValueError(f"gate must be one of {sorted(GATES)}, got {gate!r}")
    X = np.array([(0, 0), (0, 1), (1, 0), (1, 1)])
    return X, np.array(GATES[key])


def line_points(name: str = "fit") -> tuple[np.ndarray, np.ndarray]:
    """Return ``(x, y)`` float arrays of the lecture's point set ``name`` ('exact', 'noisy' or 'fit')."""
    if not isinstance(name, str) or name not in POINTS:
        raise ValueError(f"name must be one of {sorted(POINTS)}, got {name!r}")
    x, y = zip(*POINTS[name])
    return np.array(x, dtype=float), np.array(y, dtype=float)


def _uniform(
    n: int, columns: int, low: float, high: float, device: torch.device | str | None, generator: torch.Generator | None
) -> torch.Tensor:
    n, device = require_count("n", n), require_device(device)
    if generator is not None and (not isinstance(generator, torch.Generator) or generator.device.type != "cpu"):
        raise TypeError(
            f"generator must be a CPU torch.Generator, e.g. torch.Generator().manual_seed(0), got {generator!r}"
        )
    u = torch.rand(n, columns, generator=generator)  # sampled on the CPU: same numbers on every device
    return (low + (high - low) * u).to(device)


def sample_square(
    n: int = 100, *, device: torch.device | str | None = None, generator: torch.Generator | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(x, y)`` of shape (n, 1): x uniform in [-100, 100] and y = x²."""
    x = _uniform(n, 1, -100.0, 100.0, device, generator)
    return x, x**2


def sample_sin(
    n: int = 100, *, device: torch.device | str | None = None, generator: torch.Generator | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(x, y)`` of shape (n, 1): x uniform in [-10, 10] and y = sin x."""
    x = _uniform(n, 1, -10.0, 10.0, device, generator)
    return x, torch.sin(x)


def sample_max_min(
    n: int = 100, *, device: torch.device | str | None = None, generator: torch.Generator | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(X, Y)``: X of shape (n, 2) uniform in [0, 100]², Y of shape (n, 2) = (max, min) per row."""
    X = _uniform(n, 2, 0.0, 100.0, device, generator)
    Y = torch.stack([X.max(dim=1).values, X.min(dim=1).values], dim=1)
    return X, Y
