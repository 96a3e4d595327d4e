"""Checkers for notebook 05: each runs the learner's training function (bounded) and judges what it returns.

``model, costs = check_square(solve_square, device)`` calls ``solve_square()``, prints ONE verdict
line and returns the (model, costs) it returned when the cells after can use them (a model that
gives outputs of the right shape on ``device``; costs as numbers), else ``(None, None)``.
Models are judged in raw units: x² on 201 points of [−100, 100], sin x on 201 points of [−10, 10],
(max, min) on 1000 held-out pairs of [0, 100]². A model that fails gets the hint of its cause: a
diverged cost, no optimizer step, an optimizer on other parameters, a broadcast cost (the net
predicts the mean), scaled numbers where raw ones are expected, swapped heads.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import torch
from torch import nn
from torch.optim.optimizer import register_optimizer_step_post_hook

from .checks import Todo, Wrong, as_float, judge, learner, returned
from .fit_exercises import EXERCISES, Exercise, sin_points
from .fit_exercises import TARGETS as TARGETS  # the notebook imports these from here, with the checkers
from .fit_exercises import max_min_points as max_min_points
from .fit_exercises import square_points as square_points
from .language import t
from .validate import require_device

# -------------------------------------------------------- errors of a model (also for the cells after a checker)


def _device_of(model: Any) -> torch.device | None:
    """Return the device of the model's first parameter or buffer (None when it has none)."""
    tensors = [*model.parameters(), *model.buffers()] if isinstance(model, nn.Module) else []
    return tensors[0].device if tensors else None


def _errors_or_nan(task: Exercise, model: Any) -> list[float]:
    """Return each head's error on the task's points; for None or a broken model, say why in one line, return NaNs."""
    try:
        X, Y = task.points(_device_of(model) or "cpu")
        with torch.no_grad():
            outputs = _heads(task, model(X), len(X))
        return _errors(task, outputs, Y)
    except Exception as problem:  # Wrong included
        reason = t("there is no model yet") if model is None else getattr(problem, "message", str(problem))
        print(t("nothing to measure: {reason} (see the checker above)", reason=reason))
        return [math.nan] * task.heads


def square_error(model: Any) -> float:
    """Return max |model(x) − x²| over the 201 grid points (NaN, with one printed line, if there is no usable model)."""
    return _errors_or_nan(EXERCISES["square"], model)[0]


def sin_error(model: Any) -> float:
    """Return max |model(x) − sin x| over the 201 grid points (NaN, with one printed line, if no usable model)."""
    return _errors_or_nan(EXERCISES["sin"], model)[0]


def max_min_errors(model: Any) -> tuple[float, float]:
    """Return the mean |error| of the max head and of the min head on the 1000 held-out pairs (NaN: no usable model)."""
    error_max, error_min = _errors_or_nan(EXERCISES["max_min"], model)
    return error_max, error_min


def max_min_error(model: Any) -> float:
    """Return the worse head's mean |error| on the held-out pairs."""
    return max(max_min_errors(model))


def exercise_error(exercise: Exercise, model: Any) -> float:
    """Return the model's error on ``exercise`` (its worse head's, for two heads); NaN with one line if unusable."""
    return max(_errors_or_nan(exercise, model))


# ---------------------------------------------------------------- what the learner's function returned


def _heads(task: Exercise, value: Any, n: int) -> list[torch.Tensor]:
    """Return the model's output as a list of (n, 1) float tensors, one per head, or raise Wrong."""
    fix = t("end forward with `return self.max_layer(out), self.min_layer(out)`")
    if task.heads == 1:
        if isinstance(value, (tuple, list)) and len(value) != n:
            raise Wrong(
                t("model(x) returned a {kind} of {n}, expected one tensor", kind=type(value).__name__, n=len(value)),
                t("return the last layer's output itself"),
            )
        outputs = [value]
    elif isinstance(value, torch.Tensor):
        raise Wrong(
            t("model(X) returned one tensor of shape {shape}, expected two: (max, min)", shape=tuple(value.shape)), fix
        )
    elif not isinstance(value, (tuple, list)) or len(value) != 2:
        raise Wrong(t("model(X) returned {value}, expected a pair (max, min)", value=returned(value)), fix)
    else:
        outputs = list(value)
    for output in outputs:
        if not isinstance(output, torch.Tensor):
            raise Wrong(
                t("the model returned a {kind}, expected a tensor of shape ({n}, 1)", kind=type(output).__name__, n=n),
                t("return the network's output tensor (no .tolist(), .item() or .numpy())"),
            )
        if tuple(output.shape) != (n, 1):
            hint = (
                t("keep the column: an (N,) output minus (N, 1) targets broadcasts to an (N, N) cost")
                if tuple(output.shape) == (n,)
                else t("the last layer should be Linear(256, 1)")
            )
            raise Wrong(t("the model returned shape {shape}, expected ({n}, 1)", shape=tuple(output.shape), n=n), hint)
    return [output.detach().float() for output in outputs]


