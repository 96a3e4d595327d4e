"""Checkers for notebook 04's exercises: build the lecture's Sequential model, write one training step."""

from __future__ import annotations

import copy
import math
from typing import Any

import torch
from torch import nn

from .checks import Verdict, done, safe_call, unfinished, wrong

#: The lecture's network for y = x²: (layer type, inputs, outputs); ReLU has no sizes.
LECTURE_NET: tuple[tuple[str, int, int] | tuple[str], ...] = (
    ("Linear", 1, 256), ("ReLU",), ("Linear", 256, 256), ("ReLU",), ("Linear", 256, 1),
)
LECTURE_NET_PARAMETERS = 1 * 256 + 256 + 256 * 256 + 256 + 256 * 1 + 1  # a·b weights + b biases per Linear = 66 561


def _describe(layer: nn.Module) -> str:
    """Return e.g. ``"Linear(1, 256)"`` or ``"ReLU"``."""
    if isinstance(layer, nn.Linear):
        return f"Linear({layer.in_features}, {layer.out_features})"
    return type(layer).__name__


def _spec_text(spec: tuple) -> str:
    return " → ".join(f"{kind}({', '.join(map(str, sizes))})" if sizes else kind for kind, *sizes in spec)


def check_build_model(build_model: Any, device: torch.device | str = "cpu") -> Verdict:
    """Check that ``build_model(device)`` returns the lecture's Sequential network, on ``device``."""
    name = "build_model"
    call = safe_call(build_model, device)
    if (stop := unfinished(name, call, "build_model(device)")) is not None:
        return stop
    model = call.value
    if not isinstance(model, nn.Sequential):
        return wrong(name, f"returned a {type(model).__name__}, expected an nn.Sequential",
                     "return nn.Sequential(nn.Linear(1, 256), nn.ReLU(), ...).to(device)")
    found = " → ".join(_describe(layer) for layer in model)
    expected = _spec_text(LECTURE_NET)
    kinds = [type(layer).__name__ for layer in model]
    if kinds != [kind for kind, *_ in LECTURE_NET]:
        return wrong(name, f"layers are {found or 'empty'}, expected {expected}",
                     "five layers in this order: Linear, ReLU, Linear, ReLU, Linear")
    for index, (layer, (kind, *sizes)) in enumerate(zip(model, LECTURE_NET)):
        if sizes and (layer.in_features, layer.out_features) != tuple(sizes):
            return wrong(name, f"layer {index} is {_describe(layer)}, expected {kind}({sizes[0]}, {sizes[1]})",
                         "nn.Linear(a, b) takes a inputs and gives b outputs: each a is the previous layer's b")
    count = sum(p.numel() for p in model.parameters())
    if count != LECTURE_NET_PARAMETERS:
        return wrong(name, f"the model has {count:,} parameters, expected {LECTURE_NET_PARAMETERS:,}",
                     "keep every layer's bias (bias=True is nn.Linear's default)")
    where = {p.device.type for p in model.parameters()}
    if where != {torch.device(device).type}:
        return wrong(name, f"parameters are on {', '.join(sorted(where))}, expected {torch.device(device).type}",
                     "end with .to(device)")
    probe = torch.linspace(-1.0, 1.0, 7, device=device).reshape(7, 1)
    out = safe_call(model, probe)
    if out.error is not None:
        return wrong(name, f"model(x) on a (7, 1) batch {out.describe_error()}", "build it from nn layers only")
    if not isinstance(out.value, torch.Tensor) or tuple(out.value.shape) != (7, 1):
        shape = tuple(out.value.shape) if isinstance(out.value, torch.Tensor) else type(out.value).__name__
        return wrong(name, f"model(x) on a (7, 1) batch gave {shape}, expected (7, 1)", "the last layer must be Linear(256, 1)")
    if not torch.isfinite(out.value).all():
        return wrong(name, "model(x) gave NaN or inf", "build a fresh model; do not change its weights")
    return done(name, f"{found}, {count:,} parameters")


