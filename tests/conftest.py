"""Shared test configuration: notebook comparison rules and the built site.

Notebooks (nbval, full mode)
----------------------------
``pytest`` runs every ``chapters/*.ipynb`` with ``--nbval`` (see
pyproject.toml) and compares each cell's fresh outputs with the stored ones.
Nothing is sanitised: every text and number a reader sees is compared.
nbval itself leaves out of the comparison only what cannot be deterministic
or is not text, and this project relies on exactly these defaults:

* ``application/vnd.jupyter.widget-view+json``: a widget's model id, a
  random UUID made fresh in every kernel. The widget's ``text/plain``
  (e.g. ``Explorer('probability p', 40 frames)``) *is* compared.
* ``image/png``: static figures are checked by the browser tests instead.
* metadata, execution counts and tracebacks.

The stored outputs are the same on every CPU: numbers are printed, and glued,
at the precision that carries meaning, never as raw float64/float32 reprs
whose last digits depend on NumPy's SIMD dispatch. test_cpu_independence.py
checks the rule and re-runs the chapters under a restricted dispatch level.
Refresh the stored outputs with ``python scripts/refresh_notebooks.py``.

The built site (browser tests)
------------------------------
The ``site`` fixture builds the book once per test session into a temporary
folder, both editions as the README's build command does (``jupyter-book build
--warningiserror --keep-going .`` and ``scripts/i18n.py build``, the Chinese
site in its ``zh/`` folder), and serves it on 127.0.0.1. Browser tests need Debian's Chromium at /usr/bin/chromium (or
another Chromium or Chrome named by the XENT_CHROMIUM variable); on
a machine without it they skip with a message saying how to install it,
except under ``CI=true``, where they must run.

While working on the site, ``XENT_BUILT_SITE=_build/html python3 -m pytest
tests/test_site.py`` runs the browser tests against a build you already have
instead of building the book again (never set in CI).
"""

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# `jupyter-book` of the Python running the tests, whatever its bin folder (venvs included)
JUPYTER_BOOK = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()"]
sys.path.insert(0, str(ROOT / "scripts"))
from chromium import (  # Debian's, or $XENT_CHROMIUM; shared with the course pack
    CHROMIUM,
    CHROMIUM_ARGS,
)


def chromium_or_skip():
    """The Chromium path; skip (or, under CI=true, fail) when it is missing."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = (
        f"browser tests need Chromium at {CHROMIUM}: install it with "
        "`apt-get update && apt-get install -y chromium`"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: browser tests must run)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """Build the book once per test run, exactly as the README's build command does;
    return the HTML folder.

    Under pytest-xdist each worker has its own session, so the first worker that asks
    builds the book into the run's shared temporary folder, holding a file lock, and
    the others wait for it and use the same build (the pattern pytest-xdist documents
    for session fixtures that must run once).
    """
    import fcntl

    if os.environ.get("XENT_BUILT_SITE"):
        if os.environ.get("CI") == "true":
            pytest.fail("XENT_BUILT_SITE is for local work: CI builds the book it tests")
        return Path(os.environ["XENT_BUILT_SITE"]).resolve()
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder all the workers of this run share
    out, result = shared / "book", shared / "book.result"
    with open(shared / "book.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            # The README's build command builds the English site, then the Chinese one into
            # its zh/ folder; the two are independent until that copy, so they run side by
            # side here (one core each) and the Chinese build copies its site in when done.
            english = [*JUPYTER_BOOK, "build", "--warningiserror", "--keep-going", "--path-output", str(out), str(ROOT)]
            chinese = [sys.executable, str(ROOT / "scripts" / "i18n.py"), "build",
                       "--path-output", str(shared / "book-zh"), "--site", str(out / "_build" / "html")]
            logs = [shared / "book-en.log", shared / "book-zh.log"]
            runs = [subprocess.Popen(cmd, cwd=ROOT, stdout=open(log, "w"), stderr=subprocess.STDOUT)
                    for cmd, log in zip((english, chinese), logs)]
            failed = [f"{name} build:\n{log.read_text()[-4000:]}"
                      for name, run, log in zip(("English", "Chinese"), runs, logs) if run.wait()]
            result.write_text("\n".join(failed) or "ok")
    if result.read_text() != "ok":
        pytest.fail(f"the book did not build:\n{result.read_text()}")
    return out / "_build" / "html"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(built_site):
    """The built site served on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by Playwright."""
    path = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


# The order in which two xdist workers take the test files (``--dist loadfile``
# with ``--no-loadscope-reorder``, pyproject.toml). xdist gives each worker one file,
# then a second (the first worker the 3rd file, the second the 4th), then the next file
# to whichever is done first. The first worker takes the browser tests of the English
# site, which wait for both editions to be built (about 3 minutes) and then visit every
# page, then the quick static checks of the Chinese site; the second meanwhile re-runs
# the suite under restricted NumPy dispatch (no built site needed), then visits the
# Chinese site's pages. The notebooks and unit tests follow; the other files that use
# the built site come last, longest first.
FIRST = ["test_site.py", "test_cpu_independence.py", "test_chinese_edition.py", "test_site_zh.py"]
LAST = ["test_course_pack_zh.py", "test_course_pack.py", "test_reader_notebooks.py", "test_editions.py",
        "test_jupyterlab.py"]


def pytest_collection_modifyitems(config, items):
    def rank(item):
        name = item.path.name
        if name in FIRST:
            return FIRST.index(name)
        if name in LAST:
            return len(FIRST) + 1 + LAST.index(name)
        return len(FIRST)

    items.sort(key=rank)  # stable: a file's tests (a notebook's cells) keep their order
