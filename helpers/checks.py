"""What every exercise checker shares: a one-line verdict, and safe calls into learner code.

A checker returns a :class:`Verdict`: ``done`` (✅), ``todo`` (⏳, the stub still raises
``NotImplementedError``) or ``wrong`` (❌, with a hint). It never lets the learner's exception
escape. The test-suite sets ``COURSE_EXPECT`` to ``done`` (solutions) or ``todo`` (student
notebooks); then a verdict that differs raises, so CI catches a broken solution or checker.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import torch

Status = Literal["done", "todo", "wrong"]
_ICONS = {"done": "✅", "todo": "⏳", "wrong": "❌"}


class CheckFailed(AssertionError):
    """Raised only under ``COURSE_EXPECT`` when a verdict is not the expected one."""


@dataclass(frozen=True)
class Verdict:
    """A checker's answer; truthy only when the exercise is done."""

    name: str
    status: Status
    message: str
    hint: str = ""

    def __bool__(self) -> bool:
        return self.status == "done"

    def __str__(self) -> str:
        line = f"{_ICONS[self.status]} {self.name}: {self.message}"
        return line + (f"\n   hint: {self.hint}" if self.hint else "")

    __repr__ = __str__


def verdict(name: str, status: Status, message: str, hint: str = "") -> Verdict:
    """Return a :class:`Verdict` (raising :class:`CheckFailed` if ``COURSE_EXPECT`` names another status)."""
    result = Verdict(name, status, message, hint)
    expected = os.environ.get("COURSE_EXPECT")
    if expected and status != expected:
        raise CheckFailed(f"expected {expected!r}, got:\n{result}")
    return result


def done(name: str, message: str) -> Verdict:
    """✅ verdict."""
    return verdict(name, "done", message)


def todo(name: str) -> Verdict:
    """⏳ verdict: the stub has not been replaced yet."""
    return verdict(name, "todo", "not done yet", "replace `raise NotImplementedError()` with your code, then run this cell again")


def wrong(name: str, message: str, hint: str = "") -> Verdict:
    """❌ verdict with a hint."""
    return verdict(name, "wrong", message, hint)


@dataclass(frozen=True)
class Call:
    """What happened when learner code was called: its ``value`` or the ``error`` it raised."""

    value: Any = None
    error: BaseException | None = None

    @property
    def unsolved(self) -> bool:
        """True when the learner's stub raised NotImplementedError."""
        return isinstance(self.error, NotImplementedError)

    def describe_error(self) -> str:
        """Return e.g. ``"raised ZeroDivisionError: division by zero"``."""
        return f"raised {type(self.error).__name__}: {self.error}"


def safe_call(fn: Any, *args: Any, **kwargs: Any) -> Call:
    """Call ``fn(*args, **kwargs)`` and return a :class:`Call`; never raises (except KeyboardInterrupt)."""
    if not callable(fn):
        return Call(error=TypeError(f"expected a function, got {type(fn).__name__}"))
    try:
        return Call(value=fn(*args, **kwargs))
    except Exception as error:  # the learner's mistake is reported, not raised
        return Call(error=error)


def unfinished(name: str, call: Call, text: str, hint: str = "fix the error, then run again") -> Verdict | None:
    """Return ⏳ if ``call`` hit the stub, ❌ (``text`` + the error) if it raised, None if it returned."""
    if call.unsolved:
        return todo(name)
    if call.error is not None:
        return wrong(name, f"{text} {call.describe_error()}", hint)
    return None


def call_text(fn: Any, *args: Any) -> str:
    """Return how a call reads in a message, e.g. ``"step(1, 0)"``."""
    name = getattr(fn, "__name__", "your function")
    return f"{name}({', '.join(map(repr, args))})"


def as_float(value: Any) -> float | None:
    """Return ``value`` as a Python float (numbers, 0-d arrays, one-element tensors), else None."""
    if isinstance(value, torch.Tensor):
        if value.numel() != 1:
            return None
        value = value.detach().cpu().item()
    if isinstance(value, np.ndarray):
        if value.size != 1:
            return None
        value = value.reshape(()).item()
    if isinstance(value, (bool, np.bool_)):
        return float(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    return None


def close(value: float, expected: float, rel: float = 1e-6, abs_: float = 1e-9) -> bool:
    """True when ``value`` is finite and within tolerance of ``expected``."""
    return math.isfinite(value) and math.isclose(value, expected, rel_tol=rel, abs_tol=abs_)


def check_cases(name: str, fn: Any, cases: list[tuple[tuple, float]], *, rel: float = 1e-6,
                abs_: float = 1e-9, hint: str = "") -> Verdict:
    """Check ``fn(*args) ≈ expected`` for each ``(args, expected)``; the first mismatch is reported.

    >>> check_cases("double", lambda x: 2 * x, [((1,), 2.0), ((3,), 6.0)])
    ✅ double: all 2 cases right
    """
    for args, expected in cases:
        call = safe_call(fn, *args)
        if (stop := unfinished(name, call, call_text(fn, *args), hint or "fix the error, then run again")) is not None:
            return stop
        value = as_float(call.value)
        if value is None:
            return wrong(name, f"{call_text(fn, *args)} returned {call.value!r}, expected a number",
                         "return a single number (use .item() on a one-element tensor)")
        if not math.isfinite(value):
            return wrong(name, f"{call_text(fn, *args)} returned {value}", "a NaN or inf usually means a division by zero or an overflow")
        if not close(value, expected, rel, abs_):
            return wrong(name, f"{call_text(fn, *args)} returned {value:.6g}, expected {expected:.6g}", hint)
    return done(name, f"all {len(cases)} cases right")


def run_exercise(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Return ``fn(*args, **kwargs)``; if the exercise is unsolved or fails, say so and return None.

    Cells that build on an exercise use this so that they explain instead of raising.
    """
    call = safe_call(fn, *args, **kwargs)
    if call.error is None:
        return call.value
    name = getattr(fn, "__name__", "the exercise")
    if call.unsolved:
        print(verdict(name, "todo", "not done yet: solve it above, then run this cell again"))
    else:
        print(verdict(name, "wrong", f"{call_text(fn, *args)} {call.describe_error()}", "fix the error, then run again"))
    return None
