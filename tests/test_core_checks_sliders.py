"""helpers.checks (verdicts, bounded calls into learner code, @checker) and helpers.sliders (no browser needed)."""

from __future__ import annotations

import math
import signal
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

import helpers  # noqa: E402
from helpers import checks  # noqa: E402
from helpers.checks import (
    CheckFailed,
    Todo,
    Wrong,
    as_float,
    checker,
    latest_verdict,
    learner,
    time_limit,  # noqa: E402
    verdict,
)
from helpers.sliders import LiveFigure, float_slider, int_slider, live_figure, log_slider  # noqa: E402

needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM bounds need Linux or macOS")


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """No expectation, and no verdicts remembered from other tests."""
    monkeypatch.delenv("COURSE_EXPECT", raising=False)
    monkeypatch.setattr(checks, "_judged", {})


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shrink every time bound to 0.3 s."""
    for kind in checks.SECONDS:
        monkeypatch.setitem(checks.SECONDS, kind, 0.3)


def double(x: float) -> float:
    return 2 * x


def stub(x: float) -> float:
    raise NotImplementedError()


@checker("double")
def check_double(fn) -> str:
    """A checker written the course's way, for these tests."""
    for x in (1, -3):
        got = as_float(learner(fn, x, what=f"double({x})"))
        if got is None:
            raise Wrong(f"double({x}) returned no number", "return a number")
        if not math.isclose(got, 2 * x):
            raise Wrong(f"double({x}) returned {got:g}, expected {2 * x}", "multiply by two")
    return "all 2 cases right"


# ---------------------------------------------------------------- @checker turns stub / error / Wrong into one verdict


def test_a_right_answer_is_done() -> None:
    result = check_double(double)
    assert result and result.status == "done" and str(result) == "✅ double: all 2 cases right"


def test_a_stub_is_not_done_yet() -> None:
    result = check_double(stub)
    assert not result and result.status == "todo"
    assert str(result).startswith("⏳ double: not done yet") and "NotImplementedError" in result.hint


@pytest.mark.parametrize(
    "answer, says",
    [
        (lambda x: 3 * x, "returned 3, expected 2"),
        (lambda x: 1 / 0, "raised ZeroDivisionError"),
        (lambda x: [2 * x], "returned no number"),
        (lambda: 2, "raised TypeError"),
        ("not a function", "expected a function"),
        (double(3), "expected a function, got a int"),  # called instead of passed
    ],
)
def test_wrong_answers_are_explained_never_raised(answer: object, says: str) -> None:
    result = check_double(answer)
    assert result.status == "wrong" and says in result.message, result
    assert str(result).startswith("❌ double:") and "hint:" in str(result)


def test_an_object_that_breaks_the_checker_is_still_a_verdict() -> None:
    class Weird:
        def __float__(self):
            raise RuntimeError("no")

    result = check_double(lambda x: Weird())
    assert result.status == "wrong"

    @checker("fragile")
    def fragile(fn) -> str:
        return str(fn(1)["key"])  # a checker bug or an odd answer: TypeError inside the checker itself

    assert fragile(double).status == "wrong" and "could not be checked" in fragile(double).message


def test_numbers_in_any_container_are_accepted() -> None:
    assert check_double(lambda x: torch.tensor(2.0 * x))
    assert check_double(lambda x: np.array([[2.0 * x]]))
    assert as_float(True) == 1.0 and as_float("2") is None and as_float(torch.zeros(2)) is None


def test_todo_and_wrong_carry_their_own_message() -> None:
    @checker("needs")
    def needs(fn) -> str:
        raise Todo("needs exercise 1 first", "solve exercise 1")

    assert str(needs(double)) == "⏳ needs: needs exercise 1 first\n   hint: solve exercise 1"


def test_expectation_turns_a_surprising_verdict_into_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSE_EXPECT", "done")
    assert verdict("x", "done", "fine")
    with pytest.raises(CheckFailed, match="expected 'done'"):
        check_double(stub)
    monkeypatch.setenv("COURSE_EXPECT", "todo")
    with pytest.raises(CheckFailed):
        check_double(lambda x: 0)


