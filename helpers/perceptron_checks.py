"""Checkers for notebook 01's exercises: NAND weights, and XNOR from two layers of perceptrons.

Each returns a :class:`helpers.checks.Verdict` (✅ / ⏳ / ❌ with a hint) and never raises on the learner's mistakes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from .checks import Wrong, as_float, call_text, checker, learner, returned
from .data import GATES, truth_table
from .language import t
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


@checker("nand_weights")
def check_nand_weights(fn: Any) -> str:
    """Check that ``fn()`` returns (w1, w2, b) whose step perceptron computes NAND (1, 1, 1, 0)."""
    value = learner(fn, what=call_text(fn))
    weights = _three_numbers(value)
    if weights is None:
        raise Wrong(t("returned {value}", value=returned(value)), t("return three numbers: return (w1, w2, b)"))
    if not all(np.isfinite(weights)):
        raise Wrong(t("returned {value}", value=weights), t("every weight must be a finite number"))
    X, y = truth_table("NAND")
    y_hat = step_outputs(X, *weights)
    if (y_hat == y).all():
        return t("(w1, w2, b) = {weights} gives NAND's truth table {table}", weights=weights, table=tuple(y.tolist()))
    if tuple(y_hat.tolist()) == GATES["AND"]:
        raise Wrong(
            t("{weights} computes AND {and_}, not NAND {nand}", weights=weights, and_=GATES["AND"], nand=GATES["NAND"]),
            t("NAND = NOT AND: flip the sign of both weights and of b"),
        )
    first = int(np.argmax(y_hat != y))
    (x1, x2), got, want = X[first].tolist(), int(y_hat[first]), int(y[first])
    raise Wrong(
        t("input ({x1}, {x2}) gives {got}, expected {want}", x1=x1, x2=x2, got=got, want=want),
        t("for ({x1}, {x2}) you need w1·{x1} + w2·{x2} + b {need}", x1=x1, x2=x2, need="> 0" if want else "≤ 0"),
    )


@checker("xnor")
def check_xnor(fn: Any) -> str:
    """Check that ``fn(x1, x2)`` returns XNOR's 0/1 output (1 when x1 == x2) for all four inputs."""
    outputs = []
    for x1, x2 in INPUTS:
        text = call_text(fn, x1, x2)
        got = learner(fn, x1, x2, what=text)
        value = as_float(got)
        if value is None:
            raise Wrong(
                t("{call} returned {value}, expected 0 or 1", call=text, value=returned(got)),
                t("return the output perceptron's value, a single 0 or 1"),
            )
        if value not in (0.0, 1.0):
            raise Wrong(
                t("{call} returned {value}, expected 0 or 1", call=text, value=f"{value:.6g}"),
                t("pass the output layer's weighted sum through the step: perceptron(h1, h2, w1, w2, b)"),
            )
        outputs.append(int(value))
    if tuple(outputs) == GATES["XNOR"]:
        return t("all 4 inputs right: {table}", table=tuple(outputs))
    if tuple(outputs) == GATES["XOR"]:
        raise Wrong(
            t("your table {table} is XOR, not XNOR {xnor}", table=tuple(outputs), xnor=GATES["XNOR"]),
            t("XNOR is 1 when the inputs are EQUAL: it is NOT XOR"),
        )
    first = next(i for i, (o, want) in enumerate(zip(outputs, GATES["XNOR"])) if o != want)
    (x1, x2), want = INPUTS[first], GATES["XNOR"][first]
    raise Wrong(
        t("{call} returned {got}, expected {want}", call=call_text(fn, x1, x2), got=outputs[first], want=want),
        t("one recipe: hidden h1 = AND(x1, x2), h2 = NOR(x1, x2), output = OR(h1, h2)"),
    )
