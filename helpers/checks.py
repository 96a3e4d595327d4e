"""What every exercise checker shares: the one-line verdict, and bounded calls into the learner's code.

A checker returns a :class:`Verdict`: ``done`` (✅), ``todo`` (⏳, the stub still raises
``NotImplementedError``) or ``wrong`` (❌, with a hint). Written with ``@checker(name)``, its body
says only what is right: it calls the learner's code through :func:`learner` and raises
:class:`Wrong` at the first mistake; the decorator turns a stub, an exception, a timeout or a
``Wrong`` into the verdict. It never lets the learner's exception escape.

Every call into the learner's code is bounded (:data:`SECONDS`): a few seconds for a formula,
half a minute for a model, ten minutes for training. The bound uses SIGALRM, so it holds on
Linux, macOS and Colab, in the main thread (where Jupyter runs cells); on Windows, or off the
main thread, calls run unbounded and an endless loop is stopped with Jupyter's Interrupt button
(■). The test-suite sets ``COURSE_EXPECT`` to ``done`` (solutions) or ``todo`` (student notebooks);
then a verdict that differs raises, so CI catches a broken solution or checker.
"""

from __future__ import annotations

import functools
import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Literal

import numpy as np
import torch

from .language import t

Status = Literal["done", "todo", "wrong"]
ICONS = {"done": "✅", "todo": "⏳", "wrong": "❌"}
#: The bound on one call into the learner's code, in seconds, by kind of call.
SECONDS = {"formula": 5.0, "model": 30.0, "training": 600.0}
_judged: dict[int, tuple[Any, "Verdict"]] = {}  # id(learner's function) → (function, its latest verdict)


class CheckFailed(AssertionError):
    """Raised only under ``COURSE_EXPECT`` when a verdict is not the expected one."""


