r"""The textbook formulas, written the obvious way — for showing how they fail.

Nothing here validates its input or guards against overflow, underflow or
cancellation: each function is the formula as printed, so that a chapter can
put it beside the stable :mod:`xentlib` function and let the reader watch it
return ``nan``, ``inf`` or a silent 0. Do not use these for real work.

Each docstring's Examples show the failure. NumPy's floating-point warnings
are silenced inside these examples with ``np.errstate`` so that only the
wrong result shows.

Examples
--------
>>> import numpy as np
>>> import xentlib
>>> from xentlib import naive
>>> with np.errstate(all="ignore"):
...     print(naive.softmax(np.array([1000.0, 1001.0])))
[nan nan]
>>> print(xentlib.softmax([1000.0, 1001.0]))
[0.26894142 0.73105858]
"""

import numpy as np

# One twin for every public function of xentlib's losses, gradients, activations and
# information measures, in the same order (the calibration functions need none).
__all__ = [
    "information",
    "entropy",
    "binary_entropy",
    "kl_divergence",
    "cross_entropy",
    "sigmoid",
    "log_sigmoid",
    "softmax",
    "log_softmax",
    "logsumexp",
    "softmax_cross_entropy_with_logits",
    "sparse_softmax_cross_entropy_with_logits",
    "sigmoid_cross_entropy_with_logits",
    "sigmoid_focal_loss",
    "binary_cross_entropy",
    "mean_squared_error",
    "softmax_cross_entropy_with_logits_grad",
    "sparse_softmax_cross_entropy_with_logits_grad",
    "sigmoid_cross_entropy_with_logits_grad",
    "sigmoid_focal_loss_grad",
    "mean_squared_error_grad",
]


def information(p):
    """-log p.

    >>> import numpy as np
    >>> information(np.array([0.5, 0.25]))
    array([0.69314718, 1.38629436])
    """
    return -np.log(p)


def entropy(p):
    """-sum(p log p): ``nan`` as soon as some p is 0 (0 * -inf).

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(entropy(np.array([1.0, 0.0, 0.0])))
    nan
    """
    return -np.sum(p * np.log(p), axis=-1)


def binary_entropy(p):
    """-(p log p + (1 - p) log(1 - p)): ``nan`` at p = 0 and p = 1 (0 * -inf).

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(binary_entropy(np.array([0.0, 0.5, 1.0])))   # true: [0, 0.693, 0]
    [       nan 0.69314718        nan]
    """
    return -(p * np.log(p) + (1.0 - p) * np.log(1.0 - p))


def kl_divergence(p, q):
    """sum(p log(p/q)): ``nan`` for zeros in p, noise (even negative) for p ≈ q.

    >>> import numpy as np
    >>> p = np.array([0.5, 0.25, 0.25])
    >>> q = np.array([0.5 + 2**-30, 0.25 - 2**-30, 0.25])
    >>> float(kl_divergence(p, q)) < 0        # true value: +2.6e-18
    True
    """
    return np.sum(p * np.log(p / q), axis=-1)


def cross_entropy(p, q):
    """-sum(p log q): ``nan`` where p = q = 0.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(cross_entropy(np.array([1.0, 0.0]), np.array([1.0, 0.0])))
    nan
    """
    return -np.sum(p * np.log(q), axis=-1)


def sigmoid(x):
    """1 / (1 + exp(-x)): exp overflows for x below about -709.

    >>> import numpy as np
    >>> with np.errstate(over="raise"):
    ...     sigmoid(np.array([-1000.0]))
    Traceback (most recent call last):
    ...
    FloatingPointError: overflow encountered in exp
    """
    return 1.0 / (1.0 + np.exp(-x))


def log_sigmoid(z):
    """log(sigmoid(z)): -inf where sigmoid underflows, 0 where it rounds to 1.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(log_sigmoid(np.array([-1000.0, 40.0])))   # true: [-1000, -4.25e-18]
    [-inf   0.]
    """
    return np.log(sigmoid(z))


def softmax(x):
    """exp(x) / sum(exp(x)): ``inf / inf = nan`` once some x exceeds about 709.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(softmax(np.array([1000.0, 1001.0])))
    [nan nan]
    """
    ex = np.exp(x)
    return ex / np.sum(ex, axis=-1, keepdims=True)


