"""Binder builds from binder/: the CPU build of torch, then exactly the students' requirements (never a copy).

requirements.txt installs the helpers (torch with them) and JupyterLab through the lock: tests/test_dependencies.py.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def _lines(path: Path) -> list[str]:
    return [line.split("#", 1)[0].strip() for line in path.read_text().splitlines() if line.split("#", 1)[0].strip()]


def test_binder_takes_torch_from_the_cpu_index_then_the_root_requirements() -> None:
    lines = _lines(ROOT / "binder" / "requirements.txt")
    assert lines == [f"--extra-index-url {CPU_INDEX}", "-r ../requirements.txt"], lines
    assert (ROOT / "binder" / lines[1].split()[1]).resolve() == ROOT / "requirements.txt"


def test_binder_runs_the_python_the_course_is_tested_on() -> None:
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_every_binder_badge_opens_the_first_notebook_of_its_edition() -> None:
    badges = {}
    for readme in sorted(ROOT.glob("README*.md")):
        found = re.findall(
            r"\(https://mybinder\.org/v2/gh/([^/]+/[^/]+)/HEAD\?urlpath=lab/tree/([^)]+)\)", readme.read_text()
        )
        assert found, f"{readme.name} has no Binder badge"
        badges[readme.name] = found
    for name, found in badges.items():
        for repo, path in found:
            assert repo in (ROOT / "pyproject.toml").read_text(), (name, repo)
            assert (ROOT / path).is_file() and path.endswith("01_perceptron.ipynb"), (name, path)
