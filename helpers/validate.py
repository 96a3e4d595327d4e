"""Argument checks that fail with a message saying what to pass instead."""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np
import torch


def require_tensor(name: str, value: Any, shape: Sequence[int | None] | None = None) -> torch.Tensor:
    """Return ``value`` if it is a tensor of the given shape (``None`` = any size), else raise.

    >>> require_tensor("x", torch.zeros(3, 1), shape=(None, 1)).shape
    torch.Size([3, 1])
    """
    if not isinstance(value, torch.Tensor):
        kind = type(value).__name__
        raise TypeError(
            f"{name} must be a torch.Tensor, got a {kind}: wrap it with torch.tensor({name}, dtype=torch.float32)"
        )
    if shape is not None:
        _require_shape(name, tuple(value.shape), tuple(shape))
    return value


def require_array(name: str, value: Any, shape: Sequence[int | None] | None = None) -> np.ndarray:
    """Return ``value`` as a float NumPy array (tensors and lists accepted), checking its shape."""
    if value is None or isinstance(value, (str, bytes, dict)):
        raise TypeError(f"{name} must be numbers (a list, array or tensor), got {type(value).__name__}")
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    elif isinstance(value, (list, tuple)):  # e.g. costs.append(cost) instead of cost.item(): tensors that need grad
        value = [v.detach().cpu().numpy() if isinstance(v, torch.Tensor) else v for v in value]
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be numbers (a list, array or tensor), got {type(value).__name__}") from None
    if shape is not None:
        _require_shape(name, array.shape, tuple(shape))
    return array


def require_number(name: str, value: Any) -> float:
    """Return ``value`` as a float if one number (int, float, NumPy scalar, 1-element array/tensor), else raise."""
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        value = value.detach().cpu().item()
    elif isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(()).item()
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(
            f"{name} must be one number such as 1.5, got {type(value).__name__}: for a tensor use {name}.item()"
        )
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    return float(value)


def require_device(device: Any) -> torch.device:
    """Return ``device`` as a torch.device if this machine has it (None means the CPU), else raise.

    >>> require_device("cpu")
    device(type='cpu')
    """
    if device is None:
        return torch.device("cpu")
    try:
        device = torch.device(device)
    except (RuntimeError, TypeError, ValueError):
        raise ValueError(f"device must be 'cpu', 'cuda' or helpers.get_device(), got {device!r}") from None
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"device={str(device)!r} but this machine has no CUDA GPU: use device=helpers.get_device()")
    if device.type == "cuda" and device.index is not None and device.index >= torch.cuda.device_count():
        raise ValueError(
            f"device={str(device)!r} but this machine has {torch.cuda.device_count()} GPU(s): "
            "use device=helpers.get_device()"
        )
    return device


def require_learning_rate(lr: Any, name: str = "lr") -> float:
    """Return ``lr`` as a float if it is a positive, finite number, else raise."""
    if isinstance(lr, bool) or not isinstance(lr, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number such as 0.001, got {type(lr).__name__}")
    if not math.isfinite(lr) or lr <= 0:
        raise ValueError(f"{name} must be a positive, finite number such as 0.001, got {lr}")
    return float(lr)


def require_count(name: str, value: Any) -> int:
    """Return ``value`` if it is a positive int (a number of steps or points), else raise."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive whole number such as 100, got {value!r}")
    return int(value)


def _require_shape(name: str, actual: tuple, expected: tuple) -> None:
    ok = len(actual) == len(expected) and all(e is None or a == e for a, e in zip(actual, expected))
    if not ok:
        pretty = (
            "(" + ", ".join("N" if e is None else str(e) for e in expected) + ("," if len(expected) == 1 else "") + ")"
        )
        raise ValueError(f"{name} must have shape {pretty}, got {actual}: reshape it, e.g. with .reshape(-1, 1)")
