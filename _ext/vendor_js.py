"""Vendor the site's JavaScript so that no page needs a CDN.

    python _ext/vendor_js.py        # (re)fetch everything into _assets/

npm packages are taken from the npm registry at pinned versions, checked
against the registry's sha512 integrity strings, and copied into
``_assets/`` (which Sphinx publishes as ``_static/``), or, for what only the
tests use, into ``tests/vendor/`` (not published):

``@jupyter-widgets/html-manager`` -> ``_assets/ipywidgets/``
    The standalone ``embed.js`` that draws the widgets from the state MyST-NB
    embeds in each page (base, controls and output widgets built in, so no
    require.js), and the icon fonts it loads *relative to its own URL*. (The
    ``embed-amd.js`` variant resolves them relative to the page and 404s.)

``mathjax`` -> ``_assets/mathjax/``
    MathJax 3's ``tex-mml-chtml.js`` and the folders it loads on demand
    (TeX extensions, CHTML fonts, menu and accessibility modules).

``axe-core`` -> ``tests/vendor/axe-core/``
    Deque's accessibility engine (``axe.min.js``), which the accessibility
    test (tests/test_accessibility.py) injects into every built page.

The book's Sphinx extension calls :func:`ensure` when a build starts, so a
plain ``jupyter-book build`` (and so the test run, which builds the book)
fetches them once; the folders are not committed.
"""

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "_assets"


def _widgets_files(package):
    dist = package / "dist"
    fonts = (".woff2", ".woff", ".ttf", ".eot", ".svg")
    keep = [f for f in dist.iterdir() if f.name in ("embed.js", "embed.js.LICENSE.txt") or f.suffix in fonts]
    return [(f, f.name) for f in keep] + _licence(package)


def _licence(package):
    return [(f, f.name) for f in package.glob("LICEN[CS]E*")]


def _mathjax_files(package):
    es5 = package / "es5"
    # the one combined bundle the site uses, and the folders it loads lazily
    keep = [es5 / "tex-mml-chtml.js"] + [d for d in es5.iterdir() if d.is_dir()]
    return [(f, f.name) for f in keep] + _licence(package)


def _axe_files(package):
    return [(package / "axe.min.js", "axe.min.js")] + _licence(package)


PACKAGES = {
    "ipywidgets": {
        "spec": "@jupyter-widgets/html-manager@1.0.15",  # html-manager of ipywidgets 8.1 (widget protocol 2)
        "integrity": "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA==",
        "files": _widgets_files,
    },
    "mathjax": {
        "spec": "mathjax@3.2.2",
        "integrity": "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==",
        "files": _mathjax_files,
    },
    "axe-core": {
        "spec": "axe-core@4.14.1",
        "integrity": "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
        "files": _axe_files,
        "root": ROOT / "tests" / "vendor",  # used by the tests only: not published with the site
    },
}


def _is_current(dest, spec):
    stamp = dest / "VERSION"
    return stamp.is_file() and stamp.read_text().strip() == spec


def _check_integrity(tgz, integrity):
    algo, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algo, tgz.read_bytes()).digest()).decode()
    if digest != expected:
        raise RuntimeError(f"{tgz.name}: {algo} {digest} does not match the pinned {integrity}")


def _dest(name, assets):
    return PACKAGES[name].get("root", assets) / name


def fetch(name, assets=ASSETS):
    """Download one pinned package with npm, verify it, copy the files the site needs."""
    info = PACKAGES[name]
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            f"npm is needed once to vendor {info['spec']} for the offline site; "
            "install Node.js and npm (e.g. apt-get install nodejs npm)."
        )
    dest = _dest(name, assets)
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [npm, "pack", "--silent", info["spec"]], cwd=tmp, check=True, capture_output=True, text=True
        )
        tgz = Path(tmp) / done.stdout.split()[-1]
        _check_integrity(tgz, info["integrity"])
        with tarfile.open(tgz) as tar:
            tar.extractall(tmp, filter="data")
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        for src, rel in info["files"](Path(tmp) / "package"):
            if src.is_dir():
                shutil.copytree(src, dest / rel)
            else:
                shutil.copy2(src, dest / rel)
    (dest / "VERSION").write_text(info["spec"] + "\n")
    return dest


#: Held while vendoring: builds that start together (the test run builds the English and
#: the Chinese edition side by side) vendor once, the others wait and find it done; without
#: it, one build's fetch emptied _assets/mathjax while another's was filling it.
LOCK = ROOT / "_build" / ".vendor_js.lock"


def ensure(assets=ASSETS):
    """Vendor every package whose pinned version is not already in place."""
    import fcntl

    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for name, info in PACKAGES.items():
            if not _is_current(_dest(name, assets), info["spec"]):
                fetch(name, assets)


if __name__ == "__main__":
    for name in PACKAGES:
        path = fetch(name)
        print(f"{PACKAGES[name]['spec']} -> {path}")
    sys.exit(0)