def log_softmax(x):
    """log(softmax(x)): rounds tiny log-probabilities to 0 and gives -inf for underflow.

    >>> import numpy as np
    >>> print(log_softmax(np.array([0.0, -40.0])))   # true first entry: -4.25e-18
    [  0. -40.]
    >>> with np.errstate(all="ignore"):
    ...     print(log_softmax(np.array([0.0, -1000.0])))   # true: [0, -1000]
    [  0. -inf]
    """
    return np.log(softmax(x))


def logsumexp(z):
    """log(sum(exp(z))): ``inf`` once some z exceeds about 709.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(logsumexp(np.array([1000.0, 1000.0])))   # true: 1000.693
    inf
    """
    return np.log(np.sum(np.exp(z), axis=-1))


def _smoothed(labels, label_smoothing):
    """(1 - eps) y + eps / K: the label-smoothed target."""
    return (1.0 - label_smoothing) * labels + label_smoothing / np.shape(labels)[-1]


def softmax_cross_entropy_with_logits(labels, logits, label_smoothing=0.0):
    """-sum(t log softmax(x)) with t = (1 - eps) y + eps/K, through the naive softmax.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(softmax_cross_entropy_with_logits(np.array([1.0, 0.0]), np.array([1000.0, 0.0])))
    nan
    >>> with np.errstate(all="ignore"):    # true: 50.0
    ...     print(softmax_cross_entropy_with_logits(np.array([1.0, 0.0]), np.array([1000.0, 0.0]),
    ...                                             label_smoothing=0.1))
    nan
    """
    if label_smoothing:
        labels = _smoothed(labels, label_smoothing)
    return -np.sum(labels * np.log(softmax(logits)), axis=-1)


def sparse_softmax_cross_entropy_with_logits(labels, logits, label_smoothing=0.0):
    """-log softmax(z)[label] (with smoothing, against a dense one-hot), through the naive softmax.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(sparse_softmax_cross_entropy_with_logits(0, np.array([1000.0, 0.0])))
    nan
    """
    if label_smoothing:
        one_hot = np.eye(np.shape(logits)[-1])[labels]
        return softmax_cross_entropy_with_logits(one_hot, logits, label_smoothing)
    return -np.log(np.take_along_axis(softmax(logits), np.asarray(labels)[..., None], axis=-1))[..., 0]


def sigmoid_cross_entropy_with_logits(labels, logits, pos_weight=None):
    """z - z y + log(1 + exp(-z)): the algebraic form, overflowing for large negative z.

    With ``pos_weight`` q, TensorFlow's documented form
    (1 - y) z + (1 + (q - 1) y) log(1 + exp(-z)), with the same overflow.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(sigmoid_cross_entropy_with_logits(np.array([0.0]), np.array([-1000.0])))
    [inf]
    >>> with np.errstate(all="ignore"):     # true: [0.]
    ...     print(sigmoid_cross_entropy_with_logits(np.array([0.0]), np.array([-1000.0]),
    ...                                             pos_weight=2.0))
    [inf]
    """
    if pos_weight is None:
        return logits - logits * labels + np.log(1.0 + np.exp(-logits))
    weight = 1.0 + (pos_weight - 1.0) * labels
    return (1.0 - labels) * logits + weight * np.log(1.0 + np.exp(-logits))


def sigmoid_focal_loss(labels, logits, gamma=2.0, alpha=None):
    """-alpha_t (1 - p_t)**gamma log p_t through p = sigmoid(z): fails at large ``|z|``.

    ``inf`` for a large wrong logit (p_t = 0) and 0 for a large right one
    (p_t = 1, so 1 - p_t = 0) where the true loss is tiny but positive.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):      # true: [1000, 7.67e-53]
    ...     print(sigmoid_focal_loss(np.array([1.0, 1.0]), np.array([-1000.0, 40.0])))
    [inf  0.]
    """
    p = sigmoid(logits)
    p_t = p * labels + (1.0 - p) * (1.0 - labels)
    alpha_t = 1.0 if alpha is None else alpha * labels + (1.0 - alpha) * (1.0 - labels)
    return -alpha_t * (1.0 - p_t) ** gamma * np.log(p_t)


