"""Notebook 05's figures: a trained model against the truth, and error curves of several training runs."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.figure import Figure

from .fit_recipes import Run
from .plotting import MODEL_COLOR, TRUTH_COLOR, plot_cost_curve, plot_fit, to_numpy


def _not_trained(model: Any) -> bool:
    if model is None:
        print("⏳ nothing to plot yet: solve the exercise above, then run this cell again")
        return True
    return False


def show_fit(model: Any, x: torch.Tensor, y: torch.Tensor, costs: Any = None, *, title: str,
             xlabel: str = "$x$") -> Figure | None:
    """Draw model vs truth, |error| and (if given) the cost per step in a row; return the figure (None if no model)."""
    if _not_trained(model):
        return None
    with torch.no_grad():
        y_hat = model(x)
    panels = 3 if costs is not None else 2
    figure, axes = plt.subplots(1, panels, figsize=(4.6 * panels, 3.6), layout="constrained")
    plot_fit(x, y, y_hat, ax=axes[0], title=title, xlabel=xlabel)
    axes[1].plot(to_numpy(x), np.abs(to_numpy(y_hat) - to_numpy(y)), color=MODEL_COLOR)
    axes[1].set(xlabel=xlabel, ylabel="|model − truth|", title="Error")
    if costs is not None:
        plot_cost_curve(costs, ax=axes[2], title="Training cost (scaled numbers)")
    return figure


def show_max_min(model: Any, X: torch.Tensor, Y: torch.Tensor, costs: Any = None, *, x2: float = 50.0) -> Figure | None:
    """Draw both heads along x1 ∈ [0, 100] with x2 fixed, each head's |error| on the held-out pairs, and the cost."""
    if _not_trained(model):
        return None
    device = X.device
    x1 = torch.linspace(0.0, 100.0, 201, device=device)
    line = torch.stack([x1, torch.full_like(x1, x2)], dim=1)
    with torch.no_grad():
        line_max, line_min = model(line)
        held_max, held_min = model(X)
    panels = 3 if costs is not None else 2
    figure, axes = plt.subplots(1, panels, figsize=(4.6 * panels, 3.6), layout="constrained")
    ax = axes[0]
    for truth, head, style, label in ((line.max(1).values, line_max, "-", "max"), (line.min(1).values, line_min, "--", "min")):
        ax.plot(to_numpy(x1), to_numpy(truth), style, color=TRUTH_COLOR, lw=3, alpha=0.6, label=f"{label}(x1, x2)")
        ax.plot(to_numpy(x1), to_numpy(head), style, color=MODEL_COLOR, lw=1.5, label=f"{label} head")
    ax.set(xlabel="$x_1$", ylabel="output", title=f"Both heads at $x_2$ = {x2:g}")
    ax.legend(fontsize="small")
    errors = {"max head": (held_max - Y[:, :1]).abs(), "min head": (held_min - Y[:, 1:]).abs()}
    axes[1].hist([to_numpy(e) for e in errors.values()], bins=30, label=list(errors), color=[MODEL_COLOR, "tab:red"])
    axes[1].set(xlabel="|model − truth|", ylabel="held-out pairs", title=f"Error on {len(X)} held-out pairs")
    axes[1].legend()
    if costs is not None:
        plot_cost_curve(costs, ax=axes[2], title="Training cost")
    return figure


def plot_runs(runs: dict[str, Run], *, ax: Any = None, title: str, ylabel: str = "max |error|",
              target: float | None = None) -> Any:
    """Draw each run's error against the step on a log axis (and a dashed target line); return the axes."""
    ax = ax if ax is not None else plt.subplots(figsize=(5, 3.6))[1]
    for label, run in runs.items():
        steps, errors = zip(*run.errors)
        ax.plot(steps, errors, label=label)
    if target is not None:
        ax.axhline(target, color="black", ls=":", lw=1, label=f"target {target:g}")
    ax.set_yscale("log")
    ax.set(xlabel="step", ylabel=ylabel, title=title)
    ax.legend(fontsize="small")
    return ax
