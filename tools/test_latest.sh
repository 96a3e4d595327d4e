#!/usr/bin/env bash
# Optional: run the README's test command against the newest releases of the dependencies.
#
#   tools/test_latest.sh                 # the whole suite, as `python -m pytest`
#   tools/test_latest.sh tests/ -x       # arguments go to pytest
#
# Makes a fresh virtual environment (.venv-latest, git-ignored), installs the newest CPU build of
# torch, then the newest release of everything else in requirements.txt (and of their
# dependencies, and playwright for the browser test), prints what it got, and runs pytest there.
# Where only PyPI is reachable, pick the torch to use instead, e.g.
#   TORCH=torch==2.13.0 TORCH_INDEX= tools/test_latest.sh
# (an empty TORCH_INDEX means pip's usual index; PyPI's Linux torch is the large CUDA build).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-latest}
TORCH=${TORCH:-torch}
TORCH_INDEX=${TORCH_INDEX-https://download.pytorch.org/whl/cpu}

"${PYTHON:-python3}" -m venv --clear "$VENV"
py="$VENV/bin/python"
"$py" -m pip install -q -U pip
"$py" -m pip install -q -U "$TORCH" ${TORCH_INDEX:+--index-url "$TORCH_INDEX"}

# Everything else at its newest, with torch held where it is (an upgrade would fetch the CUDA build).
held="$VENV/torch-held.txt"
"$py" -c 'import importlib.metadata as m; print("torch==" + m.version("torch"))' > "$held"
"$py" -m pip install -q -U --upgrade-strategy eager -c "$held" -r requirements.txt playwright

"$py" -m pip freeze --exclude-editable > "$VENV/freeze.txt"
"$py" - <<'EOF'
import importlib.metadata as m
names = ["torch", "numpy", "matplotlib", "ipywidgets", "jupyterlab", "jupyterlab_widgets", "ipykernel",
         "nbval", "pytest", "playwright"]
print("newest releases:", ", ".join(f"{n} {m.version(n)}" for n in names))
EOF
exec "$py" -m pytest "$@"