def _probe_problem(device: torch.device | str) -> tuple[nn.Module, torch.Tensor, torch.Tensor]:
    """Return a small fixed model (2 → 3 → 1, tanh) and a batch (X, y) for testing a training step."""
    g = torch.Generator().manual_seed(4)
    model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g))
    X = torch.tensor([[0.0, 1.0], [1.0, -1.0], [2.0, 0.5], [-1.0, 2.0]])
    y = torch.tensor([[1.0], [0.0], [2.0], [-1.0]])
    return model.to(device), X.to(device), y.to(device)


def _flat(model: nn.Module) -> torch.Tensor:
    return torch.cat([p.detach().reshape(-1) for p in model.parameters()]).cpu().double()


def _close(a: torch.Tensor, b: torch.Tensor) -> bool:
    return torch.allclose(a, b, rtol=1e-4, atol=1e-6)


def check_train_step(train_step: Any, device: torch.device | str = "cpu", calls: int = 3, lr: float = 0.01) -> Verdict:
    """Check that each ``train_step(model, optimizer, X, y)`` does zero_grad/backward/step and returns the cost as a float."""
    name = "train_step"
    model, X, y = _probe_problem(device)
    reference = copy.deepcopy(model)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    ref_optimizer = torch.optim.SGD(reference.parameters(), lr=lr)
    summed_grad = torch.zeros_like(_flat(model))
    for k in range(1, calls + 1):
        before = _flat(reference)
        ref_optimizer.zero_grad()
        cost = ((reference(X) - y) ** 2).sum()
        cost.backward()
        grad = torch.cat([p.grad.reshape(-1) for p in reference.parameters()]).cpu().double()
        summed_grad += grad
        ref_optimizer.step()
        expected_cost, expected_step = cost.item(), _flat(reference) - before

        learner_before = _flat(model)
        call = safe_call(train_step, model, optimizer, X, y)
        if (stop := unfinished(name, call, f"call {k}: train_step(model, optimizer, X, y)")) is not None:
            return stop
        step = _flat(model) - learner_before
        if not torch.isfinite(step).all():
            return wrong(name, f"call {k} left NaN or inf in the parameters", "the cost is ((model(X) - y) ** 2).sum()")
        if not _close(step, expected_step):
            return wrong(name, f"call {k} changed the parameters by the wrong amount", _step_hint(step, expected_step, lr, summed_grad, len(X)))
        value = call.value
        if isinstance(value, torch.Tensor):
            return wrong(name, "returned a tensor, expected a float", "return cost.item()")
        if isinstance(value, bool) or not isinstance(value, (float, int)):
            return wrong(name, f"returned {value!r}, expected the cost as a float", "end with: return cost.item()")
        if not math.isfinite(value):
            return wrong(name, f"returned {value}", "return the cost computed in this step: cost.item()")
        if not math.isclose(value, expected_cost, rel_tol=1e-4, abs_tol=1e-6):
            return wrong(name, f"call {k} returned {value:.6g}, expected {expected_cost:.6g}",
                         "return the cost computed before optimizer.step(): cost.item()")
    return done(name, f"{calls} calls each did zero_grad → backward → step and returned the cost")


def _step_hint(step: torch.Tensor, expected: torch.Tensor, lr: float, summed_grad: torch.Tensor, n: int) -> str:
    """Return the hint that matches how a step went wrong."""
    if _close(step, torch.zeros_like(step)):
        return ("nothing moved: zero_grad before backward, step after it, "
                "on the model and optimizer passed in")
    if _close(step, -expected):
        return "the parameters went uphill: minimise ((model(X) - y) ** 2).sum(), do not negate it"
    if _close(step, -lr * summed_grad):
        return "gradients piled up across calls: call optimizer.zero_grad() before cost.backward()"
    if _close(step, expected / n):
        return "the step is N times too small: use .sum() of the squared errors, not .mean()"
    return "one call = optimizer.zero_grad(); cost.backward(); optimizer.step() with cost = ((model(X) - y) ** 2).sum()"
