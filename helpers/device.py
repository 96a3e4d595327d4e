"""Device choice and seeding: the two lines every notebook starts with."""

from __future__ import annotations

import os
import random

import numpy as np
import torch


def get_device() -> torch.device:
    """Return CUDA when a GPU is available, else the CPU.

    Set the environment variable ``COURSE_DEVICE=cpu`` to force the CPU, ``COURSE_DEVICE=cuda`` to insist on a GPU.
    """
    wanted = os.environ.get("COURSE_DEVICE", "").strip().lower()
    if wanted not in ("", "cpu", "cuda"):
        raise ValueError(f"COURSE_DEVICE={wanted!r}: use 'cpu', 'cuda' or leave it unset")
    if wanted == "cpu":
        return torch.device("cpu")
    if wanted == "cuda" and not torch.cuda.is_available():
        raise RuntimeError(
            "COURSE_DEVICE=cuda but no CUDA GPU is available here: unset COURSE_DEVICE, or set it to cpu"
        )
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def set_seed(seed: int) -> None:
    """Seed Python's ``random``, NumPy and PyTorch (CPU and CUDA) with one number from 0 to 2**32 − 1."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be a whole number such as 0, got {seed!r}")
    if not 0 <= seed < 2**32:
        raise ValueError(f"seed must be from 0 to 2**32 - 1 (NumPy's limit), got {seed}")
    random.seed(int(seed))
    np.random.seed(int(seed))
    torch.manual_seed(int(seed))  # also seeds every CUDA device
