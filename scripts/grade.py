"""Grade a folder of submitted student notebooks into one CSV, with otter-grader.

    python3 grade.py submissions/ --autograders autograders/ -o grades.csv

``submissions/`` holds one folder per student with that student's chapter
notebooks, named as in the student edition (``01_information.ipynb``, ...).
``autograders/`` holds the autograder zips of the instructor edition, one per
chapter (``01_information.zip``, ...). Each notebook is graded by ``otter run``
(Otter-Grader's grader for one submission, run in this Python environment: it
needs xentlib and otter-grader: the extra ``[instructor]`` of xentlib's wheel, which
the book's site publishes in ``_static/``, or the book's requirements.txt). The CSV
has a row per student and a column per exercise, 1 when the answer passes the
exercise's check and 0 when not (or when the notebook is missing), and a total.

Otter's own ``otter grade`` does a whole folder at once but runs each submission
in a Docker container; this script is the loop over ``otter run`` for classrooms
without Docker.
"""

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def grade_one(notebook, autograder):
    """{exercise: points} for one notebook, from ``otter run``'s results.json."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "otter", "run", "-a", str(autograder), "-o", out, str(notebook)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        results = Path(out) / "results.json"
        if done.returncode != 0 or not results.exists():
            raise RuntimeError(f"otter run failed on {notebook}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        tests = json.loads(results.read_text())["tests"]
    return {t["name"][2:].replace("_", "."): t["score"] for t in tests if t["name"].startswith("ex")}


def exercises(autograder):
    """The exercise numbers an autograder tests (from its test files)."""
    import zipfile

    with zipfile.ZipFile(autograder) as z:
        names = [Path(n).stem for n in z.namelist() if n.startswith("tests/") and n.endswith(".py")]
    return sorted(n[2:].replace("_", ".") for n in names if n.startswith("ex"))


def grade(submissions, autograders):
    """Rows {student, exercise..., total} for every student folder."""
    graders = {z.stem: z for z in sorted(Path(autograders).glob("*.zip"))}
    columns = sorted({e for z in graders.values() for e in exercises(z)}, key=lambda e: tuple(map(int, e.split("."))))
    rows = []
    for student in sorted(p for p in Path(submissions).iterdir() if p.is_dir()):
        scores = dict.fromkeys(columns, 0)
        for chapter, autograder in graders.items():
            notebook = student / f"{chapter}.ipynb"
            if notebook.exists():
                scores.update({e: int(s) for e, s in grade_one(notebook, autograder).items()})
        rows.append({"student": student.name, **scores, "total": sum(scores.values())})
    return ["student", *columns, "total"], rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", help="one folder per student, with their chapter notebooks")
    parser.add_argument("--autograders", required=True, help="the instructor edition's autograders folder")
    parser.add_argument("-o", "--output", default="grades.csv", help="the CSV to write (default grades.csv)")
    args = parser.parse_args(argv)
    header, rows = grade(args.submissions, args.autograders)
    with open(args.output, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    print(f"graded {len(rows)} students into {args.output}")


if __name__ == "__main__":
    main()
