"""helpers.checks (verdicts, safe calls) and helpers.sliders (live figures, tested without a browser)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

import helpers  # noqa: E402
from helpers.checks import CheckFailed, as_float, done, safe_call, todo, wrong  # noqa: E402

CASES = [((1,), 2.0), ((-3,), -6.0)]


@pytest.fixture(autouse=True)
def _no_expectation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COURSE_EXPECT", raising=False)


def double(x: float) -> float:
    return 2 * x


def stub(x: float) -> float:
    raise NotImplementedError()


def test_a_right_answer_is_done() -> None:
    verdict = helpers.check_cases("double", double, CASES)
    assert verdict and verdict.status == "done" and str(verdict) == "✅ double: all 2 cases right"


def test_a_stub_is_not_done_yet() -> None:
    verdict = helpers.check_cases("double", stub, CASES)
    assert not verdict and verdict.status == "todo"
    assert str(verdict).startswith("⏳ double: not done yet") and "NotImplementedError" in verdict.hint


@pytest.mark.parametrize("answer, says", [
    (lambda x: 3 * x, "returned 3, expected 2"),
    (lambda x: 1 / 0, "raised ZeroDivisionError"),
    (lambda x: math.nan, "returned nan"),
    (lambda x: [2 * x], "expected a number"),
    (lambda x: torch.tensor([2.0 * x, 0.0]), "expected a number"),
    (lambda: 2, "raised TypeError"),
    ("not a function", "expected a function"),
])
def test_wrong_answers_are_explained_never_raised(answer: object, says: str) -> None:
    verdict = helpers.check_cases("double", answer, CASES, hint="multiply by two")
    assert verdict.status == "wrong" and says in verdict.message, verdict
    assert str(verdict).startswith("❌ double:") and "hint:" in str(verdict)


def test_numbers_in_any_container_are_accepted() -> None:
    assert helpers.check_cases("double", lambda x: torch.tensor(2.0 * x), CASES)
    assert helpers.check_cases("double", lambda x: np.array([[2.0 * x]]), CASES)
    assert as_float(True) == 1.0 and as_float("2") is None


def test_expectation_turns_a_surprising_verdict_into_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSE_EXPECT", "done")
    assert done("x", "fine")
    with pytest.raises(CheckFailed, match="expected 'done'"):
        todo("x")
    monkeypatch.setenv("COURSE_EXPECT", "todo")
    with pytest.raises(CheckFailed):
        wrong("x", "bad", "hint")


def test_safe_call_keeps_the_value_or_the_error() -> None:
    assert safe_call(double, 4).value == 8
    call = safe_call(stub, 1)
    assert call.unsolved and call.value is None


def test_run_exercise_returns_the_value_or_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert helpers.run_exercise(double, 5) == 10
    assert helpers.run_exercise(stub, 5) is None
    assert "⏳ stub" in capsys.readouterr().out
    assert helpers.run_exercise(lambda: [][1]) is None
    assert "IndexError" in capsys.readouterr().out


def test_run_exercise_fails_a_solution_that_does_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSE_EXPECT", "done")
    with pytest.raises(CheckFailed):
        helpers.run_exercise(stub, 1)


def _line_explorer() -> helpers.sliders.LiveFigure:
    def build(figure: matplotlib.figure.Figure):
        ax = figure.add_subplot(xlim=(0, 1), ylim=(-2, 2), title="line", xlabel="x", ylabel="y")
        (line,) = ax.plot([0, 1], [0, 0])

        def update(slope: float, steps: int) -> str:
            line.set_ydata([0, slope])
            return f"slope {slope:.2f}, {steps} steps"

        return update, [line]

    return helpers.live_figure(build, {"slope": helpers.float_slider("slope", 1.0, -2, 2),
                                       "steps": helpers.int_slider("steps", 10, 1, 100)})


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
    lr = helpers.log_slider("lr", 1e-3, -5, 0)
    assert lr.continuous_update is False and math.isclose(lr.value, 1e-3) and lr.min == -5 and lr.base == 10
    assert not helpers.float_slider("w", 0.0, -1, 1).continuous_update


def test_unfinished_sorts_a_call_into_todo_wrong_or_go_on() -> None:
    from helpers.checks import unfinished
    assert unfinished("double", safe_call(stub, 1), "double(1)").status == "todo"
    raised = unfinished("double", safe_call(lambda x: 1 / 0, 1), "double(1)")
    assert raised.status == "wrong" and raised.message == "double(1) raised ZeroDivisionError: division by zero"
    assert unfinished("double", safe_call(double, 1), "double(1)") is None
