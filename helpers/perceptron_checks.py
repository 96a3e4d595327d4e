"""Checkers for notebook 01's exercises: NAND weights, and XNOR from two layers of perceptrons.

Each returns a :class:`helpers.Verdict` (✅ / ⏳ / ❌ with a hint) and never raises on the learner's mistakes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from .checks import Verdict, as_float, call_text, done, safe_call, unfinished, wrong
from .data import GATES, truth_table
from .perceptron import step_outputs

INPUTS = [(0, 0), (0, 1), (1, 0), (1, 1)]


def _three_numbers(value: Any) -> tuple[float, float, float] | None:
    """Return ``value`` as (w1, w2, b) floats if it is three numbers (tuple, list, array or tensor), else None."""
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().reshape(-1).tolist()
    elif isinstance(value, np.ndarray):
        value = value.reshape(-1).tolist()
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        return None
    numbers = [as_float(v) for v in value]
    if any(n is None for n in numbers):
        return None
    return numbers[0], numbers[1], numbers[2]


def check_nand_weights(fn: Any) -> Verdict:
    """Check that ``fn()`` returns (w1, w2, b) whose step perceptron computes NAND (1, 1, 1, 0)."""
    name = "nand_weights"
    call = safe_call(fn)
    if (stop := unfinished(name, call, call_text(fn))) is not None:
        return stop
    weights = _three_numbers(call.value)
    if weights is None:
        got = "None — is the `return` missing?" if call.value is None else repr(call.value)
        return wrong(name, f"returned {got}", "return three numbers: return (w1, w2, b)")
    if not all(np.isfinite(weights)):
        return wrong(name, f"returned {weights}", "every weight must be a finite number")
    X, y = truth_table("NAND")
    y_hat = step_outputs(X, *weights)
    if (y_hat == y).all():
        return done(name, f"(w1, w2, b) = {weights} gives NAND's truth table {tuple(y.tolist())}")
    if tuple(y_hat.tolist()) == GATES["AND"]:
        return wrong(name, f"{weights} computes AND {GATES['AND']}, not NAND {GATES['NAND']}",
                     "NAND = NOT AND: flip the sign of both weights and of b")
    first = int(np.argmax(y_hat != y))
    (x1, x2), got, want = X[first].tolist(), int(y_hat[first]), int(y[first])
    need = "> 0" if want else "≤ 0"
    return wrong(name, f"input ({x1}, {x2}) gives {got}, expected {want}",
                 f"for ({x1}, {x2}) you need w1·{x1} + w2·{x2} + b {need}")


def check_xnor(fn: Any) -> Verdict:
    """Check that ``fn(x1, x2)`` returns XNOR's 0/1 output (1 when x1 == x2) for all four inputs."""
    name = "xnor"
    outputs = []
    for x1, x2 in INPUTS:
        call = safe_call(fn, x1, x2)
        if (stop := unfinished(name, call, call_text(fn, x1, x2))) is not None:
            return stop
        value = as_float(call.value)
        if value is None:
            got = "None — is the `return` missing?" if call.value is None else repr(call.value)
            return wrong(name, f"{call_text(fn, x1, x2)} returned {got}, expected 0 or 1",
                         "return the output perceptron's value, a single 0 or 1")
        if value not in (0.0, 1.0):
            return wrong(name, f"{call_text(fn, x1, x2)} returned {value:.6g}, expected 0 or 1",
                         "pass the output layer's weighted sum through the step: perceptron(h1, h2, w1, w2, b)")
        outputs.append(int(value))
    if tuple(outputs) == GATES["XNOR"]:
        return done(name, f"all 4 inputs right: {tuple(outputs)}")
    if tuple(outputs) == GATES["XOR"]:
        return wrong(name, f"your table {tuple(outputs)} is XOR, not XNOR {GATES['XNOR']}",
                     "XNOR is 1 when the inputs are EQUAL: it is NOT XOR")
    first = next(i for i, (o, t) in enumerate(zip(outputs, GATES["XNOR"])) if o != t)
    (x1, x2), want = INPUTS[first], GATES["XNOR"][first]
    return wrong(name, f"{call_text(fn, x1, x2)} returned {outputs[first]}, expected {want}",
                 "one recipe: hidden h1 = AND(x1, x2), h2 = NOR(x1, x2), output = OR(h1, h2)")
