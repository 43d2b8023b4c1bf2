"""The chapters keep the book's conventions (CONTRIBUTING.md).

* one imports cell, first, importing only what a reader's notebook has
  (NumPy, MyST-NB's glue, xentlib and the standard library);
* code a reader sees fits the page (79 characters: wider lines scroll
  sideways on the website);
* every code solution is an executed cell that checks itself.
"""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))
sys.path.insert(0, str(ROOT / "_ext"))
from reader_notebooks import EXTRA_PACKAGES, imported_modules  # noqa: E402

# what every reader has, and what the reader notebook's first cell installs where it is
# missing (scikit-learn: chapter 9 trains on its bundled digits and checks against it)
READER_PACKAGES = {"numpy", "myst_nb", "xentlib", *EXTRA_PACKAGES}
WIDTH = 79


def _cells(path):
    cells = json.loads(path.read_text())["cells"]
    return [(c["cell_type"], "".join(c["source"]), c.get("metadata", {}).get("tags", [])) for c in cells]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_imports_cell_with_what_a_reader_has(path):
    code = [src for kind, src, _ in _cells(path) if kind == "code"]
    first, rest = imported_modules(code[0]), [(i, imported_modules(src)) for i, src in enumerate(code[1:], 1)]
    assert first, "the first code cell should be the imports cell"
    late = [(i, names) for i, names in rest if names]
    assert not late, f"imports outside the first code cell (code cells {late}): move them there"
    foreign = [n for n in first if n not in READER_PACKAGES and n not in sys.stdlib_module_names]
    assert not foreign, f"{foreign}: import only NumPy, xentlib, MyST-NB's glue, scikit-learn and the standard library"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_visible_code_fits_the_page(path):
    long = [
        f"{len(line)}: {line.strip()[:60]}"
        for kind, src, tags in _cells(path)
        if kind == "code" and "remove-cell" not in tags
        for line in src.splitlines()
        if len(line) > WIDTH
    ]
    assert not long, f"code lines over {WIDTH} characters:\n" + "\n".join(long)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_solutions_are_executed_and_checked(path):
    cells = _cells(path)
    inside, checked, problems = None, set(), []
    for kind, src, _ in cells:
        start = re.search(r"\{solution-start\} (ex-\d+-\d+)", src)
        if start:
            inside = start.group(1)
        if inside and kind == "markdown" and "```python" in src:
            problems.append(f"{inside}: a code solution in a fence; make it a code cell that calls check()")
        if inside and kind == "code":
            number = ".".join(str(int(n)) for n in inside.split("-")[1:])
            if f'check("{number}"' in src:
                checked.add(inside)
            else:
                problems.append(f"{inside}: a solution code cell that does not check itself")
        if "{solution-end}" in src:
            inside = None
    assert not problems, "\n".join(problems)
    assert checked, "no executed solution in this chapter"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_glue_only_in_hidden_cells(path):
    """A glue call is plumbing: it belongs in a cell tagged remove-cell, out of the reader's way."""
    shown = [src for kind, src, tags in _cells(path) if kind == "code" and "glue(" in src and "remove-cell" not in tags]
    assert not shown, f"glue() in a visible cell: {shown[0][:80]!r}"