def binary_cross_entropy(labels, probs):
    """-(y log p + (1 - y) log(1 - p)): ``nan`` for a certain, correct prediction.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(binary_cross_entropy(np.array([1.0]), np.array([1.0])))
    [nan]
    """
    return -(labels * np.log(probs) + (1.0 - labels) * np.log(1.0 - probs))


def mean_squared_error(y_true, y_pred):
    """mean((y_pred - y_true)^2): the square overflows although the mean would not.

    >>> import numpy as np
    >>> y_pred = np.zeros(100)
    >>> y_pred[0] = 1e155                       # true mean: 1e308, below float max
    >>> with np.errstate(all="ignore"):
    ...     print(mean_squared_error(np.zeros(100), y_pred))
    inf
    """
    return np.mean((y_pred - y_true) ** 2)


def softmax_cross_entropy_with_logits_grad(labels, logits, label_smoothing=0.0):
    """softmax(z) - t (t the smoothed target), through the naive softmax.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(softmax_cross_entropy_with_logits_grad(np.array([1.0, 0.0]), np.array([1000.0, 0.0])))
    [nan  0.]
    """
    if label_smoothing:
        labels = _smoothed(labels, label_smoothing)
    return softmax(logits) - labels


def sparse_softmax_cross_entropy_with_logits_grad(labels, logits, label_smoothing=0.0):
    """softmax(z) - one_hot(label): a confident, right prediction's gradient rounds to 0.

    >>> import numpy as np
    >>> print(sparse_softmax_cross_entropy_with_logits_grad(0, np.array([40.0, 0.0])))   # true: [-4.25e-18, 4.25e-18]
    [0.00000000e+00 4.24835426e-18]
    """
    p = softmax(logits)
    target = np.eye(p.shape[-1])[labels]
    if label_smoothing:
        target = _smoothed(target, label_smoothing)
    return p - target


def sigmoid_cross_entropy_with_logits_grad(labels, logits, pos_weight=None):
    """sigmoid(z) - y: 0 instead of -4.25e-18 for a confident, right "yes" (z = 40, y = 1).

    With ``pos_weight`` q: sigmoid(z) (1 + (q - 1) y) - q y, which rounds the same way.

    >>> import numpy as np
    >>> print(sigmoid_cross_entropy_with_logits_grad(np.array([1.0]), np.array([40.0])))
    [0.]
    """
    if pos_weight is None:
        return sigmoid(logits) - labels
    return sigmoid(logits) * (1.0 + (pos_weight - 1.0) * labels) - pos_weight * labels


def sigmoid_focal_loss_grad(labels, logits, gamma=2.0, alpha=None):
    """Lin et al.'s derivative for 0/1 labels, through p = sigmoid(z).

    (2y - 1) alpha_t (1 - p_t)**gamma (gamma p_t log p_t + p_t - 1): 0 instead of a
    tiny gradient for a large right logit, ``nan`` (0 * log 0) for a large wrong one.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):      # true: [-2.30e-52, -1]
    ...     print(sigmoid_focal_loss_grad(np.array([1.0, 1.0]), np.array([40.0, -1000.0])))
    [ 0. nan]
    """
    p = sigmoid(logits)
    p_t = p * labels + (1.0 - p) * (1.0 - labels)
    alpha_t = 1.0 if alpha is None else alpha * labels + (1.0 - alpha) * (1.0 - labels)
    sign = 2.0 * labels - 1.0
    return sign * alpha_t * (1.0 - p_t) ** gamma * (gamma * p_t * np.log(p_t) + p_t - 1.0)


def mean_squared_error_grad(y_true, y_pred):
    """2 (y_pred - y_true) / N: the difference overflows although the gradient would not.

    >>> import numpy as np
    >>> with np.errstate(all="ignore"):
    ...     print(mean_squared_error_grad(np.array([-1e308, 0.0, 0.0, 0.0]), np.array([1e308, 0.0, 0.0, 0.0])))
    [inf  0.  0.  0.]
    """
    return 2.0 * (y_pred - y_true) / np.size(y_pred)
