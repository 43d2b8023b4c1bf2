"""The reader notebooks that the build makes (``_ext/reader_notebooks.py``).

* No MyST-only syntax is left, and every number glued into the site's text is
  in the notebook; the first code cell installs xentlib; the figures' outputs
  are stored; every solution is folded in ``<details>``.
* Each page's download link serves the reader notebook.
* The Chinese edition's reader notebooks (zh/) are the same, in Chinese: the chapters'
  text from the catalogues, xentlib's language set by the first cell, links to the
  Chinese pages, on the reader branch in zh/.
* Every reader notebook runs top to bottom with nbclient in a fresh virtual
  environment that has NumPy, matplotlib, ipywidgets and ipykernel but no
  xentlib: its first cell installs xentlib from the wheel of the built site,
  served on 127.0.0.1 and named by XENT_BOOK_URL; then a Chinese one, whose checks
  print in Chinese as on the Chinese site.
"""

import ast
import json
import re
import subprocess
import venv

import nbformat
import pytest

from conftest import ROOT
from test_chinese_edition import ENGLISH_RUN  # five or more English words in a row

CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))
MYST_ONLY = ["{glue", "{cite}", "{term}", "{py:func}", ":::", "{exercise}", "{solution-", "{admonition}", "{ref}", "{numref}"]
GLUE = "application/papermill.record/text/plain"
READER_PACKAGES = ["numpy", "matplotlib", "ipywidgets", "ipykernel"]
#: Both editions' folders in the site, and each chapter in each.
EDITIONS = ["", "zh/"]
BOTH = pytest.mark.parametrize("edition, chapter", [(e, c) for e in EDITIONS for c in CHAPTERS])
#: The folded solution's summary, by edition.
SOLUTION = {"": "Solution", "zh/": "解答"}


def _reader(built_site, chapter, edition=""):
    return nbformat.read(built_site / edition / "_sources" / "chapters" / f"{chapter}.ipynb", as_version=4)


def _glued(chapter):
    nb = json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text())
    return {
        out["metadata"]["scrapbook"]["name"]: str(ast.literal_eval(out["data"][GLUE]))
        for cell in nb["cells"]
        for out in cell.get("outputs", [])
        if GLUE in out.get("data", {})
    }


@BOTH
def test_reader_notebook_is_plain_jupyter_markdown(built_site, edition, chapter):
    nb = _reader(built_site, chapter, edition)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    left = [m for m in MYST_ONLY if m in text]
    assert not left, f"{chapter}: MyST-only syntax left in the reader notebook: {left}"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "myst_nb" not in code and "glue(" not in code


@BOTH
def test_reader_notebook_has_every_glued_value(built_site, edition, chapter):
    text = "\n".join(c.source for c in _reader(built_site, chapter, edition).cells if c.cell_type == "markdown")
    source = "\n".join("".join(c["source"]) for c in json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text())["cells"])
    used = set(re.findall(r"\{glue:text\}`([^`]+)`", source))
    glued = _glued(chapter)
    assert used and used <= set(glued)
    missing = [key for key in used if glued[key] not in text]
    assert not missing, f"{chapter}: glued values missing from the reader notebook: {missing}"


@BOTH
def test_reader_notebook_installs_xentlib_keeps_outputs_and_folds_solutions(built_site, edition, chapter):
    nb = _reader(built_site, chapter, edition)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "XENT_BOOK_URL" in code[0].source and "pip" in code[0].source
    assert ('os.environ.setdefault("XENT_LANG", \'zh_CN\')' in code[0].source) == (edition == "zh/")
    assert "import xentlib as xl" in code[1].source
    assert sum(len(c.outputs) for c in code[1:]) >= len(code) // 2, "the build's outputs are missing"
    assert "application/vnd.jupyter.widget-state+json" in nb.metadata.get("widgets", {})
    solutions = len(re.findall(r"\{solution-start\}", (ROOT / "chapters" / f"{chapter}.ipynb").read_text()))
    folded = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("<details>")]
    assert len(folded) == solutions > 0
    for cell in folded:  # tagged: the student edition leaves them out
        assert cell.source.startswith(f"<details>\n<summary>{SOLUTION[edition]}</summary>")
        assert "solution" in cell.metadata.get("tags", [])


@BOTH
def test_download_link_serves_the_reader_notebook(built_site, edition, chapter):
    page = (built_site / edition / "chapters" / f"{chapter}.html").read_text()
    assert f'href="../_sources/chapters/{chapter}.ipynb"' in page
    assert "XENT_BOOK_URL" in (built_site / edition / "_sources" / "chapters" / f"{chapter}.ipynb").read_text()


@BOTH
def test_colab_and_binder_open_the_reader_notebook(built_site, edition, chapter):
    page = (built_site / edition / "chapters" / f"{chapter}.html").read_text()
    colab = re.findall(r'href="(https://colab\.research\.google\.com/[^"]+)"', page)
    binder = re.findall(r'href="(https://mybinder\.org/[^"]+)"', page)
    assert colab and all(u.endswith(f"/blob/reader-notebooks/{edition}chapters/{chapter}.ipynb") for u in colab), colab
    assert binder and all(f"/reader-notebooks?urlpath=lab/tree/{edition}chapters/{chapter}.ipynb" in u for u in binder), binder
    branch = built_site.parent / "reader-branch"
    on_branch = nbformat.read(branch / edition / "chapters" / f"{chapter}.ipynb", as_version=4)
    assert on_branch == _reader(built_site, chapter, edition)




