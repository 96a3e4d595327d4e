"""The README's student set-up, followed as written on a machine without npm, opens and runs notebook 01.

*Start here* in both READMEs (the block marked ``<!-- student set-up``) runs line by line, as written but for
the clone's URL (a local ``git clone`` of this repository), in a scratch folder whose PATH holds only git and
python3. Its fresh virtual environment borrows the packages of the environment running the tests
(tests/borrow_site.py), so that pip finds the locked versions already there instead of downloading them;
``COURSE_FRESH_INSTALL=1`` turns the borrowing off, for a real install (a few minutes, from PyPI). Then each
README's ``jupyter lab notebooks/…`` must serve its edition's notebook 01, and notebook 01 (Korean) must run top
to bottom in that environment. Only what is committed is cloned: commit first.
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

import pytest
from browser_lab import _request, jupyter_lab

ROOT = Path(__file__).resolve().parents[1]
READMES = ("README.md", "README.ko.md")
STUDENT_BLOCK = "<!-- student set-up"  # marks the block of *Start here* that this file runs
FRESH = os.environ.get("COURSE_FRESH_INSTALL") == "1"  # a real install: no borrowed packages


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
    subprocess.run(["git", "clone", "-q", str(ROOT), str(origin)], check=True, capture_output=True)
    tools = tmp_path / "bin"  # the whole PATH: git and python3, no npm
    tools.mkdir()
    (tools / "git").symlink_to(shutil.which("git"))
    (tools / "python3").symlink_to(sys._base_executable)
    bash = shutil.which("bash")
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("COURSE_", "PYTEST_", "VIRTUAL_ENV", "PYTHON"))
    } | {"PATH": str(tools), "PIP_RETRIES": "0"}  # an unreachable index (here, PyTorch's) costs one try, not six

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
    script.append("python -c \"import importlib.util; print(importlib.util.find_spec('helpers').origin)\"")
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
    helpers = Path(done.stdout.strip().splitlines()[-1])
    assert helpers.is_relative_to(clone), f"the venv imports {helpers}, not the clone's helpers (pip install -e .)"

    activate = f"cd {shlex.quote(str(clone))} && source .venv/bin/activate && "
    for lab in labs:  # each README's last line serves its edition's folder, with notebook 01 in it
        opened = [bash, "-c", activate + f'exec {lab} "$@"', "jupyter-lab"]
        root = clone / lab.split()[-1]
        with jupyter_lab(root, tmp_path / "lab", env=environ, command=opened) as (base, token):
            listing = json.loads(_request(f"{base}/api/contents/01_perceptron.ipynb?content=0", token))
            assert listing["type"] == "notebook", (lab, listing)
    # Notebook 01 runs top to bottom there. One edition is enough: both share their code (tests/test_editions.py),
    # and the Korean one also needs the Korean font that the install brings.
    notebook = "notebooks/ko/01_perceptron.ipynb"
    ran = subprocess.run(
        [bash, "-c", activate + f"jupyter execute {notebook}"], env=environ, capture_output=True, text=True, timeout=600
    )
    assert ran.returncode == 0, f"{notebook}:\n{ran.stdout[-3000:]}\n{ran.stderr[-3000:]}"
