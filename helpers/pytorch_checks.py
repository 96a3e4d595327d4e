"""Checkers for notebook 04's exercises: build the lecture's Sequential model, write one training step."""

from __future__ import annotations

import copy
import math
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from .checks import Verdict, Wrong, checker, learner, returned
from .language import t
from .validate import require_count, require_device

#: The lecture's network for y = x²: (layer type, inputs, outputs); ReLU has no sizes.
LECTURE_NET: tuple[tuple[type[nn.Module], int, int] | tuple[type[nn.Module]], ...] = (
    (nn.Linear, 1, 256),
    (nn.ReLU,),
    (nn.Linear, 256, 256),
    (nn.ReLU,),
    (nn.Linear, 256, 1),
)
LECTURE_NET_PARAMETERS = 1 * 256 + 256 + 256 * 256 + 256 + 256 * 1 + 1  # a·b weights + b biases per Linear = 66 561


def _describe(layer: Any) -> str:
    """Return e.g. ``"Linear(1, 256)"``, ``"ReLU"``, or ``"MyLinear(1, 256)"`` for a subclass."""
    if isinstance(layer, nn.Linear):
        return f"{type(layer).__name__}({layer.in_features}, {layer.out_features})"
    return type(layer).__name__


def _layers_text(spec: tuple) -> str:
    return " → ".join(
        f"{kind.__name__}({', '.join(map(str, sizes))})" if sizes else kind.__name__ for kind, *sizes in spec
    )


def _reference_forward(model: nn.Sequential, x: torch.Tensor) -> torch.Tensor:
    """Return what nn.Linear and nn.ReLU compute with the model's own weights: the behaviour a subclass must keep."""
    for layer in model:
        x = F.linear(x, layer.weight, layer.bias) if isinstance(layer, nn.Linear) else torch.relu(x)
    return x


def check_build_model(build_model: Any, device: torch.device | str = "cpu") -> Verdict:
    """Check that ``build_model(device)`` returns the lecture's Sequential net: float32, trainable, on ``device``."""
    return _check_build_model(build_model, require_device(device))


@checker("build_model")
def _check_build_model(build_model: Any, device: torch.device) -> str:
    model = learner(build_model, device, what="build_model(device)", bound="model")
    if not isinstance(model, nn.Sequential):
        raise Wrong(
            t("returned a {kind}, expected an nn.Sequential", kind=type(model).__name__),
            t("return nn.Sequential(nn.Linear(1, 256), nn.ReLU(), ...).to(device)"),
        )
    found = " → ".join(_describe(layer) for layer in model)
    if len(model) != len(LECTURE_NET) or not all(
        isinstance(layer, kind) for layer, (kind, *_) in zip(model, LECTURE_NET)
    ):
        raise Wrong(
            t("layers are {found}, expected {expected}", found=found or t("empty"), expected=_layers_text(LECTURE_NET)),
            t("five layers in this order: Linear, ReLU, Linear, ReLU, Linear"),
        )
    for index, (layer, (_, *sizes)) in enumerate(zip(model, LECTURE_NET)):
        if sizes and (layer.in_features, layer.out_features) != tuple(sizes):
            raise Wrong(
                t(
                    "layer {index} is {found}, expected Linear({a}, {b})",
                    index=index,
                    found=_describe(layer),
                    a=sizes[0],
                    b=sizes[1],
                ),
                t("nn.Linear(a, b) takes a inputs and gives b outputs: each a is the previous layer's b"),
            )
    count = sum(p.numel() for p in model.parameters())
    if count != LECTURE_NET_PARAMETERS:
        raise Wrong(
            t(
                "the model has {count} parameters, expected {expected}",
                count=f"{count:,}",
                expected=f"{LECTURE_NET_PARAMETERS:,}",
            ),
            t("keep every layer's bias (bias=True is nn.Linear's default)"),
        )
    frozen = [name for name, p in model.named_parameters() if not p.requires_grad]
    if frozen:
        raise Wrong(
            t("parameters {names} are frozen (requires_grad=False)", names=", ".join(frozen)),
            t("an optimizer never changes a frozen parameter: leave requires_grad as nn.Linear sets it"),
        )
    dtypes = sorted({str(p.dtype).removeprefix("torch.") for p in model.parameters()})
    if dtypes != ["float32"]:
        raise Wrong(
            t("parameters are {dtypes}, expected float32", dtypes=", ".join(dtypes)),
            t("keep PyTorch's default float32: no .double(), .half() or dtype= when building the model"),
        )
    where = {p.device.type for p in model.parameters()}
    if where != {device.type}:
        raise Wrong(
            t("parameters are on {found}, expected {device}", found=", ".join(sorted(where)), device=device.type),
            t("end with .to(device)"),
        )
    probe = torch.linspace(-1.0, 1.0, 7, device=device).reshape(7, 1)
    with torch.no_grad():
        out = learner(model, probe, what=t("model(x) on a (7, 1) batch"), bound="model")
        if not isinstance(out, torch.Tensor) or tuple(out.shape) != (7, 1):
            shape = tuple(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
            raise Wrong(
                t("model(x) on a (7, 1) batch gave {shape}, expected (7, 1)", shape=shape),
                t("the last layer must be Linear(256, 1)"),
            )
        if not torch.isfinite(out).all():
            raise Wrong(t("model(x) gave NaN or inf"), t("build a fresh model; do not change its weights"))
        if not torch.allclose(out, _reference_forward(model, probe), rtol=1e-5, atol=1e-6):
            raise Wrong(
                t("model(x) is not what its Linear and ReLU layers compute"),
                t("use nn.Linear and nn.ReLU themselves, not subclasses that change forward"),
            )
    return t("{found}, {count} parameters", found=found, count=f"{count:,}")


def _probe_problem(device: torch.device) -> tuple[nn.Module, torch.Tensor, torch.Tensor]:
    """Return a small fixed model (2 → 3 → 1, tanh) and a batch (X, y) for testing a training step."""
    g = torch.Generator().manual_seed(4)
    model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g))
    X = torch.tensor([[0.0, 1.0], [1.0, -1.0], [2.0, 0.5], [-1.0, 2.0]])
    y = torch.tensor([[1.0], [0.0], [2.0], [-1.0]])
    return model.to(device), X.to(device), y.to(device)