def _outputs(task: Exercise, model: Any, X: torch.Tensor) -> list[torch.Tensor]:
    """Return ``model(X)`` as one (N, 1) tensor per head, or raise Wrong (then the cells after cannot use it)."""
    if not callable(model) or isinstance(model, type):
        raise Wrong(
            t("expected a trained model, got {value}", value=returned(model)),
            t("return the trained model (an nn.Module), not its class or its state_dict"),
        )
    model_device = _device_of(model)
    if model_device is not None and model_device.type != X.device.type:
        raise Wrong(
            t("the model is on {found} but the data is on {device}", found=model_device, device=X.device),
            t("move the model with model.to(device) before training it"),
        )
    with torch.no_grad():
        try:
            value = learner(model, X, what=t("model(x) on a ({n}, {d}) tensor", n=len(X), d=X.shape[1]), bound="model")
        except Wrong as problem:
            if "device" in problem.message:
                problem.hint = t("put the model and the data on the same device: model.to(device)")
            raise
    return _heads(task, value, len(X))


def _costs(costs: Any) -> np.ndarray:
    """Return the recorded costs as a float array, or raise Wrong."""
    if costs is None:
        raise Wrong(t("the costs are None"), t("fit must end with `return costs`, the list of cost.item() per step"))
    if isinstance(costs, (list, tuple)) and any(isinstance(c, torch.Tensor) and c.requires_grad for c in costs):
        raise Wrong(
            t("the costs are tensors that keep their computation graphs"),
            t("append cost.item(), a plain float, not the cost tensor"),
        )
    values = [as_float(c) for c in costs] if isinstance(costs, (list, tuple)) else None
    if values is None or any(v is None for v in values) or not values:
        raise Wrong(
            t("the costs are {value}, expected a list of numbers, one per step", value=returned(costs)),
            t("append cost.item() to a list at every step and return that list"),
        )
    return np.array(values)


# ---------------------------------------------------------------- why a model fails


@contextmanager
def _watching_optimizers() -> Iterator[dict[str, Any]]:
    """Yield a record of every optimizer.step() run inside: how many, the first lr, the parameters stepped."""
    seen: dict[str, Any] = {"steps": 0, "lr": None, "params": set(), "optimizers": set()}

    def hook(optimizer: torch.optim.Optimizer, *_: Any) -> None:
        seen["steps"] += 1
        if id(optimizer) not in seen["optimizers"]:  # its first step: lr before any schedule, and its parameters
            seen["optimizers"].add(id(optimizer))
            seen["lr"] = seen["lr"] if seen["lr"] is not None else optimizer.param_groups[0].get("lr")
            seen["params"].update(id(p) for group in optimizer.param_groups for p in group["params"])

    handle = register_optimizer_step_post_hook(hook)
    try:
        yield seen
    finally:
        handle.remove()


def _errors(task: Exercise, outputs: list[torch.Tensor], Y: torch.Tensor) -> list[float]:
    """Return each head's error: max |error| for one head, mean |error| for two."""
    errors = [(output - Y[:, i : i + 1]).abs() for i, output in enumerate(outputs)]
    return [e.max().item() if task.heads == 1 else e.mean().item() for e in errors]


def _r2(outputs: list[torch.Tensor], Y: torch.Tensor) -> float:
    """Return the worst head's R² = 1 − MSE / Var(y): 1 is perfect, 0 no better than a constant."""
    scores = [
        1 - ((o - Y[:, i : i + 1]) ** 2).mean().item() / Y[:, i].var(unbiased=False).item()
        for i, o in enumerate(outputs)
    ]
    return min(scores)


