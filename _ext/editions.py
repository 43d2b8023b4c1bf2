"""Student and instructor editions of the reader notebooks, and their autograders.

Made at the end of the build from the reader notebooks (reader_notebooks.py)
with otter-grader (Otter Assign, its notebook format v1):

* every exercise becomes an Otter question: the answer goes in a variable
  ``answer_N_k`` (or the function the exercise asks for), the solution is the
  code that computes the checker's expected answer (``xentlib.exercises``), and
  the one test, exception-based, is ``check("N.k", answer)``: grading calls the
  same checker the students run;
* Otter Assign writes the student notebook (solutions replaced by ``...``, the
  folded worked solutions removed) and an autograder zip per chapter.

Two archives go into the site's ``_static/``: ``xent-book-student.zip`` (the
student notebooks) and ``xent-book-instructor.zip`` (the reader notebooks with
their solutions, the autograders and ``grade.py``, which grades a folder of
submissions into one CSV with ``otter run``).
"""

import inspect
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
CONFIG = """# ASSIGNMENT CONFIG
init_cell: false
check_all_cell: false
export_cell: false
run_tests: false
solutions_pdf: false
tests:
  ok_format: false"""
CHECK = re.compile(r'check\("(\d+\.\d+)", ([^)]*)\)')


def _solution_cell(exercise, key):
    """The solution code of an exercise in Otter's markers, and the name the test checks."""
    if exercise.kind == "function":
        fn = exercise.expected()
        lines = inspect.getsource(fn).split("\n")
        start = next(i for i, line in enumerate(lines) if line.startswith("def "))
        body = re.sub(r'^\s*""".*?"""\n', "", "\n".join(lines[start + 1 :]), count=1, flags=re.S)
        return f"{lines[start]}\n    # BEGIN SOLUTION\n{body.rstrip()}\n    # END SOLUTION", fn.__name__
    name = f"answer_{key.replace('.', '_')}"
    return f"{name} = {exercise.answer}  # SOLUTION", name


def master_notebook(reader):
    """An Otter Assign master notebook made from a reader notebook."""
    from xentlib.exercises import EXERCISES

    raw, code = nbformat.v4.new_raw_cell, nbformat.v4.new_code_cell
    master = nbformat.v4.new_notebook(metadata=reader.metadata)
    master.cells.append(raw(CONFIG))
    for cell in reader.cells:
        if "solution" in cell.metadata.get("tags", []):
            continue  # the worked solution: in the instructor edition only
        found = CHECK.search(cell.source) if cell.cell_type == "code" and "XENT_BOOK_URL" not in cell.source else None
        if found is None:
            master.cells.append(cell)
            continue
        key = found.group(1)
        question = "ex" + key.replace(".", "_")
        solution, name = _solution_cell(EXERCISES[key], key)
        test = f'def test_{question}({name}, check):\n    assert check("{key}", {name})\n\n\ntest_{question}({name}, check)'
        master.cells += [
            raw(f"# BEGIN QUESTION\nname: {question}\npoints: 1\ncheck_cell: false"),
            raw("# BEGIN SOLUTION"),
            code(solution),
            raw("# END SOLUTION"),
            code(f'check("{key}", {name})   # the same check the grader runs'),
            raw("# BEGIN TESTS"),
            code(test),
            raw("# END TESTS"),
            raw("# END QUESTION"),
        ]
    return master


def _otter(*args):
    done = subprocess.run([sys.executable, "-m", "otter", *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"otter {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


def write_editions(outdir, notebooks, language="en"):
    """Both archives into ``outdir/_static``; ``notebooks`` maps chapter docnames to reader
    notebooks (of the edition in ``language``, whose READMEs the archives get)."""
    static = Path(outdir) / "_static"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        student = zipfile.ZipFile(static / "xent-book-student.zip", "w", zipfile.ZIP_DEFLATED)
        instructor = zipfile.ZipFile(static / "xent-book-instructor.zip", "w", zipfile.ZIP_DEFLATED)
        with student, instructor:
            for docname, reader in notebooks.items():
                stem = Path(docname).name
                work = tmp / stem
                work.mkdir()
                nbformat.write(master_notebook(reader), work / f"{stem}.ipynb")
                _otter("assign", str(work / f"{stem}.ipynb"), str(work / "dist"))
                student.write(work / "dist" / "student" / f"{stem}.ipynb", f"student/{stem}.ipynb")
                (autograder,) = (work / "dist" / "autograder").glob("*.zip")
                instructor.write(autograder, f"autograders/{stem}.zip")
                instructor.writestr(f"notebooks/{stem}.ipynb", nbformat.writes(reader))
            student.writestr("README.txt", README[language]["student"])
            instructor.write(ROOT / "scripts" / "grade.py", "grade.py")
            instructor.writestr("README.txt", README[language]["instructor"])


STUDENT_README = """Cross-entropy, from information to the loss: the student notebooks.

Open a chapter in Jupyter (JupyterLab, Notebook, VS Code or Colab) and run it from the top;
the first cell installs xentlib, the book's helper package, if it is missing. In every
exercise, replace the ... with your answer and run the cell below it: check() says whether
the answer is right, with a hint when it is not. Hand in the notebooks as your teacher asks.
"""

INSTRUCTOR_README = """Cross-entropy, from information to the loss: the instructor edition.

notebooks/    every chapter with its worked solutions (the reader notebooks of the site)
autograders/  one otter-grader autograder per chapter, made by Otter Assign
grade.py      grades a folder of submitted student notebooks into one CSV

Grading needs otter-grader and xentlib: install xentlib's wheel from the book's site with
its extra, pip install "xentlib[instructor] @ <site>/_static/xentlib-<version>-py3-none-any.whl",
or the book's requirements.txt from its repository. Put each student's notebooks in a folder of their own, then:

    python3 grade.py submissions/ --autograders autograders/ -o grades.csv

grades.csv has a row per student and a column per exercise (1 right, 0 not), with a total.
Each exercise's test is the check the students ran themselves, check("N.k", answer).
"""

STUDENT_README_ZH = """交叉熵：从信息到损失函数（学生版 notebook）

在 Jupyter（JupyterLab、Notebook、VS Code 或 Colab）中打开一章，从上到下运行；第一个单元格会在
需要时安装本书的辅助包 xentlib。每道练习中，把 ... 换成你的答案，再运行它下面的单元格：check()
会告诉你答案对不对，不对时给出提示。按老师的要求提交 notebook。
"""

INSTRUCTOR_README_ZH = """交叉熵：从信息到损失函数（教师版）

notebooks/    每一章，含详细解答（即网站上的 notebook 版）
autograders/  每章一个 otter-grader 自动评分包，由 Otter Assign 生成
grade.py      把一个文件夹里学生提交的 notebook 评分，汇总成一个 CSV

评分需要 otter-grader 和 xentlib：从本书网站安装 xentlib 的 wheel 及其 extra，
pip install "xentlib[instructor] @ <网站>/_static/xentlib-<版本>-py3-none-any.whl"，
或安装本书仓库中的 requirements.txt。把每个学生的 notebook 放在各自的文件夹里，然后运行：

    python3 grade.py submissions/ --autograders autograders/ -o grades.csv

grades.csv 每个学生一行，每道练习一列（1 为正确，0 为不正确），最后是总分。
每道练习的测试就是学生自己运行过的检查 check("N.k", answer)。
"""

#: The archives' READMEs, by the edition's language.
README = {
    "en": {"student": STUDENT_README, "instructor": INSTRUCTOR_README},
    "zh_CN": {"student": STUDENT_README_ZH, "instructor": INSTRUCTOR_README_ZH},
}
