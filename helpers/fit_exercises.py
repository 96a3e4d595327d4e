"""Notebook 05's three exercises, described once: the lecture's network, the data, the points and the target.

The checkers (``fit_checks``) judge a learner's model with an :class:`Exercise`; the recipes
(``fit_recipes``) train the lecture's network on it. Errors are in raw units: the largest |error|
on a grid for x² and sin x, each head's mean |error| on held-out pairs for (max, min).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import torch
from torch import nn

from .data import sample_max_min, sample_sin, sample_square
from .language import t
from .validate import require_device

Points = Callable[..., tuple[torch.Tensor, torch.Tensor]]

_HELD_OUT_SEED = 2024  # training batches never use this generator


def square_points(device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(x, y)`` of shape (201, 1): x = −100, −99, …, 100 and y = x²."""
    x = torch.linspace(-100.0, 100.0, 201, device=require_device(device)).reshape(-1, 1)
    return x, x**2


def sin_points(device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(x, y)`` of shape (201, 1): x = −10, −9.9, …, 10 and y = sin x."""
    x = torch.linspace(-10.0, 10.0, 201, device=require_device(device)).reshape(-1, 1)
    return x, torch.sin(x)


def max_min_points(device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """Return 1000 held-out pairs: X of shape (1000, 2) in [0, 100]², Y of shape (1000, 2) = (max, min)."""
    return sample_max_min(1000, device=device, generator=torch.Generator().manual_seed(_HELD_OUT_SEED))


def lecture_net(n_inputs: int = 1) -> nn.Sequential:
    """Return the lecture's network: Linear(n_inputs, 256)–ReLU–Linear(256, 256)–ReLU–Linear(256, 1)."""
    return nn.Sequential(nn.Linear(n_inputs, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1))


class MaxMinNet(nn.Module):
    """The lecture's two-head network, with its names (trunk ``layer``, heads ``max_layer``, ``min_layer``).

    ``forward`` returns ``(y_max, y_min)``, each of shape (N, 1).
    """

    def __init__(self):
        super().__init__()
        self.layer = nn.Sequential(
            nn.Linear(2, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU()
        )
        self.max_layer = nn.Sequential(nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1))
        self.min_layer = nn.Sequential(nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        out = self.layer(x)
        return self.max_layer(out), self.min_layer(out)


@dataclass(frozen=True)
class Exercise:
    """One exercise: its network, training data, judged points, heads, target and likely scales."""

    name: str  # 'square', 'sin' or 'max_min'
    make_net: Callable[[], nn.Module]  # the lecture's network for it
    sample: Callable[..., tuple[torch.Tensor, torch.Tensor]]  # fresh training batches
    points: Points  # where a model is judged, in raw units
    heads: int  # 1: one (N, 1) output, judged by its largest |error|; 2: (max, min), each by its mean |error|
    target: float  # the error a model must reach
    x_scale: float  # the scales a learner is likely to train with: tried when a model fails on raw numbers
    y_scale: float
    measure: str  # what the error is, in one line (benchmarks/recipes.py prints it)

    @property
    def solve(self) -> str:
        """The learner's function the checker calls, e.g. 'solve_square'."""
        return f"solve_{self.name}"

    def where(self) -> str:
        """Return how the judged points read in a message."""
        return {
            "square": t("x = −100, −99, …, 100"),
            "sin": t("201 points of [−10, 10]"),
            "max_min": t("1000 held-out pairs"),
        }[self.name]


EXERCISES = {
    "square": Exercise(
        "square", lecture_net, sample_square, square_points, 1, 100.0, 100.0, 10_000.0, "max |error| on x = -100..100"
    ),
    "sin": Exercise(
        "sin", lecture_net, sample_sin, sin_points, 1, 0.1, 10.0, 1.0, "max |error| on 201 points of [-10, 10]"
    ),
    "max_min": Exercise(
        "max_min", MaxMinNet, sample_max_min, max_min_points, 2, 0.1, 100.0, 100.0, "worse head's mean |error|"
    ),
}

#: Each exercise's target: max |error| on the grid (x², sin x), mean |error| of each head on held-out pairs (max/min).
TARGETS = {name: exercise.target for name, exercise in EXERCISES.items()}