def _flat(tensors: Any) -> torch.Tensor:
    return torch.cat([p.detach().reshape(-1) for p in tensors]).cpu().double()


def _close(a: torch.Tensor, b: torch.Tensor) -> bool:
    return torch.allclose(a, b, rtol=1e-4, atol=1e-6)


def check_train_step(train_step: Any, device: torch.device | str = "cpu", calls: int = 3) -> Verdict:
    """Check that each ``train_step(model, optimizer, X, y)`` steps the given optimizer, returns the cost (a float)."""
    return _check_train_step(train_step, require_device(device), require_count("calls", calls))


@checker("train_step")
def _check_train_step(train_step: Any, device: torch.device, calls: int, lr: float = 0.01) -> str:
    model, X, y = _probe_problem(device)
    reference = copy.deepcopy(model)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    ref_optimizer = torch.optim.SGD(reference.parameters(), lr=lr)
    steps = []
    optimizer.register_step_post_hook(lambda *_: steps.append(1))
    summed_grad = torch.zeros_like(_flat(model.parameters()))
    for k in range(1, calls + 1):
        before = _flat(reference.parameters())
        ref_optimizer.zero_grad()
        cost = ((reference(X) - y) ** 2).sum()
        cost.backward()
        grad = _flat(p.grad for p in reference.parameters())
        summed_grad += grad
        ref_optimizer.step()
        expected_cost, expected_step = cost.item(), _flat(reference.parameters()) - before

        learner_before, stepped = _flat(model.parameters()), len(steps)
        X_in, y_in = X.clone(), y.clone()
        value = learner(
            train_step,
            model,
            optimizer,
            X_in,
            y_in,
            what=t("call {k}: train_step(model, optimizer, X, y)", k=k),
            bound="model",
        )
        if not (torch.equal(X_in, X) and torch.equal(y_in, y)):
            raise Wrong(
                t("call {k} changed {which} in place", k=k, which="X" if not torch.equal(X_in, X) else "y"),
                t("compute the cost from model(X) and y without changing them: no y -= …, y.sub_(…) or X[...] = …"),
            )
        step = _flat(model.parameters()) - learner_before
        if not torch.isfinite(step).all():
            raise Wrong(
                t("call {k} left NaN or inf in the parameters", k=k), t("the cost is ((model(X) - y) ** 2).sum()")
            )
        if len(steps) == stepped and not _close(step, torch.zeros_like(step)):
            raise Wrong(
                t("call {k} changed the parameters without optimizer.step() of the optimizer passed in", k=k),
                t("use the `optimizer` argument; do not build a new optimizer inside train_step"),
            )
        if not _close(step, expected_step):
            raise Wrong(
                t("call {k} changed the parameters by the wrong amount", k=k),
                _step_hint(step, expected_step, lr * grad, lr * summed_grad, len(X), len(steps) > stepped),
            )
        if isinstance(value, torch.Tensor):
            raise Wrong(t("returned a tensor, expected a float"), t("return cost.item()"))
        if isinstance(value, bool) or not isinstance(value, (float, int)):
            raise Wrong(
                t("returned {value}, expected the cost as a float", value=returned(value)),
                t("end with: return cost.item()"),
            )
        if not math.isfinite(value):
            raise Wrong(t("returned {value}", value=value), t("return the cost computed in this step: cost.item()"))
        if not math.isclose(value, expected_cost, rel_tol=1e-4, abs_tol=1e-6):
            raise Wrong(
                t(
                    "call {k} returned {value}, expected {expected}",
                    k=k,
                    value=f"{value:.6g}",
                    expected=f"{expected_cost:.6g}",
                ),
                t("return the cost computed before optimizer.step(): cost.item()"),
            )
    return t("{calls} calls each did zero_grad → backward → step and returned the cost", calls=calls)


def _step_hint(
    step: torch.Tensor, expected: torch.Tensor, lr_grad: torch.Tensor, lr_summed: torch.Tensor, n: int, stepped: bool
) -> str:
    """Return the hint that matches how a step went wrong."""
    if _close(step, torch.zeros_like(step)):
        if stepped:
            return t(
                "optimizer.step() found no gradients: call zero_grad before backward, not between backward and step"
            )
        return t("nothing moved: zero_grad before backward, step after it, on the model and optimizer passed in")
    if _close(step, -expected):
        return t("the parameters went uphill: minimise ((model(X) - y) ** 2).sum(), do not negate it")
    if _close(step, expected / n):
        return t("the step is N times too small: use .sum() of the squared errors, not .mean()")
    if not _close(lr_grad, lr_summed) and _close(step - expected, lr_grad - lr_summed):
        return t("gradients piled up across calls: call optimizer.zero_grad() before cost.backward()")
    return t(
        "one call = optimizer.zero_grad(); cost.backward(); optimizer.step() with cost = ((model(X) - y) ** 2).sum()"
    )
