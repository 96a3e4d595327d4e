"""helpers.device and helpers.data."""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch

import helpers


def test_get_device_is_cuda_exactly_when_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COURSE_DEVICE", raising=False)
    assert helpers.get_device().type == ("cuda" if torch.cuda.is_available() else "cpu")
    monkeypatch.setenv("COURSE_DEVICE", "cpu")
    assert helpers.get_device() == torch.device("cpu")
    monkeypatch.setenv("COURSE_DEVICE", "tpu")
    with pytest.raises(ValueError, match="COURSE_DEVICE"):
        helpers.get_device()


@pytest.mark.parametrize("gpu", [True, False])
def test_get_device_follows_cuda_availability(monkeypatch: pytest.MonkeyPatch, gpu: bool) -> None:
    """Issue 12: nothing mocked CUDA, so a get_device() that always returned the CPU passed on a CPU machine."""
    monkeypatch.delenv("COURSE_DEVICE", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: gpu)
    assert helpers.get_device() == torch.device("cuda" if gpu else "cpu")
    monkeypatch.setenv("COURSE_DEVICE", "cpu")
    assert helpers.get_device() == torch.device("cpu")
    monkeypatch.setenv("COURSE_DEVICE", " CUDA ")
    if gpu:
        assert helpers.get_device() == torch.device("cuda")
    else:  # issue 12: it silently used the CPU
        with pytest.raises(RuntimeError, match="COURSE_DEVICE=cuda but no CUDA GPU"):
            helpers.get_device()


def test_set_seed_repeats_python_numpy_and_torch() -> None:
    def draw() -> tuple:
        return random.random(), np.random.rand(), torch.rand(1).item()

    helpers.set_seed(3)
    first = draw()
    helpers.set_seed(3)
    assert draw() == first


@pytest.mark.parametrize(
    "seed, error",
    [
        (1.5, TypeError),
        ("0", TypeError),
        (True, TypeError),
        (None, TypeError),
        (-1, ValueError),
        (2**32, ValueError),
        (2**40, ValueError),
    ],
)
def test_set_seed_refuses_what_numpy_cannot_take(seed: object, error: type) -> None:
    with pytest.raises(error, match="seed must be"):
        helpers.set_seed(seed)  # type: ignore[arg-type]


def test_set_seed_takes_numpys_whole_range() -> None:
    helpers.set_seed(2**32 - 1)
    helpers.set_seed(np.int64(7))


@pytest.mark.parametrize(
    "gate, outputs",
    [
        ("AND", [0, 0, 0, 1]),
        ("or", [0, 1, 1, 1]),
        ("XOR", [0, 1, 1, 0]),
        ("NAND", [1, 1, 1, 0]),
        ("XNOR", [1, 0, 0, 1]),
        ("NOR", [1, 0, 0, 0]),
    ],
)
def test_truth_tables(gate: str, outputs: list[int]) -> None:
    X, y = helpers.truth_table(gate)
    assert X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert y.tolist() == outputs


def test_xor_is_one_exactly_when_the_inputs_differ() -> None:
    X, y = helpers.truth_table("XOR")
    assert (y == (X[:, 0] != X[:, 1])).all()


def test_unknown_gate_names_the_choices() -> None:
    with pytest.raises(ValueError, match="AND"):
        helpers.truth_table("IMPLIES")


def test_line_points() -> None:
    x, y = helpers.line_points("fit")
    assert x.tolist() == [2, 4, 8] and y.tolist() == [4, 7, 8] and x.dtype == np.float64
    x, y = helpers.line_points("exact")
    assert np.allclose(y, x + 2)  # the lecture says x + 3, which misses every point
    for bad in ("wrong", ["fit"], None):
        with pytest.raises(ValueError, match="exact"):
            helpers.line_points(bad)


def test_samplers_shapes_ranges_and_targets() -> None:
    helpers.set_seed(0)
    x, y = helpers.sample_square(500)
    assert x.shape == y.shape == (500, 1) and x.min() >= -100 and x.max() <= 100 and torch.equal(y, x**2)
    x, y = helpers.sample_sin(500)
    assert x.shape == (500, 1) and x.abs().max() <= 10 and torch.allclose(y, torch.sin(x))
    X, Y = helpers.sample_max_min(500)
    assert X.shape == Y.shape == (500, 2) and X.min() >= 0 and X.max() <= 100
    assert torch.equal(Y[:, 0], torch.maximum(X[:, 0], X[:, 1])) and torch.equal(
        Y[:, 1], torch.minimum(X[:, 0], X[:, 1])
    )


def test_samplers_are_seeded_and_accept_a_device_and_generator() -> None:
    helpers.set_seed(1)
    a = helpers.sample_sin(4)[0]
    helpers.set_seed(1)
    assert torch.equal(a, helpers.sample_sin(4)[0])
    g1, g2 = torch.Generator().manual_seed(5), torch.Generator().manual_seed(5)
    x1 = helpers.sample_square(3, generator=g1, device=helpers.get_device())[0]
    assert x1.device.type == helpers.get_device().type
    assert torch.equal(x1.cpu(), helpers.sample_square(3, generator=g2)[0])


@pytest.mark.parametrize("n", [0, -5, 2.5, "100"])
def test_samplers_refuse_bad_counts(n: object) -> None:
    with pytest.raises(ValueError, match="n must be a positive whole number"):
        helpers.sample_square(n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"device": "gpu"}, ValueError, "device must be 'cpu', 'cuda'"),
        ({"device": 3.5}, ValueError, "device must be"),
        ({"generator": 0}, TypeError, "generator must be a CPU torch.Generator"),
        ({"generator": "seed"}, TypeError, "generator must be"),
    ],
)
def test_samplers_refuse_bad_devices_and_generators(kwargs: dict, error: type, words: str) -> None:
    for sample in (helpers.sample_square, helpers.sample_sin, helpers.sample_max_min):
        with pytest.raises(error, match=words):
            sample(10, **kwargs)


def test_samplers_refuse_a_gpu_this_machine_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: sample_sin(10, device='cuda') without a GPU ended deep in torch."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(
        ValueError, match=r"device='cuda' but this machine has no CUDA GPU: use device=helpers.get_device\(\)"
    ):
        helpers.sample_sin(10, device="cuda")
