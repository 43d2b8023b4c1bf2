"""Re-execute the chapter notebooks and store their fresh outputs.

    python scripts/refresh_notebooks.py                 # every chapter
    python scripts/refresh_notebooks.py chapters/01_information.ipynb

The stored outputs are what nbval compares a fresh run against, so run this
after changing a chapter or xentlib, review the diff, and commit it.

Outputs are kept small and deterministic for git and nbval:

* the widget state (every slider frame as base64 PNG) is *not* stored in the
  notebook: the book build executes the notebooks itself and embeds the
  state in the pages, so a copy in git would only add megabytes;
* execution counts are renumbered from 1 and volatile metadata
  (execution timestamps) is dropped;
* widget model ids (random UUIDs, and meaningless without the stored state)
  are replaced by a fixed id per cell, so a refresh that changes nothing
  leaves the file unchanged.

The result does not depend on the CPU: the chapters print and glue numbers
at the precision that carries meaning (see tests/test_cpu_independence.py),
so a refresh under any NumPy dispatch level (e.g. NPY_ENABLE_CPU_FEATURES=X86_V2)
writes the same bytes, figures included.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def refresh(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
    )
    client.execute()
    nb.metadata.pop("widgets", None)
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for k, out in enumerate(cell.outputs):
                if "execution_count" in out:
                    out["execution_count"] = count
                view = out.get("data", {}).get(WIDGET_VIEW)
                if view is not None:
                    view["model_id"] = f"{count:04d}{k:04d}" + "0" * 24
    nbformat.write(nb, path)


def main(argv):
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "chapters").glob("*.ipynb"))
    for path in paths:
        refresh(path)
        print(f"refreshed {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
