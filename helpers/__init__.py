"""Plumbing shared by the course notebooks: device, seeds, data, figures, and a safe way to run an exercise.

>>> import helpers
>>> helpers.set_seed(0); device = helpers.get_device()

Everything else lives in its module: checkers in ``helpers.<topic>_checks``, sliders in ``helpers.sliders``.
"""

from .checks import run_exercise
from .data import GATES, POINTS, line_points, sample_max_min, sample_sin, sample_square, truth_table
from .device import get_device, set_seed
from .paths import output_dir
from .plotting import MODEL_COLOR, TRUTH_COLOR, plot_cost_contour, plot_cost_curve, plot_fit, to_numpy

__all__ = [
    "GATES", "MODEL_COLOR", "POINTS", "TRUTH_COLOR", "get_device", "line_points", "output_dir", "plot_cost_contour",
    "plot_cost_curve", "plot_fit", "run_exercise", "sample_max_min", "sample_sin", "sample_square", "set_seed",
    "to_numpy", "truth_table",
]
