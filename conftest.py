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
