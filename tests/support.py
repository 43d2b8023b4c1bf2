"""Helpers shared by the oracle and property tests."""

import contextlib
import warnings

import numpy as np

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
