"""Notebook 05's figures: a trained model against the truth, and error curves of several training runs."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .fit_recipes import Run
from .language import t
from .plotting import MODEL_COLOR, TRUTH_COLOR, plot_cost_curve, plot_fit, to_numpy


def _not_trained(model: Any) -> bool:
    if model is None:
        print(t("nothing to plot: the exercise above is not done yet (see its checker)"))
        return True
    return False


def _legend_below(ax: Axes, ncol: int = 2) -> None:
    """Put ``ax``'s legend under the axes, where it covers no curve."""
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=ncol, fontsize="small", frameon=False)


def show_fit(
    model: Any, x: torch.Tensor, y: torch.Tensor, costs: Any = None, *, title: str, xlabel: str = "$x$"
) -> Figure | None:
    """Draw model vs truth, |error| and (if given) the cost per step in a row; return the figure (None if no model)."""
    if _not_trained(model):
        return None
    with torch.no_grad():
        y_hat = model(x)
    panels = 3 if costs is not None else 2
    figure, axes = plt.subplots(1, panels, figsize=(4.6 * panels, 3.9), layout="constrained")
    plot_fit(x, y, y_hat, ax=axes[0], title=title, xlabel=xlabel)
    axes[0].lines[0].set_label(t("truth"))
    axes[0].lines[1].set_label(t("model"))
    _legend_below(axes[0])
    axes[1].plot(to_numpy(x), np.abs(to_numpy(y_hat) - to_numpy(y)), color=MODEL_COLOR)
    axes[1].set(xlabel=xlabel, ylabel=t("|model − truth|"), title=t("Error"))
    if costs is not None:
        plot_cost_curve(
            costs, ax=axes[2], title=t("Training cost (scaled numbers)"), xlabel=t("step"), ylabel=t("cost")
        )
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
    figure, axes = plt.subplots(1, panels, figsize=(4.6 * panels, 4.1), layout="constrained")
    ax = axes[0]
    curves = ((line.max(1).values, line_max, "-", "max"), (line.min(1).values, line_min, "--", "min"))
    for truth, head, style, name in curves:
        ax.plot(
            to_numpy(x1),
            to_numpy(truth),
            style,
            color=TRUTH_COLOR,
            lw=3,
            alpha=0.6,
            label=f"{name}(x1, x2)",  # maths: no t()
        )
        ax.plot(to_numpy(x1), to_numpy(head), style, color=MODEL_COLOR, lw=1.5, label=t("{name} head", name=name))
    ax.set(xlabel="$x_1$", ylabel=t("output"), title=t("Both heads at x₂ = {x2:g}", x2=x2))
    _legend_below(ax)
    errors = {t("max head"): (held_max - Y[:, :1]).abs(), t("min head"): (held_min - Y[:, 1:]).abs()}
    axes[1].hist([to_numpy(e) for e in errors.values()], bins=30, label=list(errors), color=[MODEL_COLOR, "tab:red"])
    axes[1].set(
        xlabel=t("|model − truth|"), ylabel=t("held-out pairs"), title=t("Error on {n} held-out pairs", n=len(X))
    )
    _legend_below(axes[1])
    if costs is not None:
        plot_cost_curve(costs, ax=axes[2], title=t("Training cost"), xlabel=t("step"), ylabel=t("cost"))
    return figure


def plot_runs(
    runs: dict[str, Run], *, ax: Any = None, title: str, ylabel: str | None = None, target: float | None = None
) -> Any:
    """Draw each run's error against the step on a log axis (and a dotted target line); return the axes.

    The legend goes beside the axes, where it covers no curve.
    """
    if ax is None:
        ax = plt.subplots(figsize=(7.2, 3.6), layout="constrained")[1]
    styles = ["-", "--", "-.", ":"]
    for i, (label, run) in enumerate(runs.items()):
        if not run.errors:
            raise ValueError(f"runs[{label!r}] recorded no errors: train it with an evaluate function")
        steps, errors = zip(*run.errors)
        if all(np.isnan(errors)):
            label = t("{label} (nan: diverged, no curve)", label=label)
        ax.plot(steps, errors, styles[i % len(styles)], lw=1.6, label=label)
    if target is not None:
        ax.axhline(target, color="black", ls=":", lw=1, label=t("target {target:g}", target=target))
    ax.set_yscale("log")
    ax.set(xlabel=t("step"), ylabel=ylabel if ylabel is not None else t("max |error|"), title=title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize="small")
    return ax
