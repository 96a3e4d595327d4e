"""Notebook 05's training recipes, shared with ``benchmarks/recipes.py``: the lecture's and the course's.

A :class:`Recipe` says how to train (scales, cost, optimizer, learning rate, decay, batch, steps);
:func:`train` trains a network with it on fresh random batches and records cost, error and time.
Each exercise's network, data and target come from ``fit_exercises.EXERCISES``.

Set the environment variable ``COURSE_RUN_CACHE`` to a folder and :func:`run_task` keeps each finished
run there, so that other processes asking for the same run (same exercise, recipe, seed, device,
threads) load it instead of training again: the test suite sets it, and its four executions of
notebook 05 (two editions, two folders) train each comparison once.
"""

from __future__ import annotations

import hashlib
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

import torch
from torch import nn

from .fit_checks import exercise_error
from .fit_exercises import EXERCISES, Exercise
from .fit_exercises import MaxMinNet as MaxMinNet  # notebook 05 and the tests import the networks from here
from .fit_exercises import lecture_net as lecture_net
from .language import t
from .validate import require_count, require_learning_rate, require_number

Sampler = Callable[..., tuple[torch.Tensor, torch.Tensor]]


@dataclass(frozen=True)
class Recipe:
    """How to train: input and target scales, mean or sum of squares, optimizer and lr, cosine decay, batch, steps."""

    x_scale: float = 1.0
    y_scale: float = 1.0
    mean: bool = True
    optimizer: str = "adam"  # or "sgd"
    lr: float = 1e-3
    cosine: bool = False
    batch_size: int = 100
    num_steps: int = 10_000

    def but(self, **changes) -> "Recipe":
        """Return a copy with some fields changed, e.g. ``recipe.but(lr=0.01)``."""
        return replace(self, **changes)

    def __str__(self) -> str:
        """Return the recipe in one readable line, e.g. 'x / 100, y / 10000; mean cost; Adam lr 0.001; …'."""
        scales = (
            t("raw numbers")
            if self.x_scale == self.y_scale == 1
            else f"x / {self.x_scale:g}, y / {self.y_scale:g}"  # maths: no t()
        )
        cost = t("mean cost") if self.mean else t("sum cost")
        decay = t("cosine decay") if self.cosine else t("constant lr")
        optimizer = "Adam" if self.optimizer == "adam" else "SGD"
        return t(
            "{scales}; {cost}; {optimizer} lr {lr:g}, {decay}; {num_steps} steps of {batch_size} points",
            scales=scales,
            cost=cost,
            optimizer=optimizer,
            lr=self.lr,
            decay=decay,
            num_steps=self.num_steps,
            batch_size=self.batch_size,
        )


#: The lecture's recipe for every exercise: raw numbers, sum of squares, Adam(lr=0.001), 10 000 steps of 100 points.
LECTURE = Recipe(mean=False)

#: The course's recipe for each exercise (measured in notebook 05 and benchmarks/recipes.py).
COURSE = {
    "square": Recipe(x_scale=100, y_scale=10_000, lr=1e-3, num_steps=1000),  # with decay it ends higher (--variants)
    "sin": Recipe(x_scale=10, lr=3e-3, cosine=True, num_steps=1000),
    # Raw numbers: they train better here than x / 100, y / 100 (benchmarks/recipes.py --variants). 2000 steps:
    # it reaches the lecture's median final error by about step 600, then settles at less than half of it.
    "max_min": Recipe(lr=1e-3, cosine=True, num_steps=2000),
}


class Scaled(nn.Module):
    """Wrap ``net`` so it takes and returns raw units: ``model(x) = y_scale · net(x / x_scale)``."""

    def __init__(self, net: nn.Module, x_scale: float, y_scale: float):
        super().__init__()
        for name, scale in (("x_scale", x_scale), ("y_scale", y_scale)):
            if not require_number(name, scale) > 0:
                raise ValueError(f"{name} must be a positive number (1 keeps raw units), got {scale!r}")
        self.net = net
        self.register_buffer("x_scale", torch.tensor(float(x_scale)))  # buffers are saved in the state_dict
        self.register_buffer("y_scale", torch.tensor(float(y_scale)))

    def forward(self, x: torch.Tensor):
        out = self.net(x / self.x_scale)
        if isinstance(out, (tuple, list)):
            return tuple(head * self.y_scale for head in out)
        return out * self.y_scale


@dataclass
class Run:
    """What :func:`train` recorded: cost per step, ``(step, error)`` pairs, training seconds (evaluation excluded)."""

    model: nn.Module
    costs: list[float] = field(default_factory=list)
    errors: list[tuple[int, float]] = field(default_factory=list)
    step_seconds: list[float] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """The training time: the sum of the steps' times."""
        return sum(self.step_seconds)

    @property
    def final_error(self) -> float:
        """The last recorded error."""
        return self.errors[-1][1]

    def reached(self, target: float) -> tuple[int, float] | None:
        """Return ``(step, seconds)`` when the error first fell to ``target`` or below, else None."""
        for step, error in self.errors:
            if error <= target:
                return step, sum(self.step_seconds[:step])
        return None

    @contextmanager
    def clock(self, device: torch.device | str) -> Iterator[None]:
        """Time the block (waiting for the GPU to finish, if any) and append its seconds to ``step_seconds``."""
        start = time.perf_counter()
        yield
        if torch.device(device).type == "cuda":
            torch.cuda.synchronize(device)
        self.step_seconds.append(time.perf_counter() - start)


