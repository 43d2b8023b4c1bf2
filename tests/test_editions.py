"""The student and instructor editions (``_ext/editions.py``) and grading them.

* The student archive has every chapter and no solution: no folded worked
  solution, no Otter solution marker, no answer's code, every answer ``...``.
* The instructor archive has the chapters with their solutions, one
  autograder per chapter and grade.py.
* Grading (grade.py, i.e. ``otter run`` per notebook) a student who answered
  every exercise of chapter 1 right and one who answered them wrong gives a
  CSV with 1s and 0s where they belong.
"""

import csv
import re
import sys
import zipfile

import nbformat
import pytest

from conftest import ROOT
from xentlib.exercises import EXERCISES

CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))


@pytest.fixture(scope="module")
def archives(built_site):
    static = built_site / "_static"
    return zipfile.ZipFile(static / "xent-book-student.zip"), zipfile.ZipFile(static / "xent-book-instructor.zip")


def _student(archives, chapter):
    return nbformat.reads(archives[0].read(f"student/{chapter}.ipynb").decode(), as_version=4)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_student_edition_has_no_solutions(archives, chapter):
    nb = _student(archives, chapter)
    text = "\n".join(c.source for c in nb.cells)
    for marker in ("<summary>Solution</summary>", "BEGIN SOLUTION", "# SOLUTION", "passes its own check"):
        assert marker not in text, f"{chapter}: {marker!r} in the student edition"
    number = int(chapter[:2])
    for key, ex in EXERCISES.items():
        if int(key.split(".")[0]) != number:
            continue
        if ex.kind == "function":
            body = re.search(rf"def {ex.expected().__name__}\(.*?\):\n(.*?)(?:\n\S|\Z)", text, re.S).group(1)
            assert body.strip() == "...", f"{key}: the function is not a stub: {body!r}"
        else:
            assert f"answer_{key.replace('.', '_')} = ...\n" in text + "\n", f"{key}: no empty answer"
            assert ex.answer not in text, f"{key}: the answer's code is in the student edition"


def test_instructor_edition_has_solutions_autograders_and_the_grader(archives):
    names = archives[1].namelist()
    assert {f"autograders/{c}.zip" for c in CHAPTERS} | {f"notebooks/{c}.ipynb" for c in CHAPTERS} <= set(names)
    assert "grade.py" in names and "README.txt" in names
    reader = archives[1].read("notebooks/01_information.ipynb").decode()
    assert "<summary>Solution</summary>" in reader


def _answer(nb, right):
    """The student notebook of chapter 1 with every answer filled in, right or wrong."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for key, ex in EXERCISES.items():
            var = f"answer_{key.replace('.', '_')}"
            if cell.source.startswith(f"{var} = ..."):
                value = ex.answer if right else ("'z'" if ex.kind == "choice" else "12345.0")
                cell.source = cell.source.replace(f"{var} = ...", f"{var} = {value}", 1)
            if ex.kind == "function" and cell.source.startswith(f"def {ex.expected().__name__}("):
                body = "    return length * float(xl.information(1 / n_symbols, base=2))" if right else "    return 0.0"
                cell.source = cell.source.replace("    ...", body, 1)
    return nb


def test_grading_gives_right_and_wrong_answers_their_scores(archives, tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    import grade

    for student, right in (("ada", True), ("bob", False)):
        folder = tmp_path / "submissions" / student
        folder.mkdir(parents=True)
        nbformat.write(_answer(_student(archives, "01_information"), right), folder / "01_information.ipynb")
    graders = tmp_path / "autograders"
    graders.mkdir()
    (graders / "01_information.zip").write_bytes(archives[1].read("autograders/01_information.zip"))
    monkeypatch.chdir(tmp_path)  # otter runs the notebooks here, away from the repository
    grade.main([str(tmp_path / "submissions"), "--autograders", str(graders), "-o", str(tmp_path / "grades.csv")])
    rows = {r["student"]: r for r in csv.DictReader(open(tmp_path / "grades.csv"))}
    chapter_1 = [k for k in EXERCISES if k.startswith("1.")]
    assert set(rows) == {"ada", "bob"}
    assert [rows["ada"][k] for k in chapter_1] == ["1"] * len(chapter_1) and rows["ada"]["total"] == str(len(chapter_1))
    assert [rows["bob"][k] for k in chapter_1] == ["0"] * len(chapter_1) and rows["bob"]["total"] == "0"


def test_the_instructors_page_offers_both_archives(built_site):
    page = (built_site / "instructors.html").read_text()
    for name in ("xent-book-student.zip", "xent-book-instructor.zip"):
        assert f'href="_static/{name}"' in page and (built_site / "_static" / name).is_file()
