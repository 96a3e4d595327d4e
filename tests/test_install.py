"""Colab's install path, proven here, and the sliders on Colab's ipywidgets 7.7.

A Colab-like virtual environment borrows the packages of the environment running the tests (tests/borrow_site.py:
its torch, numpy and matplotlib stand for Colab's, and no CUDA torch is ever downloaded) and pins ipywidgets 7.7.x
over them, as Colab does. Into it, the notebooks' own setup cell, with the repository URL swapped for a local
``git clone`` of this repository, installs ``helpers``; nothing Colab brought may change. Then the slider tests run
there on ipywidgets 7.7 (the rest of the suite runs them on 8). Needs git and PyPI (ipywidgets 7.7.x, setuptools
for the build); about a minute. Only what is committed is cloned: uncommitted changes are not part of the install
test. The README's own set-up is tests/test_student_setup.py.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]

COLAB_OWN = ("torch", "numpy", "matplotlib", "ipywidgets")  # Colab's copies must survive the install
IPYWIDGETS_COLAB = "ipywidgets~=7.7.0"  # Colab pins 7.7; this gets the newest 7.7.x
SLIDER_TESTS = ("test_core_*slider*.py", "test_perceptron_*.py", "test_descent_*.py")  # under tests/

VERSIONS = """
import importlib.metadata as md, json, sys
seen = {}
for dist in md.distributions():  # sys.path order: the venv's own copy comes first
    seen.setdefault(dist.metadata["Name"].lower().replace("_", "-"), dist.version)
print(json.dumps(seen))
"""


def _run(args: list[str], cwd: Path, timeout: int = 300, **env: str) -> subprocess.CompletedProcess:
    """Run ``args`` and fail the test with its output when it exits non-zero."""
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COURSE_EXPECT")} | env
    done = subprocess.run(args, cwd=cwd, env=environ, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(args)} exited {done.returncode}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    return done


@pytest.fixture(scope="module")
def colab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the python of a venv that sees this environment's packages, with ipywidgets 7.7.x over them."""
    venv = tmp_path_factory.mktemp("colab") / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent)
    python = venv / "bin" / "python"
    # It sees this environment's packages, after its own.
    _run([str(python), str(ROOT / "tests" / "borrow_site.py"), *site.getsitepackages()], cwd=venv.parent)
    # `python -m pip` then runs the borrowed pip, which installs into the venv and never uninstalls outside it.
    _run([str(python), "-m", "pip", "install", "-q", IPYWIDGETS_COLAB], cwd=venv.parent)
    return python


def _versions(python: Path, cwd: Path) -> dict[str, str]:
    return json.loads(_run([str(python), "-c", VERSIONS], cwd=cwd).stdout)


def _setup_cell() -> str:
    """Return the setup cell as the notebooks carry it (test_build_notebooks checks they all agree)."""
    notebook = sorted((ROOT / "notebooks").glob("*.ipynb"))[0]
    return nbformat.read(notebook, as_version=4).cells[1].source


def test_the_setup_cell_does_nothing_outside_colab(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_install(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the setup cell ran {args} outside Colab")

    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    monkeypatch.setattr(subprocess, "run", no_install)
    exec(_setup_cell(), {})


def test_the_setup_cell_installs_helpers_from_a_clone(colab: Path, tmp_path: Path, build) -> None:
    url, tag = build.repository_url(), build.release_tag()
    clone = tmp_path / "course"  # the cell appends '.git' to the URL: clone to course.git
    _run(["git", "clone", "-q", str(ROOT), f"{clone}.git"], cwd=tmp_path)
    # The release is cut from this commit: the clone gets its tag, which the cell installs (git+<url>.git@<tag>).
    _run(["git", "-C", f"{clone}.git", "tag", "-f", tag], cwd=tmp_path)
    cell = _setup_cell()
    assert cell.count(url) == 1, f"the setup cell should name {url} once:\n{cell}"
    assert f"@{tag}" in cell, f"the setup cell should install the release {tag}:\n{cell}"
    cell = cell.replace(url, f"file://{clone}")
    before = _versions(colab, tmp_path)
    assert before["ipywidgets"].startswith("7.7."), before["ipywidgets"]

    # As in Colab: google.colab is imported, and the cell runs `pip install git+<url>.git@<tag>`.
    fake_colab = "import sys, types; sys.modules['google.colab'] = types.ModuleType('google.colab')\n"
    _run([str(colab), "-c", fake_colab + cell], cwd=tmp_path, timeout=600)

    use = _run(
        [
            str(colab),
            "-c",
            (
                "import json, helpers\n"
                "X, y = helpers.truth_table('AND')\n"
                "x, _ = helpers.line_points('exact')\n"
                "print(json.dumps({'file': helpers.__file__, 'and': y.tolist(), 'x': x.tolist(),\n"
                "                  'device': helpers.get_device().type}))"
            ),
        ],
        cwd=tmp_path,
    ).stdout
    found = json.loads(use)
    venv = colab.parent.parent
    assert Path(found["file"]).is_relative_to(venv), f"imported {found['file']}, not the copy pip installed in {venv}"
    assert found["and"] == [0, 0, 0, 1] and found["x"] == [3.0, 4.0, 5.0]
    assert found["device"] in ("cpu", "cuda")

    after = _versions(colab, tmp_path)
    assert {name: after.get(name) for name in COLAB_OWN} == {name: before[name] for name in COLAB_OWN}
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed <= {"nn-course-helpers"}, f"installing helpers changed {sorted(changed)}"


def test_sliders_work_on_ipywidgets_7_7(colab: Path) -> None:
    version = _run([str(colab), "-c", "import ipywidgets; print(ipywidgets.__version__)"], cwd=ROOT).stdout
    assert version.startswith("7.7."), version
    tests = sorted({p.relative_to(ROOT).as_posix() for pattern in SLIDER_TESTS for p in (ROOT / "tests").glob(pattern)})
    assert any("slider" in test for test in tests), f"no slider tests found under tests/ ({SLIDER_TESTS})"
    # cwd and PYTHONPATH put this checkout's helpers first, whatever the venv has installed.
    done = _run(
        [str(colab), "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", *tests],  # -n 0: already in a worker
        cwd=ROOT,
        timeout=600,
        PYTHONPATH=str(ROOT),
    )
    assert " passed" in done.stdout and " failed" not in done.stdout, done.stdout[-2000:]
    print(f"on ipywidgets {version.strip()}: {' '.join(tests)}: {done.stdout.strip().splitlines()[-1]}")
