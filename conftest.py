"""Tell each notebook's checkers what to expect: solutions must pass, student notebooks stay unsolved.

nbval starts one kernel per notebook, and the kernel inherits this process's environment, so
setting ``COURSE_EXPECT`` before a notebook's first cell reaches every checker in it
(see helpers/checks.py). The ``build`` fixture is tools/build_notebooks.py, loaded once for the tests.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
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


#: Where run_task keeps finished training runs (helpers/fit_recipes.py), one folder for the whole run: the
#: controller makes it before pytest-xdist starts the workers, which inherit it, as do the notebooks' kernels.
OWN_RUN_CACHE = "COURSE_SUITE_RUN_CACHE" not in os.environ  # False in the workers and in a nested pytest
if OWN_RUN_CACHE:
    os.environ["COURSE_SUITE_RUN_CACHE"] = tempfile.mkdtemp(prefix="course-runs-")
RUN_CACHE = os.environ["COURSE_SUITE_RUN_CACHE"]
#: Where the same training run is asked for more than once, in different processes: the four executions of
#: notebook 05 (two editions, two folders) and the claims test's seed 0. Elsewhere every run trains anew (the
#: reproducibility tests compare two real runs).
SHARE_RUNS = ("05_exercises.ipynb", "test_claims_05.py")

#: What starts first. pytest-xdist's ``--dist loadfile`` (pyproject.toml) gives each file to one worker, whole: a
#: notebook's cells share one kernel, and the browser, site, install and claims tests share a server, a virtual
#: environment or a costly fixture. ``--no-loadscope-reorder`` keeps this order (by default xdist would start the
#: files with the most tests first, and leave the long files of two or three tests to the end). The longest first,
#: by their seconds in a quiet run (2-core CPU), so that no worker is left with a long file while the other idles;
#: and one execution of notebook 05 before its claims test and its three other executions, which then load its
#: training runs (RUN_CACHE) instead of repeating them. The rest follow in pytest's order.
FIRST = (
    "tests/test_fit_recipes.py",  # 130–150 s: the seed sweep
    "solutions/05_exercises.ipynb",  # 30 s
    "tests/test_claims_05.py",  # 50 s
    "tests/test_browser.py",  # 40–45 s
    "tests/test_site.py",  # 40–45 s
    "tests/test_install.py",  # 35–40 s
    "tests/test_student_setup.py",  # 25–30 s
    "solutions/ko/05_exercises.ipynb",  # 23 s
    "tests/test_claims_03_04.py",  # 20 s
    "notebooks/05_exercises.ipynb",
    "notebooks/ko/05_exercises.ipynb",
    "solutions/03_backpropagation.ipynb",  # 03 and 04: 10–15 s each
    "solutions/ko/03_backpropagation.ipynb",
    "notebooks/03_backpropagation.ipynb",
    "notebooks/ko/03_backpropagation.ipynb",
    "solutions/04_pytorch_basics.ipynb",
    "solutions/ko/04_pytorch_basics.ipynb",
    "notebooks/04_pytorch_basics.ipynb",
    "notebooks/ko/04_pytorch_basics.ipynb",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start the longest files first (FIRST); a file's tests keep their order."""
    rank = {path: i for i, path in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(item.path.relative_to(ROOT).as_posix(), len(FIRST)))  # stable sort


#: The number of the last cell of each notebook that started in this process.
_last_cell: dict[Path, int] = {}


def _check_cell_order(item: pytest.Item) -> None:
    """Fail a notebook cell whose previous cell did not run just before it, in this process.

    A notebook's cells share one kernel, so a cell whose predecessors ran elsewhere (another worker) or not yet
    would fail with a misleading NameError, or pass against the wrong state. This says what really went wrong.
    """
    number = getattr(item, "cell_num", None)  # nbval's cell item
    if number is None:
        return
    last = _last_cell.get(item.path, -1)
    if number != last + 1:
        where = os.environ.get("PYTEST_XDIST_WORKER", "this process")
        before = "no cell of this notebook" if last < 0 else f"cell {last}"
        pytest.fail(
            f"notebook cells out of order: cell {number} of {item.path.relative_to(ROOT)} started in {where} after "
            f"{before}. A notebook's cells share one kernel: they must all run in one process, in order. Run the "
            "whole notebook (no -k or deselection of its cells), with pyproject's --dist loadfile or -n 0 "
            "(--dist loadgroup stopped grouping with pytest 9.2: pytest-xdist issue 1386).",
            pytrace=False,
        )
    _last_cell[item.path] = number


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _check_cell_order(item)
    folder = item.path.relative_to(ROOT).parts[0] if item.path.suffix == ".ipynb" else None
    if folder in EXPECT:  # solutions/ and solutions/ko/, notebooks/ and notebooks/ko/
        os.environ["COURSE_EXPECT"] = EXPECT[folder]
    else:
        os.environ.pop("COURSE_EXPECT", None)
    if item.path.name in SHARE_RUNS:
        os.environ["COURSE_RUN_CACHE"] = RUN_CACHE
    else:
        os.environ.pop("COURSE_RUN_CACHE", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    """The process that made the run cache removes it when the run ends: nothing is left behind."""
    if OWN_RUN_CACHE:
        shutil.rmtree(RUN_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def build() -> ModuleType:
    """Return tools/build_notebooks.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
