"""xentlib: the numerical core of the xent-book.

Information, entropy, KL divergence and cross-entropy; the sigmoid and
softmax activations; the classification losses computed from logits and
their gradients; and calibration (``xentlib.calibration``). All are stable
for extreme inputs and strict about bad ones (a ``ValueError`` that names
the argument). ``xentlib.naive`` holds the textbook formulas written the
obvious way, for showing how they fail.

Examples
--------
>>> import xentlib
>>> float(xentlib.information(0.5, base=2))
1.0
>>> float(xentlib.kl_divergence([1, 0, 0], [0.7, 0.2, 0.1]))   # -log 0.7
0.356674943939
"""

from . import calibration, naive
from .activations import log_sigmoid, log_softmax, logsumexp, sigmoid, softmax
from .calibration import calibration_bins, expected_calibration_error, fit_temperature
from .gradients import (
    mean_squared_error_grad,
    sigmoid_cross_entropy_with_logits_grad,
    sigmoid_focal_loss_grad,
    softmax_cross_entropy_with_logits_grad,
    sparse_softmax_cross_entropy_with_logits_grad,
)
from .information import binary_entropy, cross_entropy, entropy, information, kl_divergence
from .losses import (
    binary_cross_entropy,
    mean_squared_error,
    sigmoid_cross_entropy_with_logits,
    sigmoid_focal_loss,
    softmax_cross_entropy_with_logits,
    sparse_softmax_cross_entropy_with_logits,
)

__version__ = "0.1.0"

__all__ = [
    # information theory
    "information",
    "entropy",
    "binary_entropy",
    "kl_divergence",
    "cross_entropy",
    # activations
    "sigmoid",
    "log_sigmoid",
    "softmax",
    "log_softmax",
    "logsumexp",
    # losses
    "softmax_cross_entropy_with_logits",
    "sparse_softmax_cross_entropy_with_logits",
    "sigmoid_cross_entropy_with_logits",
    "sigmoid_focal_loss",
    "binary_cross_entropy",
    "mean_squared_error",
    # gradients
    "softmax_cross_entropy_with_logits_grad",
    "sparse_softmax_cross_entropy_with_logits_grad",
    "sigmoid_cross_entropy_with_logits_grad",
    "sigmoid_focal_loss_grad",
    "mean_squared_error_grad",
    # calibration
    "calibration_bins",
    "expected_calibration_error",
    "fit_temperature",
    "calibration",
    # the naive formulas, kept apart
    "naive",
]
