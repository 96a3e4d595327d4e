"""Checkers for notebook 05: they run the learner's trained model on fixed points and say what is wrong.

Every model is checked in raw units: x² on 201 points of [−100, 100], sin x on 201 points of
[−10, 10], (max, min) on 1000 held-out pairs of [0, 100]². A model that only works on scaled
numbers, one on another device, one that returns NaN or the wrong shape, or one that never
trained gets its own hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from .checks import Verdict, done, safe_call, todo, wrong
from .data import sample_max_min

#: Each exercise's target: max |error| on the grid (x², sin x), mean |error| of each head on held-out pairs (max/min).
TARGETS = {"square": 100.0, "sin": 0.1, "max_min": 0.1}

#: The scales a learner is likely to have trained with, (x_scale, y_scale): tried when a model fails on raw numbers.
SCALES = {"square": (100.0, 10_000.0), "sin": (10.0, 1.0), "max_min": (100.0, 100.0)}

_HELD_OUT_SEED = 2024  # training batches never use this generator


def square_points(device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(x, y)`` of shape (201, 1): x = −100, −99, …, 100 and y = x²."""
    x = torch.linspace(-100.0, 100.0, 201, device=device).reshape(-1, 1)
    return x, x**2


def sin_points(device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(x, y)`` of shape (201, 1): x = −10, −9.9, …, 10 and y = sin x."""
    x = torch.linspace(-10.0, 10.0, 201, device=device).reshape(-1, 1)
    return x, torch.sin(x)


def max_min_points(device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """Return 1000 held-out pairs: X of shape (1000, 2) in [0, 100]², Y of shape (1000, 2) = (max, min)."""
    return sample_max_min(1000, device=device, generator=torch.Generator().manual_seed(_HELD_OUT_SEED))


def _max_error(model: Any, x: torch.Tensor, y: torch.Tensor) -> float:
    with torch.no_grad():
        return (model(x) - y).abs().max().item()


def square_error(model: Any) -> float:
    """Return max |model(x) − x²| over the 201 grid points (the model takes raw x, on its own device)."""
    return _max_error(model, *square_points(_device_of(model) or "cpu"))


def sin_error(model: Any) -> float:
    """Return max |model(x) − sin x| over the 201 grid points."""
    return _max_error(model, *sin_points(_device_of(model) or "cpu"))


def max_min_errors(model: Any) -> tuple[float, float]:
    """Return the mean |error| of the max head and of the min head on the 1000 held-out pairs."""
    X, Y = max_min_points(_device_of(model) or "cpu")
    with torch.no_grad():
        Max, Min = model(X)
    return (Max - Y[:, :1]).abs().mean().item(), (Min - Y[:, 1:]).abs().mean().item()


def max_min_error(model: Any) -> float:
    """Return the worse head's mean |error| on the held-out pairs."""
    return max(max_min_errors(model))


def _device_of(model: Any) -> torch.device | None:
    """Return the device of the model's first parameter or buffer (None when it has none)."""
    tensors = [*model.parameters(), *model.buffers()] if isinstance(model, torch.nn.Module) else []
    return tensors[0].device if tensors else None


def _same_device(a: torch.device, b: torch.device) -> bool:
    return a.type == b.type and (a.index is None or b.index is None or a.index == b.index)


# ---------------------------------------------------------------- the checkers' shared steps

@dataclass(frozen=True)
class _Task:
    name: str
    target: float
    x_scale: float
    y_scale: float
    heads: int  # 1: one tensor (N, 1); 2: a tuple (max, min) of two (N, 1) tensors
    where: str  # how the points read in a message


def _heads(task: _Task, value: Any, n: int) -> tuple[list[torch.Tensor] | None, str, str]:
    """Return (the output as a list of (n, 1) tensors, "", "") or (None, problem, hint)."""
    expected = f"({n}, 1)"
    if task.heads == 1:
        if isinstance(value, (tuple, list)) and len(value) != n:
            return None, f"model(x) returned a {type(value).__name__} of {len(value)}, expected one tensor", \
                "return the last layer's output itself"
        outputs = [value]
    else:
        if isinstance(value, torch.Tensor):
            shape = tuple(value.shape)
            return None, f"model(X) returned one tensor of shape {shape}, expected two: (max, min)", \
                "end forward with `return self.max_layer(out), self.min_layer(out)`"
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return None, f"model(X) returned {type(value).__name__}, expected a pair (max, min)", \
                "end forward with `return self.max_layer(out), self.min_layer(out)`"
        outputs = list(value)
    for output in outputs:
        if not isinstance(output, torch.Tensor):
            return None, f"the model returned a {type(output).__name__}, expected a tensor of shape {expected}", \
                "return the network's output tensor (no .tolist(), .item() or .numpy())"
        if tuple(output.shape) != (n, 1):
            hint = ("keep the column: an (N,) output minus (N, 1) targets broadcasts to an (N, N) cost"
                    if tuple(output.shape) == (n,) else "the last layer should be Linear(256, 1)")
            return None, f"the model returned shape {tuple(output.shape)}, expected {expected}", hint
    return [output.detach().float() for output in outputs], "", ""


def _errors(task: _Task, outputs: list[torch.Tensor], Y: torch.Tensor) -> list[float]:
    """Return each head's error: max |error| for one head, mean |error| for two."""
    errors = [(output - Y[:, i:i + 1]).abs() for i, output in enumerate(outputs)]
    return [e.max().item() if task.heads == 1 else e.mean().item() for e in errors]


def _r2(outputs: list[torch.Tensor], Y: torch.Tensor) -> float:
    """Return the worst head's R² = 1 − MSE / Var(y): 1 is perfect, 0 no better than a constant."""
    scores = [1 - ((o - Y[:, i:i + 1]) ** 2).mean().item() / Y[:, i].var(unbiased=False).item()
              for i, o in enumerate(outputs)]
    return min(scores)


def _fits(outputs: list[torch.Tensor] | None, Y: torch.Tensor) -> bool:
    """True when finite ``outputs`` follow ``Y`` closely (R² ≥ 0.9), even if not yet within the target."""
    return outputs is not None and all(torch.isfinite(o).all() for o in outputs) and _r2(outputs, Y) >= 0.9


def _scaled_meaning(task: _Task, model: Any, X: torch.Tensor, Y: torch.Tensor) -> tuple[str, str] | None:
    """Return (how the model was meant to be fed, hint) if a scaled call of it fits ``Y``, else None."""
    xs, ys = task.x_scale, task.y_scale
    wrap = f"wrap the trained net: Scaled(net, {xs:g}, {ys:g}) takes raw x and returns raw y"
    variants = {(xs, ys): (f"x / {xs:g} in, y / {ys:g} out", wrap), (xs, 1.0): (f"x / {xs:g} in", wrap),
                (1.0, ys): (f"y / {ys:g} out", f"multiply the output by {ys:g}, or better {wrap}")}
    for (a, b), meaning in variants.items():
        if (a, b) == (1.0, 1.0):
            continue
        with torch.no_grad():
            call = safe_call(model, X / a)
        outputs = _heads(task, call.value, len(X))[0] if call.error is None else None
        if outputs is not None and _fits([o * b for o in outputs], Y):
            return meaning
    return None


def _diagnose(task: _Task, model: Any, outputs: list[torch.Tensor], X: torch.Tensor, Y: torch.Tensor) -> tuple[str, str]:
    """Return (problem, hint) for a model whose predictions do not follow the targets at all."""
    if task.heads == 2:
        patterns = {(1, 0): ("the heads are swapped: the first returns the min, the second the max",
                             "return (max, min), and train the first head on max(x1, x2)"),
                    (1, 1): ("both heads predict the minimum", "the lecture's listing overwrites the max labels "
                             "with the min labels: train the first head on max(x1, x2)"),
                    (0, 0): ("both heads predict the maximum", "train the second head on min(x1, x2)")}
        for columns, message in patterns.items():
            if _fits(outputs, Y[:, list(columns)]):
                return message
    scaled = _scaled_meaning(task, model, X, Y)
    if scaled:
        return f"the model is right only on scaled numbers ({scaled[0]})", scaled[1]
    return ("the predictions are far off everywhere, as if the model never trained",
            "does the loop call optimizer.step() on this model's parameters, and return the trained model?")


def _check(task: _Task, model: Any, device: torch.device | str, X: torch.Tensor, Y: torch.Tensor) -> Verdict:
    name, unit = task.name, ("max |error|" if task.heads == 1 else "mean |error|")
    if model is None:
        return todo(name)
    if not callable(model):
        return wrong(name, f"expected a trained model, got a {type(model).__name__}",
                     "pass the model your training function returned")
    device = torch.device(device)
    model_device = _device_of(model)
    if model_device is not None and not _same_device(model_device, device):
        return wrong(name, f"the model is on {model_device} but the data is on {device}",
                     "move the model with model.to(device) before training it")
    with torch.no_grad():
        call = safe_call(model, X)
    if call.unsolved:
        return todo(name)
    if call.error is not None:
        hint = ("put the model and the data on the same device: model.to(device)" if "device" in str(call.error)
                else f"try your model on a ({len(X)}, {X.shape[1]}) tensor yourself to see where it fails")
        return wrong(name, f"model(x) {call.describe_error()}", hint)
    outputs, problem, hint = _heads(task, call.value, len(X))
    if outputs is None:
        return wrong(name, problem, hint)
    if not all(torch.isfinite(o).all() for o in outputs):
        return wrong(name, "the model returns NaN or inf",
                     "training diverged: lower lr, use the mean cost, and scale the inputs and targets")
    errors = _errors(task, outputs, Y)
    if max(errors) <= task.target:
        heads = ("max head", "min head") if task.heads == 2 else ("",)
        detail = ", ".join(f"{head} {error:.3g}".strip() for head, error in zip(heads, errors))
        return done(name, f"{unit} {detail} ≤ {task.target:g} on {task.where}")
    if _r2(outputs, Y) < 0.5:
        return wrong(name, *_diagnose(task, model, outputs, X, Y))
    return wrong(name, f"{unit} {max(errors):.3g} on {task.where}, target ≤ {task.target:g}",
                 "train longer, or use the course's recipe: scaled numbers, mean cost, cosine decay")


def check_square(model: Any, device: torch.device | str) -> Verdict:
    """Return the verdict on a trained x² model: max |model(x) − x²| ≤ 100 on x = −100, …, 100."""
    x_scale, y_scale = SCALES["square"]
    task = _Task("fit_square", TARGETS["square"], x_scale, y_scale, 1, "x = −100, −99, …, 100")
    return _check(task, model, device, *square_points(device))


def check_sin(model: Any, device: torch.device | str) -> Verdict:
    """Return the verdict on a trained sin model: max |model(x) − sin x| ≤ 0.1 on 201 points of [−10, 10]."""
    x_scale, y_scale = SCALES["sin"]
    task = _Task("fit_sin", TARGETS["sin"], x_scale, y_scale, 1, "201 points of [−10, 10]")
    return _check(task, model, device, *sin_points(device))


def check_max_min(model: Any, device: torch.device | str) -> Verdict:
    """Return the verdict on a trained two-head model: each head's mean |error| ≤ 0.1 on 1000 held-out pairs."""
    x_scale, y_scale = SCALES["max_min"]
    task = _Task("fit_max_min", TARGETS["max_min"], x_scale, y_scale, 2, "1000 held-out pairs")
    return _check(task, model, device, *max_min_points(device))


def check_save_load(model: Any, loaded: Any, path: Any, device: torch.device | str) -> Verdict:
    """Return the verdict on exercise 2's save/load: a file at ``path``, a fresh model, identical outputs (torch.equal)."""
    name = "save_and_load"
    if model is None or loaded is None:
        return todo(name)
    if not isinstance(path, (str, Path)) or not Path(path).exists():
        return wrong(name, f"no file at {path}", "save with torch.save(model.state_dict(), path)")
    if loaded is model:
        return wrong(name, "it returned the same model object", "build a fresh model and load the saved state_dict into it")
    if not isinstance(loaded, torch.nn.Module) or not isinstance(model, torch.nn.Module):
        return wrong(name, f"expected two torch.nn.Module objects, got {type(loaded).__name__}",
                     "return the fresh model after load_state_dict")
    shared = {p.data_ptr() for p in model.parameters()} & {p.data_ptr() for p in loaded.parameters()}
    if shared:
        return wrong(name, "the loaded model shares its weights with the trained one",
                     "build a fresh model (e.g. Scaled(SinModel(), 10, 1)) and load the file into it")
    x, _ = sin_points(device)
    with torch.no_grad():
        call = safe_call(loaded, x)
        if call.error is not None:
            return wrong(name, f"the loaded model {call.describe_error()}", "load with map_location=device")
        if not torch.equal(call.value, model(x)):
            return wrong(name, "the loaded model's outputs differ from the trained model's",
                         "load the file you saved, into a model of the same class and scales")
    return done(name, f"{Path(path).name} saved and loaded: identical outputs (torch.equal) on {len(x)} points")
