"""The stored notebook outputs do not depend on the CPU that computes them.

NumPy evaluates ``exp``, ``log`` and friends with SIMD code chosen at run time
for the processor (x86-64: the baseline ``X86_V2``, then ``X86_V3`` = AVX2,
``X86_V4`` and ``AVX512_*``; ARM: ASIMD and its extensions). The variants may
round the last bit differently, so a float64 printed with 17 significant
digits, or a float32 with 8, can differ from one machine to the next. The
book's rule: every number a reader sees is shown to the digits that carry
meaning, and glued numbers are formatted where they are glued.

These tests hold the rule:

* ``test_outputs_show_meaningful_digits``: no stored output shows a float with
  more than ``MAX_DIGITS`` significant digits (the symptom of printing a raw
  float64), and every glued value is a string, formatted at glue time
  (``test_doctest_outputs_show_meaningful_digits`` does the same for
  xentlib's docstring examples, allowing 12 digits);
* ``test_suite_passes_under_restricted_dispatch``: the chapters (nbval, full
  mode, against the same stored outputs) and xentlib's own tests pass again
  with NumPy's dispatch restricted by ``NPY_ENABLE_CPU_FEATURES`` to the
  baseline and, on a CPU with more than one dispatch level, to the lowest one.
  The ordinary run of the suite covers the machine as it is. Each restricted
  run first checks that the restriction took effect (fewer dispatch targets
  enabled than natively) and fails if it did not.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))

MAX_DIGITS = 10  # a float64 repr has 15-17; nothing the book prints needs more than 10
NUMBER = re.compile(r"(?<![\w.])[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?")
GLUE = "application/papermill.record/text/plain"


def significant_digits(token):
    """Significant digits written in a decimal literal: '0.0012340' -> 5, '1.5e-16' -> 2."""
    mantissa = re.split(r"[eE]", token.lstrip("+-"))[0].replace(".", "")
    return len(mantissa.lstrip("0"))


def test_significant_digits():
    assert significant_digits("0.4586297444267114") == 16
    assert significant_digits("-1.5525970986361476e-16") == 17
    assert significant_digits("0.0012") == 2
    assert significant_digits("1.000000") == 7


def _visible_texts(cell):
    for out in cell.get("outputs", []):
        if "text" in out:
            yield out["text"]
        elif "text/plain" in out.get("data", {}):
            yield out["data"]["text/plain"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_show_meaningful_digits(path):
    nb = nbformat.read(path, as_version=4)
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for text in _visible_texts(cell):
            for match in NUMBER.finditer(text):
                if significant_digits(match.group(0)) > MAX_DIGITS:
                    problems.append(f"cell {i}: {match.group(0)} (format it, e.g. f'{{x:.4f}}')")
        for out in cell.get("outputs", []):
            glued = out.get("data", {}).get(GLUE)
            if glued is not None and not re.fullmatch(r"'.*'|\".*\"", glued, re.S):
                name = out["metadata"]["scrapbook"]["name"]
                problems.append(
                    f"cell {i}: glue {name!r} stores {glued}; glue the formatted string, "
                    f'e.g. glue("{name}", f"{{value:.4f}}", display=False)'
                )
    assert not problems, "\n".join(problems)


def test_doctest_outputs_show_meaningful_digits():
    """Docstring examples are compared with pytest's NUMBER option, to the digits written:
    an expected float64 written with 16-17 digits would fail on a CPU whose last bit differs."""
    import doctest
    import importlib
    import pkgutil

    import xentlib

    problems = []
    modules = [xentlib] + [
        importlib.import_module(m.name) for m in pkgutil.walk_packages(xentlib.__path__, "xentlib.")
    ]
    for module in modules:
        for test in doctest.DocTestFinder().find(module):
            for example in test.examples:
                for match in NUMBER.finditer(example.want):
                    if significant_digits(match.group(0)) > MAX_DIGITS + 2:
                        problems.append(f"{test.name}: {match.group(0)}")
    assert not problems, "\n".join(problems)


# --- the same stored outputs under another NumPy dispatch level -------------

_PROBE = (
    "import json\n"
    "from numpy._core._multiarray_umath import (\n"  # what np.show_runtime() reports
    "    __cpu_baseline__ as base, __cpu_dispatch__ as dispatch, __cpu_features__ as on)\n"
    "print(json.dumps([list(base), [d for d in dispatch if on.get(d)]]))\n"
)


def _environment(level=None):
    env = {k: v for k, v in os.environ.items() if k not in ("NPY_ENABLE_CPU_FEATURES", "NPY_DISABLE_CPU_FEATURES")}
    if level is not None:
        env["NPY_ENABLE_CPU_FEATURES"] = level
    return env


def _dispatch(level=None):
    """(baseline, enabled dispatch targets) of a fresh NumPy, optionally restricted."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=_environment(level), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _restricted_levels():
    """The baseline, and the lowest dispatch level when the CPU enables more than one."""
    baseline, enabled = _dispatch()
    levels = [",".join(baseline)]
    if len(enabled) >= 2:
        levels.append(enabled[0])
    return levels, enabled


LEVELS, NATIVE = _restricted_levels()


#: Test files the restricted runs leave out: those of built sites (both editions' sites,
#: the reader notebooks and editions, the course pack, JupyterLab, the template), which
#: compare no stored numbers and would each build the book again, and two more that
#: compare none.
NOT_RERUN = {
    "test_site.py", "test_site_zh.py", "site_checks.py", "test_chinese_edition.py",
    "test_course_pack.py", "test_course_pack_zh.py", "test_reader_notebooks.py", "test_editions.py",
    "test_jupyterlab.py",
    "test_template.py",
    "test_figure_contrast.py",  # colour thresholds
    "test_translations.py",  # the catalogues
}


def test_the_restricted_runs_build_no_site():
    """A test file that uses the built site (the fixture, or another file's tests) is left out
    of the restricted runs: else each run would build both editions again."""
    uses_site = {p.name for p in (ROOT / "tests").glob("test_*.py") if p.name != Path(__file__).name
                 and re.search(r"\bbuilt_site\b|\bvisits\b|from test_\w+ import \*", p.read_text())}
    assert uses_site and uses_site <= NOT_RERUN, sorted(uses_site - NOT_RERUN)


@pytest.mark.parametrize("level", LEVELS)
def test_suite_passes_under_restricted_dispatch(level):
    assert NATIVE, (
        "this CPU enables no NumPy dispatch level above the baseline, so there is no second "
        "level to compare against: run the suite on a machine with AVX2, AVX-512 or ARM ASIMD extensions"
    )
    _, enabled = _dispatch(level)
    assert set(enabled) < set(NATIVE), (
        f"NPY_ENABLE_CPU_FEATURES={level} did not restrict NumPy: enabled {enabled}, natively {NATIVE}"
    )
    cmd = [
        sys.executable, "-m", "pytest", "-n", "0", "-p", "no:cacheprovider", "-q", "--no-header",
        "chapters", "xentlib", "tests", f"--ignore=tests/{Path(__file__).name}",
        *(f"--ignore=tests/{name}" for name in NOT_RERUN),
    ]  # fmt: skip
    done = subprocess.run(cmd, cwd=ROOT, env=_environment(level), capture_output=True, text=True)
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    assert done.returncode == 0 and re.search(r"\d+ passed", summary) and "skipped" not in summary, (
        f"under NPY_ENABLE_CPU_FEATURES={level} (enabled {enabled}):\n{done.stdout[-6000:]}\n{done.stderr[-2000:]}"
    )
