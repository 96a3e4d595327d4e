"""Tell each notebook's checkers what to expect: solutions must pass, student notebooks stay unsolved.

nbval starts one kernel per notebook, and the kernel inherits this process's environment, so
setting ``COURSE_EXPECT`` before a notebook's first cell reaches every checker in it
(see helpers/checks.py). The ``build`` fixture is tools/build_notebooks.py, loaded once for the tests.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

EXPECT = {"solutions": "done", "notebooks": "todo"}
ROOT = Path(__file__).resolve().parent

# One thread per process: pytest-xdist runs one worker per core, and each notebook's kernel (which
# inherits this environment) or each training test then keeps to one core instead of fighting the
# others for all of them (measured: 100 steps took 25 s with two processes at two threads each, 5 s
# at one). Set before torch is imported anywhere.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_variable] = "1"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    folder = item.path.relative_to(ROOT).parts[0] if item.path.suffix == ".ipynb" else None
    if folder in EXPECT:  # solutions/ and solutions/ko/, notebooks/ and notebooks/ko/
        os.environ["COURSE_EXPECT"] = EXPECT[folder]
    else:
        os.environ.pop("COURSE_EXPECT", None)


@pytest.fixture(scope="session")
def build() -> ModuleType:
    """Return tools/build_notebooks.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
