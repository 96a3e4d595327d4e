"""Plumbing shared by the course notebooks: device, seeds, language, data, figures, a safe way to run an exercise.

>>> import helpers
>>> helpers.set_language('en'); helpers.set_seed(0); device = helpers.get_device()

Everything else lives in its module, named after the notebook it serves:

| module prefix | notebook |
| --- | --- |
| ``perceptron``, ``perceptron_*`` | 01 · Perceptron |
| ``descent``, ``descent_*`` | 02 · Gradient descent |
| ``backprop_*`` | 03 · Backpropagation |
| ``pytorch_*`` | 04 · PyTorch basics |
| ``fit_*`` | 05 · Exercises (fitting x², sin x and (max, min)) |

``*_checks`` are a notebook's checkers, ``*_plots`` its figures, ``*_explorer`` its sliders; shared
plumbing sits in ``checks``, ``gradcheck``, ``sliders``, ``plotting``, ``validate``, ``language``.
"""

from .checks import run_exercise
from .data import GATES, POINTS, line_points, sample_max_min, sample_sin, sample_square, truth_table
from .device import get_device, set_seed
from .language import set_language
from .paths import output_dir
from .plotting import MODEL_COLOR, TRUTH_COLOR, plot_cost_contour, plot_cost_curve, plot_fit, to_numpy

__all__ = [
    "GATES",
    "MODEL_COLOR",
    "POINTS",
    "TRUTH_COLOR",
    "get_device",
    "line_points",
    "output_dir",
    "plot_cost_contour",
    "plot_cost_curve",
    "plot_fit",
    "run_exercise",
    "sample_max_min",
    "sample_sin",
    "sample_square",
    "set_language",
    "set_seed",
    "to_numpy",
    "truth_table",
]
