"""The student notebooks' cells after a checker explain a wrong exercise in one line instead of a traceback (issue 12).

Each test runs the real cells of notebooks/04 and notebooks/05 (found by their code, not by position)
in one namespace, with a typically wrong answer in place of the stub.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

from helpers import checks  # noqa: E402
from helpers.fit_recipes import Scaled, lecture_net  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("COURSE_EXPECT", raising=False)
    monkeypatch.setattr(checks, "_judged", {})
    monkeypatch.chdir(tmp_path)  # outputs/ lands here
    monkeypatch.setenv("COURSE_DEVICE", "cpu")


def cell(notebook: str, containing: str) -> str:
    """Return the source of the one code cell of notebooks/<notebook> that contains ``containing``."""
    nb = nbformat.read(ROOT / "notebooks" / f"{notebook}.ipynb", as_version=4)
    found = [c.source for c in nb.cells if c.cell_type == "code" and containing in c.source]
    assert len(found) == 1, f"{notebook}: {len(found)} code cells contain {containing!r}"
    return found[0]


def run(source: str, namespace: dict, capsys) -> str:
    exec(compile(source, "<cell>", "exec"), namespace)
    plt.close("all")
    return capsys.readouterr().out


def setup(notebook: str, capsys) -> dict:
    namespace: dict = {}
    run(cell(notebook, "device = helpers.get_device()"), namespace, capsys)
    return namespace


def test_04_after_a_train_step_that_builds_its_own_optimizer(capsys) -> None:
    ns = setup("04_pytorch_basics", capsys)
    ns["x_train"] = torch.tensor([[2.0], [4.0], [8.0]])
    ns["y_train"] = torch.tensor([[4.0], [7.0], [8.0]])
    ns["costs"] = [0.0] * 1000

    def train_step(model, optimizer, X, y):
        mine = torch.optim.SGD(model.parameters(), lr=0.01)
        cost = ((model(X) - y) ** 2).sum()
        mine.zero_grad()
        cost.backward()
        mine.step()
        return cost.item()

    ns["train_step"] = train_step
    assert run(cell("04_pytorch_basics", "check_train_step(train_step"), ns, capsys) == ""
    verdict = checks.latest_verdict(train_step)
    assert verdict.status == "wrong" and "optimizer passed in" in verdict.message
    out = run(cell("04_pytorch_basics", "run_exercise(train_step"), ns, capsys)  # was a bare AssertionError
    assert out.strip() == "❌ train_step: skipped until the checker above says ✅"


def _05(capsys) -> dict:
    ns = setup("05_exercises", capsys)
    ns["fit"] = lambda net, *args, **kwargs: [1.0, 0.5]
    return ns


def test_05_after_a_square_net_with_two_outputs(capsys) -> None:
    ns = _05(capsys)
    ns["make_square_net"] = lambda: nn.Sequential(
        nn.Linear(1, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 2)
    )
    out = run(cell("05_exercises", "check_square(solve_square"), ns, capsys)
    assert out.startswith("❌ fit_square: the model returned shape (201, 2)") and ns["square_model"] is None
    out = run(cell("05_exercises", "show_fit(square_model"), ns, capsys)  # was a broadcast error in show_fit
    assert len(out.strip().splitlines()) == 1


def test_05_after_save_and_load_returns_a_state_dict(capsys) -> None:
    ns = _05(capsys)
    torch.manual_seed(0)
    ns["sin_model"], ns["sin_costs"] = Scaled(lecture_net(), 10, 1), [1.0, 0.5]

    def save_and_load(model, path):
        torch.save(model.state_dict(), path)
        return torch.load(path, weights_only=True)

    ns["save_and_load"] = save_and_load
    lines = [
        line
        for line in cell("05_exercises", "check_save_load(save_and_load").splitlines()
        if line.startswith(("path =", "loaded ="))
    ]
    out = run("\n".join(lines), ns, capsys)
    assert (
        out.startswith("❌ save_and_load: returned a OrderedDict: a state_dict, not a model") and ns["loaded"] is None
    )
    out = run(cell("05_exercises", "show_fit(loaded"), ns, capsys)  # was AttributeError: no .state_dict()
    assert len(out.strip().splitlines()) == 1


def test_05_after_a_max_min_model_that_concatenates_its_heads(capsys) -> None:
    ns = _05(capsys)
    run(cell("05_exercises", "X_held, Y_held = max_min_points"), ns, capsys)

    class Cat(nn.Module):
        def __init__(self):
            super().__init__()
            self.layer = nn.Linear(2, 2)

        def forward(self, x):
            return torch.cat([self.layer(x)[:, :1], self.layer(x)[:, 1:]], dim=1)

    ns["solve_max_min"] = lambda: (Cat(), [1.0, 0.5])
    run("max_min_model, max_min_costs = check_max_min(solve_max_min, device)", ns, capsys)
    assert ns["max_min_model"] is None
    out = run(cell("05_exercises", "show_max_min(max_min_model"), ns, capsys)  # was 'too many values to unpack'
    assert len(out.strip().splitlines()) == 1
