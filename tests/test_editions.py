"""The student and instructor editions (``_ext/editions.py``) and grading them.

* The student archive has every chapter and no solution: no folded worked
  solution, no Otter solution marker, no answer's code, every answer ``...``.
* The instructor archive has the chapters with their solutions, one
  autograder per chapter and grade.py.
* The Chinese edition's archives (zh/_static) are the same, from its Chinese reader
  notebooks, with Chinese READMEs.
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


#: The folded solution's summary, by edition (the site's folder).
SOLUTION = {"": "<summary>Solution</summary>", "zh/": "<summary>解答</summary>"}


def _archives(built_site, edition):
    static = built_site / edition / "_static"
    return zipfile.ZipFile(static / "xent-book-student.zip"), zipfile.ZipFile(static / "xent-book-instructor.zip")


@pytest.fixture(scope="module", params=list(SOLUTION), ids=["en", "zh"])
def edition(request):
    return request.param


@pytest.fixture(scope="module")
def archives(built_site, edition):
    """Both archives of the edition."""
    return _archives(built_site, edition)


def _student(archives, chapter):
    return nbformat.reads(archives[0].read(f"student/{chapter}.ipynb").decode(), as_version=4)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_student_edition_has_no_solutions(archives, chapter):
    nb = _student(archives, chapter)
    text = "\n".join(c.source for c in nb.cells)
    for marker in (*SOLUTION.values(), "BEGIN SOLUTION", "# SOLUTION", "passes its own check"):
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


def test_instructor_edition_has_solutions_autograders_and_the_grader(archives, edition):
    names = archives[1].namelist()
    assert {f"autograders/{c}.zip" for c in CHAPTERS} | {f"notebooks/{c}.ipynb" for c in CHAPTERS} <= set(names)
    assert "grade.py" in names and "README.txt" in names
    reader = archives[1].read("notebooks/01_information.ipynb").decode()
    assert SOLUTION[edition] in reader


def test_the_chinese_editions_speak_chinese(built_site):
    student, instructor = _archives(built_site, "zh/")
    assert "学生版" in student.read("README.txt").decode()
    assert "教师版" in instructor.read("README.txt").decode()
    nb = nbformat.reads(student.read("student/02_entropy.ipynb").decode(), as_version=4)
    assert nb.cells[0].source.startswith("# 熵")
    assert any('"XENT_LANG", \'zh_CN\'' in c.source for c in nb.cells if c.cell_type == "code")


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


def test_grading_gives_right_and_wrong_answers_their_scores(built_site, tmp_path, monkeypatch):
    archives = _archives(built_site, "")  # the English edition's (the Chinese one's tests are the same code)
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


def test_the_instructors_page_offers_both_archives(built_site, edition):
    page = (built_site / edition / "instructors.html").read_text()
    for name in ("xent-book-student.zip", "xent-book-instructor.zip"):
        assert f'href="_static/{name}"' in page and (built_site / edition / "_static" / name).is_file()
