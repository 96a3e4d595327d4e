"""Device choice and seeding: the two lines every notebook starts with."""

from __future__ import annotations

import os
import random

import numpy as np
import torch


def get_device() -> torch.device:
    """Return CUDA when a GPU is available, else the CPU.

    Set the environment variable ``COURSE_DEVICE=cpu`` to force the CPU.
    """
    wanted = os.environ.get("COURSE_DEVICE", "").strip().lower()
    if wanted == "cpu":
        return torch.device("cpu")
    if wanted and wanted != "cuda":
        raise ValueError(f"COURSE_DEVICE={wanted!r}: use 'cpu', 'cuda' or leave it unset")
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def set_seed(seed: int) -> None:
    """Seed Python's ``random``, NumPy and PyTorch (CPU and CUDA) with one number."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise TypeError(f"seed must be a non-negative int, got {seed!r}")
    random.seed(int(seed))
    np.random.seed(int(seed))
    torch.manual_seed(int(seed))  # also seeds every CUDA device