@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chinese_reader_notebook_is_chinese_and_links_to_the_chinese_pages(built_site, chapter):
    nb = _reader(built_site, chapter, "zh/")
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    prose = re.sub(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|\]\([^)]*\)|“[^”]*”", "", text, flags=re.S)
    assert not ENGLISH_RUN.findall(prose), ENGLISH_RUN.findall(prose)[:5]
    assert re.search(r"^### 练习 \d\.\d：", text, re.M)
    links = re.findall(r"\]\((https?://[^)]+)\)", text)
    site = [u for u in links if "xent-book.github.io" in u]
    assert site and all("/xent-book/zh/" in u or u.endswith("/xent-book/zh") for u in site), site[:3]


def test_reader_branch_has_a_lean_binder_environment(built_site):
    from importlib.metadata import version

    requirements = (built_site.parent / "reader-branch" / "requirements.txt").read_text().split()
    packages = sorted(r.split("==")[0] for r in requirements if "==" in r)
    assert packages == ["ipywidgets", "matplotlib", "numpy", "scikit-learn"]
    assert any(r.endswith(f"/_static/xentlib-{version('xentlib')}-py3-none-any.whl") for r in requirements)


@pytest.mark.parametrize("edition", EDITIONS)
def test_wheel_is_published_with_the_site(built_site, edition):
    import zipfile
    from importlib.metadata import version

    wheel = built_site / edition / "_static" / f"xentlib-{version('xentlib')}-py3-none-any.whl"
    assert "xentlib/locale/zh_CN/LC_MESSAGES/xentlib.mo" in zipfile.ZipFile(wheel).namelist()


def _pins():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if m:
            pins[m.group(1).lower()] = m.group(2)
    return [f"{name}=={pins[name]}" for name in READER_PACKAGES]


def test_reader_notebooks_run_in_a_fresh_environment_without_xentlib(site, built_site, tmp_path, monkeypatch):
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *_pins()]
    subprocess.run(install, check=True, capture_output=True)
    # run away from the repository: with it as the working directory, "import xentlib" would find it
    probe = subprocess.run([str(python), "-c", "import xentlib"], capture_output=True, cwd=tmp_path)
    assert probe.returncode != 0, "the fresh environment must not have xentlib"

    kernels = tmp_path / "kernels" / "reader"
    kernels.mkdir(parents=True)
    spec = {"argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "reader", "language": "python"}
    (kernels / "kernel.json").write_text(json.dumps(spec))
    monkeypatch.setenv("XENT_BOOK_URL", site)  # the kernel inherits it: install from the local site

    for chapter in CHAPTERS:
        nb = _reader(built_site, chapter)
        printed = [_printed(c) for c in nb.cells if c.cell_type == "code"]
        km = KernelManager(kernel_name="reader", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels.parent)]))
        NotebookClient(nb, km=km, timeout=600, resources={"metadata": {"path": str(tmp_path)}}).execute()  # raises on error
        again = [_printed(c) for c in nb.cells if c.cell_type == "code"]
        assert again[1:] == printed[1:], f"{chapter}: the reader's run prints something else than the build's"
    # a Chinese reader notebook: its first cell installs xentlib from the Chinese site and sets
    # XENT_LANG, and the checks print in Chinese as on the site (xentlib's wheel carries its
    # compiled catalogue)
    monkeypatch.setenv("XENT_BOOK_URL", f"{site}/zh")
    monkeypatch.delenv("XENT_LANG", raising=False)
    nb = _reader(built_site, "02_entropy", "zh/")
    printed = [_printed(c) for c in nb.cells if c.cell_type == "code"]
    km = KernelManager(kernel_name="reader", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels.parent)]))
    NotebookClient(nb, km=km, timeout=600, resources={"metadata": {"path": str(tmp_path)}}).execute()
    again = [_printed(c) for c in nb.cells if c.cell_type == "code"]
    assert again[1:] == printed[1:], "the Chinese reader notebook prints something else than the Chinese build"
    assert any("还没有作答" in text for text in again), "the checks did not speak Chinese"
    done = subprocess.run(
        [str(python), "-c", "import xentlib; print(xentlib.__file__)"], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0 and str(env_dir) in done.stdout, "xentlib was not installed by the notebook"


def _printed(cell):
    """What a code cell printed, as one text (the build merges its streams and drops a final
    blank line; widget ids excluded)."""
    return "".join(
        out.get("text") or out.get("data", {}).get("text/plain", "")
        for out in cell.get("outputs", [])
        if out.get("output_type") in ("stream", "execute_result")
        and "application/vnd.jupyter.widget-view+json" not in out.get("data", {})
    ).rstrip("\n")