def test_a_learners_not_implemented_forward_is_a_mistake_not_a_stub() -> None:
    class Net(torch.nn.Module):
        def foward(self, x):  # misspelled
            return x

    with pytest.raises(Wrong, match="NotImplementedError") as caught:
        learner(Net(), torch.zeros(1), what="model(x)")
    assert "def forward" in caught.value.hint


# ---------------------------------------------------------------- run_exercise never contradicts a checker


def test_run_exercise_returns_the_value_or_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert helpers.run_exercise(double, 5) == 10
    assert helpers.run_exercise(stub, 5) is None
    assert "⏳ stub" in capsys.readouterr().out
    assert helpers.run_exercise(lambda: [][1]) is None
    assert "IndexError" in capsys.readouterr().out
    assert helpers.run_exercise(lambda x, *, k: x * k, 2, k=3) == 6


def test_run_exercise_fails_a_solution_that_does_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSE_EXPECT", "done")
    with pytest.raises(CheckFailed):
        helpers.run_exercise(stub, 1)


def test_run_exercise_follows_the_checkers_verdict_on_the_same_function(capsys: pytest.CaptureFixture[str]) -> None:
    def triple(x):
        return 3 * x

    assert check_double(triple).status == "wrong" and latest_verdict(triple).status == "wrong"
    assert helpers.run_exercise(triple, 1) is None  # one line, no second verdict that could contradict the first
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["❌ triple: skipped until the checker above says ✅"]

    def triple(x):  # redefined, fixed: a new function, not judged yet
        return 2 * x

    assert helpers.run_exercise(triple, 4) == 8
    assert check_double(triple) and helpers.run_exercise(triple, 1) == 2


# ---------------------------------------------------------------- time bounds


def sleeper(*_):
    time.sleep(1e9)


def spinner(*_):
    while True:
        pass


def swallower(*_):
    try:
        time.sleep(1e9)
    except BaseException:  # a careless bare `except:` swallows the first alarm; the next one still stops it
        pass
    while True:
        pass


def catcher(*_):
    while True:  # a loop that retries on any error: `except Exception` must not catch the time limit
        try:
            time.sleep(1e9)
        except Exception:
            pass


@needs_alarm
@pytest.mark.timeout(30)  # if the checker's own bound failed, fail here in 30 s, not after the suite's 600 s
@pytest.mark.parametrize("endless", [sleeper, spinner, swallower, catcher])
def test_no_checker_call_hangs(quick: None, endless) -> None:
    started = time.monotonic()
    result = check_double(endless)
    assert time.monotonic() - started < 5
    assert result.status == "wrong" and "did not return within 0.3 s — an endless loop?" in result.message, result


@needs_alarm
def test_run_exercise_is_bounded_too(quick: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert helpers.run_exercise(sleeper) is None
    assert "did not return within 0.3 s" in capsys.readouterr().out


@needs_alarm
def test_keyboard_interrupt_still_stops_a_cell() -> None:
    def interrupted(x):
        raise KeyboardInterrupt

    before, (timer_before, _) = signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL)
    with pytest.raises(KeyboardInterrupt):
        check_double(interrupted)
    with pytest.raises(KeyboardInterrupt):
        helpers.run_exercise(interrupted, 1)
    timer_after, _ = signal.getitimer(signal.ITIMER_REAL)  # pytest-timeout's own timer, if any, runs on
    assert signal.getsignal(signal.SIGALRM) == before
    assert timer_after == 0.0 if timer_before == 0.0 else 0 < timer_before - timer_after < 5


@needs_alarm
def test_an_earlier_handler_and_timer_are_restored() -> None:
    fired = []

    def outer(signum, frame):
        fired.append(signum)

    old = signal.signal(signal.SIGALRM, outer)
    try:
        signal.setitimer(signal.ITIMER_REAL, 5.0)
        with time_limit(1.0):
            pass
        assert signal.getsignal(signal.SIGALRM) is outer
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 4.0 < left <= 5.0
        signal.setitimer(signal.ITIMER_REAL, 0.2)  # an outer deadline that comes first (e.g. pytest-timeout's)
        with time_limit(10.0):
            time.sleep(0.5)
        assert fired == [signal.SIGALRM] and signal.getsignal(signal.SIGALRM) is outer
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_off_the_main_thread_calls_run_unbounded() -> None:
    import threading

    results = []
    thread = threading.Thread(target=lambda: results.append(check_double(double)))
    thread.start()
    thread.join()
    assert results and results[0].status == "done"


