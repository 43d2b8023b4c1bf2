"""The book's figures and explorers, one module per chapter, named after its concept.

A chapter shows an idea, not plotting code: its cell calls one function from
here, e.g. ``figures.binary_entropy_explorer()``, and the set-up (axes,
static curves, what each slider position redraws, the caption that is the
figure's text alternative) lives in the module of that chapter's concept.
Every function draws with :mod:`xentlib.plotting`'s one style and returns an
:func:`xentlib.widgets.explorer` or a :class:`matplotlib.figure.Figure`.
"""

from .cross_entropy import *  # noqa: F403
from .entropy import *  # noqa: F403
from .information import *  # noqa: F403
from .kl_divergence import *  # noqa: F403
from .losses import *  # noqa: F403
from .multilabel import *  # noqa: F403
from .practice import *  # noqa: F403
from .sigmoid import *  # noqa: F403
from .softmax import *  # noqa: F403