def _diverged(costs: np.ndarray, lr: Any) -> tuple[str, str] | None:
    """Return (problem, hint) if the recorded cost became NaN/inf or exploded, else None."""
    lower = (
        t("the learning rate (lr = {lr}) is too large: lower it, e.g. 10 times", lr=lr)
        if lr is not None
        else t("the learning rate is too large: lower it, e.g. 10 times")
    )
    if not np.isfinite(costs).all():
        return t("the cost became NaN or inf during training"), lower
    if len(costs) > 1 and costs[1:].max() > 100 * costs[0]:
        return t(
            "the cost exploded from {first} to {worst} during training",
            first=f"{costs[0]:.3g}",
            worst=f"{costs[1:].max():.3g}",
        ), lower
    return None


def _scaled_meaning(task: Exercise, model: Any, X: torch.Tensor, Y: torch.Tensor) -> tuple[str, str] | None:
    """Return (how the model was meant to be fed, hint) if a rescaled call of it fits ``Y``, else None."""
    xs, ys = task.x_scale, task.y_scale
    wrap = t("wrap the trained net: Scaled(net, {xs}, {ys}) takes raw x and returns raw y", xs=f"{xs:g}", ys=f"{ys:g}")
    variants = {
        (xs, ys): (t("x / {xs} in, y / {ys} out", xs=f"{xs:g}", ys=f"{ys:g}"), wrap),
        (xs, 1.0): (t("x / {xs} in", xs=f"{xs:g}"), wrap),
        (1.0, ys): (
            t("y / {ys} out", ys=f"{ys:g}"),
            t("multiply the output by {ys}, or better {wrap}", ys=f"{ys:g}", wrap=wrap),
        ),
        (1 / xs, 1 / ys): (
            t(
                "the net inside was trained on raw x and y, but is wrapped to expect x / {xs} and y / {ys}",
                xs=f"{xs:g}",
                ys=f"{ys:g}",
            ),
            t(
                "train it on the scaled numbers the wrapper expects: fit(net, …, x_scale={xs}, y_scale={ys})",
                xs=f"{xs:g}",
                ys=f"{ys:g}",
            ),
        ),
    }
    for (a, b), meaning in variants.items():
        if (a, b) == (1.0, 1.0):
            continue
        try:
            outputs = _outputs(task, model, X / a)
        except Exception:  # Wrong included: this rescaling does not even run
            continue
        scaled = [o * b for o in outputs]
        if all(torch.isfinite(o).all() for o in scaled) and _r2(scaled, Y) >= 0.75:
            return meaning
    return None


def _diagnose(
    task: Exercise, model: Any, outputs: list[torch.Tensor], X: torch.Tensor, Y: torch.Tensor, seen: dict[str, Any]
) -> tuple[str, str]:
    """Return (problem, hint) for a model whose predictions do not follow the targets at all."""
    if task.heads == 2:
        patterns = {
            (1, 0): (
                t("the heads are swapped: the first returns the min, the second the max"),
                t("return (max, min), and train the first head on max(x1, x2)"),
            ),
            (1, 1): (
                t("both heads predict the minimum"),
                t(
                    "the lecture's listing overwrites the max labels "
                    "with the min labels: train the first head on max(x1, x2)"
                ),
            ),
            (0, 0): (t("both heads predict the maximum"), t("train the second head on min(x1, x2)")),
        }
        for columns, message in patterns.items():
            if _r2(outputs, Y[:, list(columns)]) >= 0.9:
                return message
    scaled = _scaled_meaning(task, model, X, Y)
    if scaled:
        return t("the model is right only on rescaled numbers ({how})", how=scaled[0]), scaled[1]
    if seen["steps"] == 0:
        return (
            t("the predictions are far off everywhere, and {solve}() never ran optimizer.step()", solve=task.solve),
            t("does the loop call optimizer.step() after cost.backward()?"),
        )
    if not {id(p) for p in model.parameters()} & seen["params"]:
        return (
            t("optimizer.step() ran, but on parameters that are not the returned model's"),
            t("build the optimizer from the net you train and return: torch.optim.Adam(net.parameters(), lr=lr)"),
        )
    spread = [
        (o.std().item(), (o.mean() - Y[:, i].mean()).abs().item(), Y[:, i].std().item()) for i, o in enumerate(outputs)
    ]
    if all(s < 0.05 * sd and gap < 0.25 * sd for s, gap, sd in spread):
        return (
            t("the model predicts about the same value everywhere, the mean of the targets"),
            t(
                "in the cost, net(x) and y must both be (N, 1): (N,) minus (N, 1) broadcasts to (N, N) and trains "
                "the net towards the mean (no .squeeze(), .flatten() or [:, 0])"
            ),
        )
    return (
        t("the predictions are far off everywhere"),
        t("check the cost, ((net(x / x_scale) - y / y_scale) ** 2).mean(), and that fit trains the net you return"),
    )