def heads(out: torch.Tensor | tuple[torch.Tensor, ...]) -> torch.Tensor:
    """Return a network's output as one (N, heads) tensor: two heads (max, min) side by side, one head as it is."""
    return torch.cat(list(out), dim=1) if isinstance(out, (tuple, list)) else out


def make_optimizer(net: nn.Module, recipe: Recipe) -> torch.optim.Optimizer:
    """Return ``recipe``'s optimizer (Adam or SGD, at ``recipe.lr``) over ``net``'s parameters."""
    require_learning_rate(recipe.lr)
    require_count("num_steps", recipe.num_steps)
    if recipe.optimizer not in ("adam", "sgd"):
        raise ValueError(f"recipe.optimizer must be 'adam' or 'sgd', got {recipe.optimizer!r}")
    kind = torch.optim.Adam if recipe.optimizer == "adam" else torch.optim.SGD
    return kind(net.parameters(), lr=recipe.lr)


def train(
    make_net: Callable[[], nn.Module],
    sample: Sampler,
    recipe: Recipe,
    *,
    device: torch.device | str,
    seed: int = 0,
    evaluate: Callable[[nn.Module], float] | None = None,
    every: int = 50,
) -> Run:
    """Train ``make_net()`` (built under ``seed``) with ``recipe`` on fresh batches from ``sample``; return a Run.

    >>> run = train(lecture_net, helpers.sample_square, COURSE["square"], device="cpu", seed=0)  # doctest: +SKIP
    """
    every = require_count("every", every)
    torch.manual_seed(seed)  # the seed fixes the first weights ...
    generator = torch.Generator().manual_seed(seed)  # ... and the batches
    net = make_net().to(device)
    model = Scaled(net, recipe.x_scale, recipe.y_scale).to(device)  # raw numbers in and out
    optimizer = make_optimizer(net, recipe)
    if recipe.cosine:
        schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=recipe.num_steps)
    run = Run(model)
    for step in range(1, recipe.num_steps + 1):
        with run.clock(device):  # training only; measuring the error below is off the clock
            x, y = sample(recipe.batch_size, device=device, generator=generator)
            squares = (heads(net(x / recipe.x_scale)) - y / recipe.y_scale) ** 2
            cost = squares.mean(dim=0).sum() if recipe.mean else squares.sum()  # two heads: sum of their costs
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()
            if recipe.cosine:
                schedule.step()
        run.costs.append(cost.item())
        if evaluate is not None and (step % every == 0 or step == recipe.num_steps):
            run.errors.append((step, evaluate(model)))  # the error in raw units, e.g. max |model(x) - x²|
    return run


def run_task(
    name: str, recipe: Recipe | None = None, *, device: torch.device | str, seed: int = 0, every: int = 25
) -> Run:
    """Train exercise ``name`` ('square', 'sin', 'max_min') with ``recipe`` (default: the course's); return the Run."""
    if name not in EXERCISES:
        raise ValueError(f"name must be one of {sorted(EXERCISES)}, got {name!r}")
    exercise, recipe = EXERCISES[name], recipe or COURSE[name]
    saved = _cache_file(name, recipe, device, seed, every)
    if saved is not None and saved.exists():
        return _load_run(saved, exercise, recipe, device, seed)
    run = train(
        exercise.make_net,
        exercise.sample,
        recipe,
        device=device,
        seed=seed,
        evaluate=lambda model: exercise_error(exercise, model),
        every=every,
    )
    if saved is not None:
        _save_run(saved, run)
    return run


def _cache_file(name: str, recipe: Recipe, device: torch.device | str, seed: int, every: int) -> Path | None:
    """Return where ``COURSE_RUN_CACHE`` keeps this run (None when the variable is not set)."""
    folder = os.environ.get("COURSE_RUN_CACHE")
    if not folder:
        return None
    key = repr((name, recipe, torch.device(device).type, seed, every, torch.get_num_threads(), torch.__version__))
    return Path(folder) / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pt"


def _save_run(file: Path, run: Run) -> None:
    """Write the run's weights and records to ``file`` (whole, or not at all: other processes may read it)."""
    weights = {key: value.cpu() for key, value in run.model.net.state_dict().items()}
    record = {"net": weights, "costs": run.costs, "errors": run.errors, "step_seconds": run.step_seconds}
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_suffix(f".{os.getpid()}.part")
    torch.save(record, partial)
    os.replace(partial, file)


def _load_run(file: Path, exercise: Exercise, recipe: Recipe, device: torch.device | str, seed: int) -> Run:
    """Return the run saved in ``file``, leaving torch's random state as training it would have."""
    record = torch.load(file, weights_only=True)
    torch.manual_seed(seed)
    net = exercise.make_net().to(device)
    net.load_state_dict(record["net"])
    model = Scaled(net, recipe.x_scale, recipe.y_scale).to(device)
    return Run(model, record["costs"], [tuple(e) for e in record["errors"]], record["step_seconds"])
