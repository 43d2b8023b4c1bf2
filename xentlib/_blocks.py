"""Blockwise evaluation: run a chain of NumPy operations on cache-sized pieces.

A stable formula is a chain of several elementwise steps (shift, exp, sum,
divide, ...). On a 10^4 x 10^3 batch every step of the chain would stream
80 MB through memory and allocate a fresh 80 MB temporary; cutting the rows
into blocks of about 2^15 elements (256 KiB of float64, which fits in L2
cache) lets the whole chain run on each block while it is in cache, about
twice as fast, with the same arithmetic and so the same results.
"""

import math

import numpy as np

BLOCK_ELEMENTS = 1 << 15


def map_rows(kernel, arrays, row_length):
    """Apply ``kernel`` to matching row blocks of ``arrays``; stack its outputs.

    Parameters
    ----------
    kernel : callable
        Takes one row block of each array (same leading length) and returns an
        array, or a tuple of arrays, whose first axis is that block's rows.
    arrays : sequence of ndarray
        Arrays with the same first dimension (rows).
    row_length : int
        Elements per row, to size the blocks.

    Returns
    -------
    ndarray or tuple of ndarray
        The kernel's output(s) for all rows, in the kernel's form.
    """
    # Underflow to 0 (exp of a very negative number) is the intended,
    # correctly rounded result in every kernel: never let it raise.
    with np.errstate(under="ignore"):
        return _map_rows(kernel, arrays, row_length)


def _map_rows(kernel, arrays, row_length):
    rows = arrays[0].shape[0]
    step = max(1, BLOCK_ELEMENTS // max(row_length, 1))
    if rows <= step:
        return kernel(*arrays)
    outs = single = None
    for start in range(0, rows, step):
        stop = min(start + step, rows)
        results = kernel(*(a[start:stop] for a in arrays))
        if outs is None:
            single = isinstance(results, np.ndarray)
            outs = tuple(np.empty((rows,) + r.shape[1:], r.dtype) for r in _as_tuple(results))
        for out, r in zip(outs, _as_tuple(results)):
            out[start:stop] = r
    return outs[0] if single else outs


def _as_tuple(results):
    return (results,) if isinstance(results, np.ndarray) else results


def map_elements(kernel, arrays):
    """Elementwise version of :func:`map_rows` for arrays of one shape.

    Returns the kernel's output(s) reshaped to that shape.
    """
    shape = arrays[0].shape
    flat = [np.ravel(a) for a in arrays]
    outs = map_rows(kernel, flat, 1)
    if isinstance(outs, np.ndarray):
        return outs.reshape(shape)
    return tuple(o.reshape(shape) for o in outs)


def sum_elements(kernel, arrays):
    """Sum of ``kernel(*blocks)`` over element blocks of same-shape arrays.

    The per-block partial sums are added with ``math.fsum`` (exactly), so
    blocking adds no rounding error of its own.
    """
    flat = [np.ravel(a) for a in arrays]
    with np.errstate(under="ignore"):
        parts = [
            kernel(*(a[i : i + BLOCK_ELEMENTS] for a in flat))
            for i in range(0, flat[0].size, BLOCK_ELEMENTS)
        ]
    return math.fsum(parts)
