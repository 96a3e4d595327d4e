"""A notebook whose cells do not all run in one process, in order, fails loudly (conftest.py's guard).

A notebook's cells share one kernel. If a scheduler ever spreads them over workers again (as
``--dist loadgroup`` did with pytest 9.2, pytest-xdist issue 1386), the cells that miss their
predecessors must fail with a message that says so, not with a NameError deep in a notebook.
Here a nested pytest runs notebook 01 without its cell 1, as a worker given only part of it would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "solutions/01_perceptron.ipynb"


def _pytest(*args: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "PYTEST_XDIST_WORKER"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "0", "-x", "-q", *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_cell_whose_predecessor_ran_elsewhere_fails_and_says_why() -> None:
    done = _pytest(NOTEBOOK, "--deselect", f"{NOTEBOOK}::Cell 1")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out[-3000:]
    assert "1 passed" in out and "1 error" in out, out[-3000:]  # cell 0 runs; cell 2 is stopped before it runs
    assert f"cell 2 of {NOTEBOOK} started in this process after cell 0" in out, out[-3000:]
    assert "NameError" not in out, out[-3000:]
