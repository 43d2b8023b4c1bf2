"""The chapter template (templates/chapter.ipynb, described in CONTRIBUTING.md) builds.

It is built as the root page of a one-chapter book that uses the real book's
configuration, extension, static files, glossary and bibliography, with the
same command and flags as the book (``--warningiserror``): a template that
drifts from the book's conventions fails here, not in a new chapter.
"""

import shutil
import subprocess

import xentlib as xl
from conftest import JUPYTER_BOOK, ROOT


def test_chapter_template_builds_as_a_book_page(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    for name in ("_config.yml", "references.bib", "glossary.md"):
        shutil.copy(ROOT / name, book / name)
    for name in ("_ext", "_assets"):
        shutil.copytree(ROOT / name, book / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "templates" / "chapter.ipynb", book / "chapter.ipynb")
    (book / "_toc.yml").write_text("format: jb-book\nroot: chapter\nchapters:\n  - file: glossary\n")
    done = subprocess.run(
        [*JUPYTER_BOOK, "build", "--warningiserror", "--keep-going", str(book)],
        cwd=book, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    page = (book / "_build" / "html" / "chapter.html").read_text()
    assert "Learning objectives" in page and "Exercise 1" in page
    assert f"{xl.entropy([0.7, 0.2, 0.1]):.4f}" in page  # the glued number reached the prose
    assert "{glue" not in page and "{term}" not in page  # no raw MyST left
