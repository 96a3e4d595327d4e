"""Tell each notebook's checkers what to expect: solutions must pass, student notebooks stay unsolved.

nbval starts one kernel per notebook, and the kernel inherits this process's environment, so
setting ``COURSE_EXPECT`` before a notebook's first cell reaches every checker in it
(see helpers/checks.py).
"""

from __future__ import annotations

import os

import pytest

EXPECT = {"solutions": "done", "notebooks": "todo"}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    folder = item.path.parent.name if item.path.suffix == ".ipynb" else None
    if folder in EXPECT:
        os.environ["COURSE_EXPECT"] = EXPECT[folder]
    else:
        os.environ.pop("COURSE_EXPECT", None)
