"""Plumbing shared by the course notebooks: device, seeds, data, figures, sliders, checkers.

>>> import helpers
>>> helpers.set_seed(0); device = helpers.get_device()
"""

from .checks import Verdict, check_cases, run_exercise, safe_call
from .data import GATES, POINTS, line_points, sample_max_min, sample_sin, sample_square, truth_table
from .device import get_device, set_seed
from .paths import output_dir
from .plotting import (MODEL_COLOR, TRUTH_COLOR, plot_cost_contour, plot_cost_curve, plot_decision_line, plot_fit,
                       to_numpy)
from .sliders import float_slider, int_slider, live_figure, log_slider

__all__ = [
    "GATES", "MODEL_COLOR", "POINTS", "TRUTH_COLOR", "Verdict", "check_cases", "float_slider", "get_device",
    "int_slider", "line_points", "live_figure", "log_slider", "output_dir", "plot_cost_contour", "plot_cost_curve",
    "plot_decision_line", "plot_fit", "run_exercise", "safe_call", "sample_max_min", "sample_sin", "sample_square",
    "set_seed", "to_numpy", "truth_table",
]
