"""Training claims of notebooks 03 and 04 hold beyond seed 0.

Each test runs the notebook's own code — the cells are read from ``solutions/`` by id and executed,
so a change there is tested here — for five seeds (or five sets of 20 seeds) and checks every claim the
notebook asserts about a training run. A different CPU, a GPU or a newer torch changes the digits of a
training run; these tests say whether the claims survive such changes. Run with ``-s`` to see the
margin each claim had on each seed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import nbformat  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = range(5)
SEED_SETS = [list(range(first, first + 20)) for first in range(0, 100, 20)]  # 0–19, 20–39, …, 80–99


def run_cells(notebook: str, cell_ids: list[str]) -> dict[str, Any]:
    """Return the namespace left by executing the cells ``cell_ids`` of ``solutions/<notebook>``, in order."""
    nb = nbformat.read(ROOT / "solutions" / notebook, as_version=4)
    cells = {cell.get("id"): cell for cell in nb.cells}
    namespace: dict[str, Any] = {"__name__": "notebook"}
    for cell_id in cell_ids:
        assert cell_id in cells, f"{notebook} has no cell {cell_id!r}: update this test"
        exec(compile(cells[cell_id].source, f"{notebook}:{cell_id}", "exec"), namespace)
    return namespace


def report(claim: str, margins: dict) -> None:
    """Print the margins a claim had (visible with pytest -s)."""
    print(f"\n{claim}: {json.dumps(margins)}")


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def nb03() -> dict[str, Any]:
    return run_cells(
        "03_backpropagation.ipynb", ["79401e8e", "3f82888e", "xormlp", "9b8d54ef", "piecesdef", "piecestrain"]
    )


@pytest.fixture(scope="module")
def xor_runs(nb03) -> dict[str, Any]:
    """The notebook's three XOR runs, for seeds 0–99 at once (each network trains independently)."""
    seeds = [s for seed_set in SEED_SETS for s in seed_set]
    train_xor, solved = nb03["train_xor"], nb03["solved"]
    params8, _ = train_xor(8, seeds)
    params2, history2 = train_xor(2, seeds)
    params_long, history_long = train_xor(2, seeds, num_steps=3000)
    with torch.no_grad():
        worst8 = (nb03["mlp"](nb03["X_xor"], params8) - nb03["y_xor"]).abs().amax(dim=(1, 2)).cpu()
    return {
        "ok8": solved(params8),
        "worst8": worst8,
        "ok2": solved(params2),
        "history2": history2,
        "ok_long": solved(params_long),
        "history_long": history_long,
    }


def test_xor_counts_hold_for_five_sets_of_20_seeds(xor_runs) -> None:
    margins = {}
    for k, seed_set in enumerate(SEED_SETS):
        part = slice(20 * k, 20 * (k + 1))
        ok8, worst8, ok2 = xor_runs["ok8"][part], xor_runs["worst8"][part], xor_runs["ok2"][part]
        margins[f"{seed_set[0]}-{seed_set[-1]}"] = {
            "2-8-1 solved": int(ok8.sum()),
            "2-8-1 worst |y_hat - y|": round(float(worst8.max()), 4),
            "2-2-1 solved": int(ok2.sum()),
        }
        assert ok8.all() and worst8.max() < 0.2, f"seeds {seed_set[0]}–{seed_set[-1]}: 2-8-1 did not learn every seed"
        assert not ok2.all(), f"seeds {seed_set[0]}–{seed_set[-1]}: every 2-2-1 network learned XOR"
    report("XOR counts (notebook asserts: 2-8-1 all 20 with worst < 0.2; 2-2-1 not all 20)", margins)


def test_stuck_xor_networks_drift_on_a_plateau_for_five_sets_of_20_seeds(xor_runs) -> None:
    history, history2 = xor_runs["history_long"], xor_runs["history2"]
    assert torch.allclose(history["cost"][:1000], history2["cost"], rtol=1e-4, atol=1e-6)
    margins = {}
    for k, seed_set in enumerate(SEED_SETS):
        part = slice(20 * k, 20 * (k + 1))
        stuck = ~xor_runs["ok2"][part]
        escaped = stuck & xor_runs["ok_long"][part]
        cost = history["cost"][:, part][:, stuck]
        weight = history["largest |weight|"][:, part][:, stuck]
        grad = history["gradient norm"][-100:, part][:, stuck].median(dim=0).values
        floor = torch.where((cost[-1] - 0.5).abs() < (cost[-1] - 2 / 3).abs(), 0.5, 2 / 3)
        margins[f"{seed_set[0]}-{seed_set[-1]}"] = {
            "stuck": int(stuck.sum()),
            "escaped": int(escaped.sum()),
            "smallest cost drop 1000->3000": float(f"{(cost[999] - cost[-1]).min():.2e}"),
            "smallest weight growth": round(float((weight[-1] - weight[999]).min()), 3),
            "largest median grad norm": float(f"{grad.max():.2e}"),
            "largest |cost - floor|": float(f"{(cost[-1] - floor).abs().max():.2e}"),
        }
        where = f"seeds {seed_set[0]}–{seed_set[-1]}"
        assert stuck.any() and not escaped.any(), f"{where}: a stuck network escaped"
        assert (cost[-1] < cost[999]).all(), f"{where}: a stuck network's cost stopped falling"
        assert (weight[-1] > weight[999]).all(), f"{where}: a stuck network's weights stopped growing"
        assert (grad < 1e-3).all(), f"{where}: a stuck network's gradient is not small"
        assert ((cost[-1] - floor).abs() < 0.01).all(), f"{where}: a stuck network's cost is not near ½ or ⅔"
    report(
        "XOR plateau (notebook asserts: none escapes; cost falls; weights grow; median grad < 1e-3; "
        "cost within 0.01 of 1/2 or 2/3)",
        margins,
    )