class Wrong(Exception):
    """Raise inside a checker for the ❌ verdict: ``raise Wrong(message, hint)``."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


class Todo(Exception):
    """Raise inside a checker for the ⏳ verdict (the learner's stub, or an exercise this one needs)."""

    def __init__(self, message: str = "", hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


class _OutOfTime(BaseException):  # BaseException: the learner's `except Exception:` cannot swallow it
    pass


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
        line = f"{ICONS[self.status]} {self.name}: {self.message}"
        return line + ("\n   " + t("hint: {hint}", hint=self.hint) if self.hint else "")

    __repr__ = __str__


def verdict(name: str, status: Status, message: str, hint: str = "") -> Verdict:
    """Return a :class:`Verdict` (raising :class:`CheckFailed` if ``COURSE_EXPECT`` names another status)."""
    result = Verdict(name, status, message, hint)
    expected = os.environ.get("COURSE_EXPECT")
    if expected and status != expected:
        raise CheckFailed(f"expected {expected!r}, got:\n{result}")
    return result


def _can_bound() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``_OutOfTime`` in the code inside after ``seconds``; restore any earlier SIGALRM handler and timer.

    Unbounded where SIGALRM is missing (Windows) or off the main thread. Ctrl-C / Interrupt still stops it.
    """
    if not _can_bound():
        yield
        return
    state: dict[str, Any] = {"armed": True, "handed_over": False, "previous": None}
    outer = signal.getitimer(signal.ITIMER_REAL)  # (seconds left, interval) of an enclosing timer, if any
    started = time.monotonic()

    def ring(signum: int, frame: Any) -> None:
        if not state["armed"]:
            return
        if outer[0] and time.monotonic() - started >= outer[0] - 1e-3 and callable(state["previous"]):
            state["handed_over"] = True  # the enclosing timer (another bound, pytest-timeout) is due first
            state["previous"](signum, frame)
            return
        signal.setitimer(signal.ITIMER_REAL, 1.0)  # ring again if the learner's code swallows this one
        raise _OutOfTime(seconds)

    state["previous"] = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer[0]) if outer[0] else seconds)
    try:
        yield
    finally:
        try:
            state["armed"] = False
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, state["previous"] if state["previous"] is not None else signal.SIG_DFL)
            if outer[0] and not state["handed_over"]:
                left = outer[0] - (time.monotonic() - started)
                signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), outer[1])


def call_text(fn: Any, *args: Any) -> str:
    """Return how a call reads in a message, e.g. ``"step(1, 0)"``."""
    name = getattr(fn, "__name__", None) or getattr(getattr(fn, "func", None), "__name__", "your function")
    return f"{name}({', '.join(map(repr, args))})"


def learner(fn: Any, *args: Any, what: str, bound: str = "formula") -> Any:
    """Return ``fn(*args)`` run under ``SECONDS[bound]``; raise :class:`Todo` for a stub, :class:`Wrong` otherwise."""
    if not callable(fn):
        raise Wrong(
            t("{what}: expected a function, got a {kind}", what=what, kind=type(fn).__name__),
            t("pass the function itself, without calling it: no () after its name"),
        )
    seconds = SECONDS[bound]
    try:
        with time_limit(seconds):
            return fn(*args)
    except _OutOfTime:
        hint = (
            t("the course's recipe trains in seconds: look for a loop that never ends, or far more steps than needed")
            if bound == "training"
            else t("look for a loop whose condition never becomes false; stop a running cell with ■ (Interrupt)")
        )
        raise Wrong(
            t("{what} did not return within {seconds:g} s — an endless loop?", what=what, seconds=seconds), hint
        ) from None
    except NotImplementedError as error:
        if 'missing the required "forward"' in str(error):
            raise Wrong(
                t("{what} raised NotImplementedError: {error}", what=what, error=error),
                t("spell the method `def forward(self, x):` and indent it inside the class"),
            ) from None
        raise Todo() from None
    except Exception as error:  # the learner's mistake is reported, not raised
        raise Wrong(
            t("{what} raised {kind}: {error}", what=what, kind=type(error).__name__, error=error),
            t("fix the error, then run this cell again"),
        ) from None


def judge(name: str, check: Callable[..., str], *args: Any, **kwargs: Any) -> Verdict:
    """Return the verdict of ``check(*args, **kwargs)``: ✅ with the message it returns, ⏳ on Todo, ❌ on Wrong."""
    try:
        result = ("done", check(*args, **kwargs), "")
    except Todo as todo:
        result = (
            "todo",
            todo.message or t("not done yet"),
            todo.hint or t("replace `raise NotImplementedError()` with your code, then run this cell again"),
        )
    except Wrong as wrong:
        result = ("wrong", wrong.message, wrong.hint)
    except _OutOfTime as out:
        result = (
            "wrong",
            t("your code did not return within {seconds:g} s — an endless loop?", seconds=out.args[0]),
            "",
        )
    except Exception as error:  # the learner's object broke the checker itself: still a verdict, never a traceback
        result = (
            "wrong",
            t("your answer could not be checked: {kind}: {error}", kind=type(error).__name__, error=error),
            t("return what the exercise asks for (see its docstring), then run this cell again"),
        )
    outcome = verdict(name, *result)
    if args and callable(args[0]):
        _judged[id(args[0])] = (args[0], outcome)
    return outcome


def checker(name: str) -> Callable[[Callable[..., str]], Callable[..., Verdict]]:
    """Decorate ``check(learners_function, ...) -> message`` into a checker that returns a :class:`Verdict`."""

    def decorate(check: Callable[..., str]) -> Callable[..., Verdict]:
        @functools.wraps(check)
        def run(*args: Any, **kwargs: Any) -> Verdict:
            return judge(name, check, *args, **kwargs)

        return run

    return decorate


def latest_verdict(fn: Any) -> Verdict | None:
    """Return the latest verdict a checker gave on this very function object, or None."""
    judged = _judged.get(id(fn))
    return judged[1] if judged is not None and judged[0] is fn else None


def run_exercise(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Return ``fn(*args, **kwargs)``; if unsolved, failing or judged not done, print one line, return None.

    Cells that build on an exercise use this so that they explain instead of raising.
    """
    name = getattr(fn, "__name__", t("the exercise"))
    earlier = latest_verdict(fn)
    if earlier is not None and not earlier:
        print(t("{icon} {name}: skipped until the checker above says ✅", icon=ICONS[earlier.status], name=name))
        return None
    try:
        return learner(functools.partial(fn, *args, **kwargs), what=call_text(fn, *args), bound="training")
    except Todo:
        print(verdict(name, "todo", t("not done yet: solve it above, then run this cell again")))
    except Wrong as wrong:
        print(verdict(name, "wrong", wrong.message, wrong.hint))
    return None


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
    if isinstance(value, (bool, np.bool_, int, float, np.integer, np.floating)):
        return float(value)
    return None


def returned(value: Any) -> str:
    """Return how a learner's result reads in a message: ``None — is the `return` missing?`` or a short repr."""
    if value is None:
        return t("None — is the `return` missing?")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