# ---------------------------------------------------------------- the checkers


def _check_fit(solve: Any, task: Exercise, device: torch.device, kept: list[Any]) -> str:
    with _watching_optimizers() as seen:
        result = learner(solve, what=f"{task.solve}()", bound="training")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise Wrong(
            t("{solve}() returned {value}, expected (model, costs)", solve=task.solve, value=returned(result)),
            t("end with `return model, costs`"),
        )
    model, costs = result
    X, Y = task.points(device)
    outputs = _outputs(task, model, X)
    kept[0] = model
    costs = _costs(costs)
    kept[1] = result[1]
    errors = _errors(task, outputs, Y)
    unit = t("max |error|") if task.heads == 1 else t("mean |error|")
    if all(math.isfinite(e) for e in errors) and max(errors) <= task.target:
        heads = (t("max head"), t("min head")) if task.heads == 2 else ("",)
        detail = ", ".join(f"{head} {error:.3g}".strip() for head, error in zip(heads, errors))
        return t(
            "{unit} {detail} ≤ {target} on {where}",
            unit=unit,
            detail=detail,
            target=f"{task.target:g}",
            where=task.where(),
        )
    diverged = _diverged(costs, seen["lr"])
    if not all(torch.isfinite(o).all() for o in outputs):
        raise Wrong(
            t("the model returns NaN or inf"),
            diverged[1]
            if diverged
            else t("training diverged: lower lr, use the mean cost, and scale the inputs and targets"),
        )
    if diverged:
        raise Wrong(*diverged)
    if _r2(outputs, Y) < 0.5:
        raise Wrong(*_diagnose(task, model, outputs, X, Y, seen))
    raise Wrong(
        t(
            "{unit} {error} on {where}, target ≤ {target}",
            unit=unit,
            error=f"{max(errors):.3g}",
            where=task.where(),
            target=f"{task.target:g}",
        ),
        t("train longer, or use the course's recipe: scaled numbers, mean cost, cosine decay"),
    )


def _run(task: Exercise, solve: Any, device: Any) -> tuple[Any, Any]:
    kept: list[Any] = [None, None]
    print(judge(f"fit_{task.name}", _check_fit, solve, task, require_device(device), kept))
    return kept[0], kept[1]


def check_square(solve_square: Any, device: torch.device | str) -> tuple[Any, Any]:
    """Run ``solve_square()``, print the verdict (max |model(x) − x²| ≤ 100 on x = −100…100), return its (model, costs).

    >>> square_model, square_costs = check_square(solve_square, device)  # doctest: +SKIP
    """
    return _run(EXERCISES["square"], solve_square, device)


def check_sin(solve_sin: Any, device: torch.device | str) -> tuple[Any, Any]:
    """Run ``solve_sin()``, print the verdict (max |model(x) − sin x| ≤ 0.1 on [−10, 10]), return its (model, costs)."""
    return _run(EXERCISES["sin"], solve_sin, device)


def check_max_min(solve_max_min: Any, device: torch.device | str) -> tuple[Any, Any]:
    """Run ``solve_max_min()``, print the verdict (each head's mean |error| ≤ 0.1), return its (model, costs)."""
    return _run(EXERCISES["max_min"], solve_max_min, device)


# ---------------------------------------------------------------- save and load


