#!/usr/bin/env bash
# Run the README's test command against the newest release of every dependency, and refresh the lock.
#
#   tools/test_latest.sh                   # the whole suite, as `python -m pytest`
#   tools/test_latest.sh tests/ -x         # arguments go to pytest
#   tools/test_latest.sh --write-lock      # the whole suite; if it passes, requirements-lock.txt becomes
#                                          # exactly what it ran on (then commit it)
#
# Makes a fresh virtual environment (.venv-latest, git-ignored), installs the newest CPU build of torch,
# then the newest release of everything pyproject.toml asks for (the helpers' dependencies and the lab,
# test and site extras) and of what they need, ignoring requirements-lock.txt; prints what it got, runs
# `pip check`, then pytest there. Where only PyPI is reachable, pick the torch to use instead, e.g.
#   TORCH=torch==2.13.0 TORCH_INDEX= tools/test_latest.sh
# (an empty TORCH_INDEX means pip's usual index; PyPI's Linux torch is the large CUDA build).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-latest}
TORCH=${TORCH:-torch}
TORCH_INDEX=${TORCH_INDEX-https://download.pytorch.org/whl/cpu}
LOCK=requirements-lock.txt
write_lock=
if [ "${1:-}" = "--write-lock" ]; then
    write_lock=1
    shift
fi

"${PYTHON:-python3}" -m venv --clear "$VENV"
py="$VENV/bin/python"
"$py" -m pip install -q -U pip
"$py" -m pip install -q -U "$TORCH" ${TORCH_INDEX:+--index-url "$TORCH_INDEX"}

# Everything else at its newest, with torch held where it is (an upgrade would fetch the CUDA build).
held="$VENV/torch-held.txt"
"$py" -c 'import importlib.metadata as m; print("torch==" + m.version("torch"))' > "$held"
"$py" -m pip install -q -U --upgrade-strategy eager -c "$held" -e ".[lab,test,site]"
"$py" -m pip check

"$py" - <<'EOF'
import importlib.metadata as m
names = ["torch", "numpy", "matplotlib", "ipywidgets", "jupyterlab", "ipykernel", "nbval", "pytest",
         "pytest-xdist", "playwright"]
print("newest releases:", ", ".join(f"{n} {m.version(n)}" for n in names))
EOF

log="$VENV/pytest.log"
status=0
"$py" -m pytest "$@" 2>&1 | tee "$log" || status=$?
if [ -z "$write_lock" ]; then
    exit "$status"
fi
if [ "$status" -ne 0 ] || [ "$#" -ne 0 ]; then
    echo "not writing $LOCK: the lock is written only after the whole suite passes (no pytest arguments)" >&2
    exit 1
fi

# The lock: every package installed, at its exact version (setuptools too: torch needs a newer one than a
# new venv has; pip itself aside). A local label such as +cpu is dropped, so that the lock fits any build of
# that version (the CPU build here, a CUDA build on a GPU machine).
{
    echo "# The exact versions the course's suite passed with, used as constraints by requirements.txt and"
    echo "# requirements-dev.txt. Written by tools/test_latest.sh --write-lock (README: \"Keeping the set-up green\")."
    echo "# $(date -u +%F), Python $("$py" -c 'import platform; print(platform.python_version())'), $(uname -sm):"
    echo "# $(grep -E '^=+ .*(passed|failed).* =+$' "$log" | tail -1 | tr -d '=' | xargs)"
    "$py" -m pip freeze --all --exclude-editable | grep -v '^pip==' \
        | sed -E 's/^([A-Za-z0-9_.-]+==[^+]+)\+.*$/\1/' | LC_ALL=C sort -f
} > "$LOCK"
echo "wrote $LOCK ($(grep -c '==' "$LOCK") packages)"
