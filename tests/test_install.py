"""The README's student set-up and Colab's install path, proven here; the sliders on Colab's ipywidgets 7.7.

*Start here* in both READMEs (the block marked ``<!-- student set-up``) runs line by line, as written but for
the clone's URL (a local ``git clone`` of this repository), in a scratch folder with no npm on the PATH. Its
fresh virtual environment borrows the packages of the environment running the tests, so that pip finds the
locked versions already there instead of downloading them (``COURSE_FRESH_INSTALL=1`` turns the borrowing off:
a real install, several minutes). Then its ``jupyter lab notebooks/`` must serve notebook 01, and notebook 01
of both editions must run top to bottom in that environment.

A Colab-like virtual environment borrows the same packages (its torch, numpy and matplotlib stand for
Colab's, and no CUDA torch is ever downloaded) and pins ipywidgets 7.7.x over them, as Colab does. Into it,
the notebooks' own setup cell, with the repository URL swapped for a local ``git clone`` of this repository,
installs ``helpers``; nothing Colab brought may change. Then the slider tests run there on ipywidgets 7.7 (the
rest of the suite runs them on 8). Needs git and PyPI (ipywidgets 7.7.x, setuptools for the build); about a
minute. Only what is committed is cloned: uncommitted changes are not part of the install tests.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import site
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from browser_lab import _request, jupyter_lab

ROOT = Path(__file__).resolve().parents[1]
READMES = ("README.md", "README.ko.md")
STUDENT_BLOCK = "<!-- student set-up"  # marks the block of *Start here* that this file runs
FRESH = os.environ.get("COURSE_FRESH_INSTALL") == "1"  # a real install: no borrowed packages

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


def _borrow(python: Path, cwd: Path) -> None:
    """Let the venv of ``python`` see this environment's packages, after its own (tests/borrow_site.py)."""
    _run([str(python), str(ROOT / "tests" / "borrow_site.py"), *site.getsitepackages()], cwd=cwd)


@pytest.fixture(scope="module")
def colab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the python of a venv that sees this environment's packages, with ipywidgets 7.7.x over them."""
    venv = tmp_path_factory.mktemp("colab") / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent)
    python = venv / "bin" / "python"
    _borrow(python, venv.parent)
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


def student_commands(readme: str) -> list[str]:
    """Return the commands of the README's student set-up block, without their comments."""
    text = (ROOT / readme).read_text()
    assert STUDENT_BLOCK in text, f"{readme} has no {STUDENT_BLOCK} …--> block"
    block = text.split(STUDENT_BLOCK, 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    return [shlex.join(words) for line in block.splitlines() if (words := shlex.split(line, comments=True))]


def test_both_readmes_give_the_same_student_set_up(build) -> None:
    english, korean = (student_commands(readme) for readme in READMES)
    assert english[:-1] == korean[:-1], "README.ko.md's set-up must run the same commands as README.md's"
    assert english[0] == f"git clone {build.repository_url()}.git", english[0]
    assert (english[-1], korean[-1]) == ("jupyter lab notebooks/", "jupyter lab notebooks/ko/")
    assert not any("npm" in command for command in english), "students need no Node.js"


@pytest.mark.timeout(3600 if FRESH else 600)
def test_the_student_set_up_runs_on_a_machine_without_npm(build, tmp_path: Path) -> None:
    origin = tmp_path / "origin" / "nn-from-perceptron.git"
    _run(["git", "clone", "-q", str(ROOT), str(origin)], cwd=tmp_path)
    tools = tmp_path / "bin"  # the whole PATH: git and python3, no npm
    tools.mkdir()
    (tools / "git").symlink_to(shutil.which("git"))
    (tools / "python3").symlink_to(sys._base_executable)
    bash = shutil.which("bash")
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("COURSE_", "PYTEST_", "VIRTUAL_ENV", "PYTHON"))
    } | {"PATH": str(tools)}

    commands = student_commands("README.md")
    labs = [commands.pop(), student_commands("README.ko.md")[-1]]  # jupyter lab notebooks/ (ko/): servers, below
    script = ["set -euo pipefail"]
    for command in commands:
        script.append(command.replace(f"{build.repository_url()}.git", f"file://{origin}"))
        if " -m venv " in command and not FRESH:
            script.append(
                shlex.join([".venv/bin/python", str(ROOT / "tests" / "borrow_site.py"), *site.getsitepackages()])
            )
    script.append("if command -v npm; then echo 'npm is on the PATH'; exit 1; fi")
    work = tmp_path / "student"
    work.mkdir()
    done = subprocess.run(
        [bash, "-c", "\n".join(script)],
        cwd=work,
        env=environ,
        capture_output=True,
        text=True,
        timeout=3000 if FRESH else 600,
    )
    assert done.returncode == 0, f"{done.stdout[-4000:]}\n{done.stderr[-4000:]}"

    clone = work / "nn-from-perceptron"
    activate = f"cd {shlex.quote(str(clone))} && source .venv/bin/activate && "
    for lab in labs:  # each README's last line serves its edition's folder, with notebook 01 in it
        opened = [bash, "-c", activate + f'exec {lab} "$@"', "jupyter-lab"]
        root = clone / lab.split()[-1]
        with jupyter_lab(root, tmp_path / "lab", env=environ, command=opened) as (base, token):
            listing = json.loads(_request(f"{base}/api/contents/01_perceptron.ipynb?content=0", token))
            assert listing["type"] == "notebook", (lab, listing)
    for notebook in ("notebooks/01_perceptron.ipynb", "notebooks/ko/01_perceptron.ipynb"):
        ran = subprocess.run(
            [bash, "-c", activate + f"jupyter execute {notebook}"],
            env=environ,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert ran.returncode == 0, f"{notebook}:\n{ran.stdout[-3000:]}\n{ran.stderr[-3000:]}"