@contextmanager
def _watching_loads() -> Iterator[list[tuple[Any, Any]]]:
    """Yield a list of (file, weights_only) for every torch.load called inside."""
    calls: list[tuple[Any, Any]] = []
    load = torch.load

    def watched(f: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append((f, kwargs.get("weights_only")))
        return load(f, *args, **kwargs)

    torch.load = watched
    try:
        yield calls
    finally:
        torch.load = load


def _same_state(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return set(a) == set(b) and all(torch.equal(a[k].detach().cpu(), b[k].detach().cpu()) for k in a)


def _check_save_load(save_and_load: Any, model: Any, path: Path, device: torch.device, kept: list[Any]) -> str:
    if model is None:
        raise Todo(
            t("needs the trained sin model: exercise 2 above is not done yet"),
            t("run this cell again once check_sin says ✅"),
        )
    path.unlink(missing_ok=True)  # whatever is there afterwards was written by this call
    with _watching_loads() as loads:
        loaded = learner(save_and_load, model, path, what="save_and_load(sin_model, path)", bound="model")
    if not path.exists():
        raise Wrong(
            t("no file at {path} after save_and_load", path=path), t("save with torch.save(model.state_dict(), path)")
        )
    try:
        saved = torch.load(path, weights_only=True, map_location="cpu")
    except Exception:
        raise Wrong(
            t("the file cannot be loaded with torch.load(path, weights_only=True): it holds pickled objects"),
            t("save the weights only: torch.save(model.state_dict(), path), not torch.save(model, path)"),
        ) from None
    if not isinstance(saved, dict) or not _same_state(saved, model.state_dict()):
        raise Wrong(
            t("the file does not hold the trained model's state_dict"),
            t("save the model passed in: torch.save(model.state_dict(), path)"),
        )
    if isinstance(loaded, dict):
        raise Wrong(
            t("returned a {kind}: a state_dict, not a model", kind=type(loaded).__name__),
            t("load it into a fresh model and return that model"),
        )
    if not isinstance(loaded, nn.Module):
        raise Wrong(
            t("returned {value}, expected the fresh model", value=returned(loaded)),
            t("return the fresh model after load_state_dict"),
        )
    if loaded is model or {p.data_ptr() for p in model.parameters()} & {p.data_ptr() for p in loaded.parameters()}:
        raise Wrong(
            t("the returned model shares its weights with the trained one"),
            t("build a fresh model (e.g. Scaled(SinNet(), 10, 1)) and load the file into it"),
        )
    dtypes = {str(p.dtype).removeprefix("torch.") for p in loaded.parameters()} - {
        str(p.dtype).removeprefix("torch.") for p in model.parameters()
    }
    if dtypes:
        raise Wrong(
            t(
                "the loaded model's parameters are {dtypes}, the trained model's are not",
                dtypes=", ".join(sorted(dtypes)),
            ),
            t("build the fresh model exactly like the trained one: no .double() or .half()"),
        )
    x, _ = sin_points(device)
    (out,) = _outputs(EXERCISES["sin"], loaded, x)
    kept[0] = loaded
    if not _same_state(loaded.state_dict(), saved):
        raise Wrong(
            t("the returned model does not hold the weights in the file"),
            t("return the fresh model you loaded the file into"),
        )
    with torch.no_grad():
        if not torch.equal(out, model(x).detach().float()):
            raise Wrong(
                t("the loaded model's outputs differ from the trained model's"),
                t("load the file you saved, into a model of the same class and scales"),
            )
    if not loads:
        raise Wrong(t("save_and_load never called torch.load"), t("load the file: torch.load(path, weights_only=True)"))
    if any(weights_only is not True for _, weights_only in loads):
        raise Wrong(
            t("torch.load was called without weights_only=True"),
            t("a checkpoint is a pickle that can run code: load with torch.load(path, weights_only=True)"),
        )
    return t("{file} saved and loaded: identical outputs (torch.equal) on {n} points", file=path.name, n=len(x))


def check_save_load(save_and_load: Any, model: Any, path: str | Path, device: torch.device | str) -> Any:
    """Run ``save_and_load(model, path)`` on a fresh ``path``, print the verdict, return the loaded model or None.

    ✅ needs: the file written by this call, loadable with ``weights_only=True`` as the trained model's
    state_dict; a fresh model holding those weights with identical outputs; ``torch.load(..., weights_only=True)``.
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(
            f"path must be a file path such as helpers.output_dir() / 'sin_model.pt', got {type(path).__name__}"
        )
    kept: list[Any] = [None]
    print(judge("save_and_load", _check_save_load, save_and_load, model, Path(path), require_device(device), kept))
    return kept[0]