def test_relu_pieces_error_falls_with_width_for_five_seeds(nb03) -> None:
    sizes = (2, 4, 8, 16)
    nets = {(seed, H): nb03["pieces_net"](H, seed) for seed in SEEDS for H in sizes}
    nb03["train_side_by_side"](nets.values())  # as the notebook trains its four, each net on its own cost
    x_fine = nb03["x_fine"]
    margins = {}
    for seed in SEEDS:
        errors, kinks = [], []
        for H in sizes:
            with torch.no_grad():
                errors.append((nets[seed, H](x_fine) - x_fine**2).abs().max().item())
            kinks.append(len(nb03["kinks_inside"](nets[seed, H])))
        ratios = [e1 / e2 for e1, e2 in zip(errors, errors[1:])]
        margins[f"seed {seed}"] = {
            "max |error|": [round(e, 4) for e in errors],
            "kinks": kinks,
            "smallest error ratio": round(min(ratios), 2),
        }
        assert min(ratios) > 1, f"seed {seed}: the max error did not fall as H grew: {errors}"
        assert all(k1 < k2 for k1, k2 in zip(kinks, kinks[1:])), f"seed {seed}: kinks {kinks}"
    report("ReLU pieces (notebook asserts: kinks rise and max |error| falls from H = 2 to 4 to 8 to 16)", margins)


@pytest.fixture(scope="module")
def nb04() -> dict[str, Any]:
    return run_cells("04_pytorch_basics.ipynb", ["a64cf11c", "17d50c17", "9392309e"])


def test_four_choices_comparison_holds_for_five_seeds(nb04) -> None:
    fit_line, sum_of_squares = nb04["fit_line"], nb04["sum_of_squares"]
    sgd, adam_class, mse = torch.optim.SGD, torch.optim.Adam, torch.nn.functional.mse_loss
    x_train, y_train = nb04["x_train"], nb04["y_train"]
    a_exact, b_exact = 17 / 28, 3.5
    min_cost = ((a_exact * x_train + b_exact - y_train) ** 2).sum().item()
    margins = {}
    for seed in SEEDS:
        runs = {
            "sum 0.001": fit_line(sum_of_squares, sgd, 0.001, seed=seed),  # section 5's first 2000 steps
            "mse 0.001": fit_line(mse, sgd, 0.001, seed=seed),
            "mse 0.003": fit_line(mse, sgd, 0.003, seed=seed),
            "adam": fit_line(sum_of_squares, adam_class, 0.03, seed=seed),
        }
        gaps = {label: np.array(sse) - min_cost for label, (line, sse) in runs.items()}
        adam = runs["adam"][0]
        adam_distance = max(abs(adam.weight.item() - a_exact), abs(adam.bias.item() - b_exact))
        reference = np.array(runs["sum 0.001"][1])
        retrace = np.max(np.abs(np.array(runs["mse 0.003"][1]) - reference) / reference)
        sgd_labels = ("sum 0.001", "mse 0.001", "mse 0.003")
        margins[f"seed {seed}"] = {
            "mse 0.003 vs sum 0.001, largest relative gap": float(f"{retrace:.1e}"),
            "Adam distance from (17/28, 3.5)": float(f"{adam_distance:.1e}"),
            "Adam first within 1e-3": int(np.argmax(gaps["adam"] < 1e-3)) + 1,
            "mse 0.001 / sum 0.001 gap at step 2000": round(float(gaps["mse 0.001"][-1] / gaps["sum 0.001"][-1]), 1),
            "smallest SGD gap": float(f"{min(gaps[label].min() for label in sgd_labels):.1e}"),
        }
        assert retrace < 1e-4, f"seed {seed}: the mean with lr 0.003 does not retrace the sum with lr 0.001"
        assert adam_distance < 1e-3, f"seed {seed}: Adam ends {adam_distance:.1e} from 17/28, 3.5"
        assert gaps["mse 0.001"][-1] > gaps["sum 0.001"][-1], f"seed {seed}: the mean with lr 0.001 does not lag"
        assert (gaps["adam"] < 1e-3).any(), f"seed {seed}: Adam never within 0.001 of the minimum"
        for label in sgd_labels:
            assert not (gaps[label] < 1e-3).any(), f"seed {seed}: {label} got within 0.001 of the minimum"
    report(
        "04 four choices (notebook asserts: mse 0.003 retraces sum 0.001 to rtol 1e-4; Adam ends within 1e-3 of "
        "(17/28, 3.5); mse 0.001 lags at step 2000; only Adam gets within 0.001 of the minimum cost)",
        margins,
    )
