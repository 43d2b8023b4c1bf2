"""Helpers shared by the oracle and property tests: strict floating point, the
tolerance policy of the oracle tests (``assert_matches``) and its constants.

Expected values come from ``tests/reference.py`` (mpmath at 60+ digits on the
exact binary values of the inputs, rounded once to float64) and, on ordinary
inputs, from ``scipy.special`` as a second independent route. No expected
value is typed in by hand.

Tolerance policy (``assert_matches``):

* float64: relative error <= 1e-13, plus an absolute allowance of the smallest
  normal float64 (2.2e-308). Relative accuracy is meaningless for results in
  the subnormal range (their spacing is a fixed 4.9e-324), and a reference that
  is exactly 0 (or rounds to 0) cannot be met relatively; below the normal
  range we therefore only ask for absolute agreement.
* float32: relative error <= 4 float32 ulp (4 * 2**-23), absolute allowance
  the smallest normal float32 (1.2e-38), against the mpmath value for the
  exact float32 inputs.
* Where the result comes from cancellation between inputs (ill-conditioned),
  a test adds an absolute tolerance of a few eps times the magnitude of the
  cancelling quantities and says why in a comment.
* Infinities must match exactly (same sign); NaN is never acceptable.

Every library call runs under ``np.errstate(over/divide/invalid='raise')``
with warnings turned into errors (``call``): valid input must not trigger a
floating-point warning, even when the result is inf or 0.
"""

import contextlib
import warnings

import numpy as np
import pytest

import xentlib


@contextlib.contextmanager
def strict_fp():
    """Turn every floating-point warning (and any other warning) into an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            yield


def call(name, *args, **kwargs):
    """Call xentlib.<name> under strict_fp: valid input must raise no warning."""
    with strict_fp():
        return getattr(xentlib, name)(*args, **kwargs)


EPS64 = float(np.finfo(np.float64).eps)


EPS32 = float(np.finfo(np.float32).eps)


TINY64 = float(np.finfo(np.float64).smallest_normal)


TINY32 = float(np.finfo(np.float32).smallest_normal)


RTOL64 = 1e-13


RTOL32 = 4 * EPS32


INF = np.inf


SUB = 5e-324  # smallest subnormal float64


def assert_matches(actual, expected, dtype=np.float64, rtol=None, atol=0.0):
    """Compare a xentlib result with a float64 reference array.

    * ``actual`` must have ``dtype`` and the reference's shape;
    * infinities must agree exactly, ``actual`` must not hold NaN;
    * elsewhere |actual - expected| <= rtol*|expected| + max(atol, tiny),
      with rtol defaulting to RTOL64 / RTOL32 and tiny the smallest normal
      number of ``dtype`` (see the module docstring). ``atol`` may be an array.
    """
    dtype = np.dtype(dtype)
    a = np.asarray(actual)
    e = np.asarray(expected, dtype=np.float64)
    assert a.dtype == dtype, f"dtype {a.dtype}, expected {dtype}"
    assert a.shape == e.shape, f"shape {a.shape}, expected {e.shape}"
    if rtol is None:
        rtol = RTOL64 if dtype == np.float64 else RTOL32
    tiny = TINY64 if dtype == np.float64 else TINY32
    a64 = a.astype(np.float64)
    assert not np.isnan(a64).any(), f"NaN in result {a64!r} (expected {e!r})"
    e_inf = np.isinf(e)
    bad_inf = e_inf & (a64 != e)
    assert not bad_inf.any(), f"infinities differ: got {a64[bad_inf]!r}, expected {e[bad_inf]!r}"
    fin = ~e_inf
    assert np.isfinite(a64[fin]).all(), f"got non-finite {a64!r}, expected {e!r}"
    tol = rtol * np.abs(e) + np.maximum(np.broadcast_to(atol, e.shape), tiny)
    err = np.abs(np.where(fin, a64, 0.0) - np.where(fin, e, 0.0))
    bad = fin & (err > tol)
    if bad.any():
        rel = err / np.where(e == 0, 1.0, np.abs(e))
        lines = [
            f"  at {tuple(int(i) for i in idx)}: got {a64[tuple(idx)]!r}, expected "
            f"{e[tuple(idx)]!r}, rel err {rel[tuple(idx)]:.3g}, tol {tol[tuple(idx)]:.3g}"
            for idx in np.argwhere(bad)[:8]
        ]
        pytest.fail("mismatch vs reference:\n" + "\n".join(lines))


def onehot(label, n):
    z = np.zeros(n)
    z[label] = 1.0
    return z