def test_without_sigalrm_calls_run_unbounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(signal, "setitimer")  # as on Windows
    assert check_double(double) and check_double(lambda x: 1 / 0).status == "wrong"


def _line_explorer() -> LiveFigure:
    def build(figure: matplotlib.figure.Figure):
        ax = figure.add_subplot(xlim=(0, 1), ylim=(-2, 2), title="line", xlabel="x", ylabel="y")
        (line,) = ax.plot([0, 1], [0, 0])

        def update(slope: float, steps: int) -> str:
            line.set_ydata([0, slope])
            return f"slope {slope:.2f}, {steps} steps"

        return update, [line]

    return live_figure(build, {"slope": float_slider("slope", 1.0, -2, 2), "steps": int_slider("steps", 10, 1, 100)})


def test_live_figure_redraws_when_a_slider_moves() -> None:
    live = _line_explorer()
    assert live.status.value == "slope 1.00, 10 steps"
    png = bytes(live.image.value)
    assert png.startswith(b"\x89PNG") and live.image.format == "png"
    live.controls["slope"].value = -1.5
    assert live.status.value == "slope -1.50, 10 steps"
    (line,) = live.figure.axes[0].get_lines()
    assert line.get_ydata()[1] == -1.5 and line.get_animated()  # the one moving artist
    assert bytes(live.image.value) != png
    live.controls["steps"].value = 42
    assert live.status.value.endswith("42 steps") and len(live.figure.axes) == 1  # redrawn, not stacked


def test_live_figure_shows_a_widget_box_and_no_pyplot_figure() -> None:
    figures = matplotlib.pyplot.get_fignums()
    live = _line_explorer()
    assert matplotlib.pyplot.get_fignums() == figures  # shown only through the Image widget
    assert list(live.widget.children) == [live.widget.children[0], live.status, live.image]
    assert list(live.widget.children[0].children) == list(live.controls.values())


def test_sliders_report_only_on_release_and_log_slider_is_logarithmic() -> None:
    lr = log_slider("lr", 1e-3, -5, 0)
    assert lr.continuous_update is False and math.isclose(lr.value, 1e-3) and lr.min == -5 and lr.base == 10
    assert not float_slider("w", 0.0, -1, 1).continuous_update


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda: float_slider("w", 0.0, 2, -2), r"low = 2 is above high = -2.*float_slider\('w', 0.0, -2, 2\)"),
        (lambda: int_slider("steps", 10, 100, 1), r"low = 100 is above high = 1.*int_slider\('steps', 10, 1, 100\)"),
        (lambda: log_slider("lr", 1e-2, 0, -3), r"low_exp = 0 is above high_exp = -3.*log_slider\('lr', 0.01, -3, 0\)"),
    ],
)
def test_a_slider_whose_low_is_above_its_high_says_to_swap_them(make, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        make()


def _line(figure: matplotlib.figure.Figure) -> matplotlib.lines.Line2D:
    return figure.add_subplot().plot([0, 1], [0, 0])[0]


@pytest.mark.parametrize(
    ("build", "says"),
    [
        (lambda figure: None, r"must return \(update, moving_artists\), got a NoneType"),
        (lambda figure: lambda slope: "", r"got a function: end build\(figure\) with `return update, \["),
        (lambda figure: ("update", [_line(figure)]), r"update is a str, not a function"),
        (lambda figure: (lambda slope: "", _line(figure)), r"one Line2D, not a list: .*`return update, \[line2d\]`"),
        (lambda figure: (lambda slope: "", [1, 2]), r"moving_artists holds \['int', 'int'\]"),
    ],
)
def test_a_build_that_does_not_return_update_and_artists_is_explained(build, says: str) -> None:
    with pytest.raises(TypeError, match=says):
        live_figure(build, {"slope": float_slider("slope", 1.0, -2, 2)})
