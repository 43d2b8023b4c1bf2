"""A throw-away JupyterLab server on 127.0.0.1, for the test and the benchmark that open
the book's notebooks in real JupyterLab (tests/test_jupyterlab.py,
benchmarks/bench_live_sliders.py).

It serves ``folder/lab`` with the user settings of ``folder/settings``, no token, no
news, no update checks and a read-only extension manager, and returns once the server
answers.
"""

import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(folder, env, *extra_args, log=subprocess.DEVNULL, timeout=120):
    """Start JupyterLab on ``folder/lab``; return ``(server process, its URL)``.

    ``extra_args`` are more command-line options; ``log`` takes the server's output.
    Raises RuntimeError (after stopping the server) if it does not answer within
    ``timeout`` seconds.
    """
    port = free_port()
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
        f"--ServerApp.root_dir={folder / 'lab'}", "--IdentityProvider.token=", "--ServerApp.password=",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly", f"--LabApp.user_settings_dir={folder / 'settings'}",
        "--allow-root",  # CI runs as root
        *extra_args,
    ]  # fmt: skip
    server = subprocess.Popen(cmd, cwd=folder / "lab", env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=1)
            return server, url
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError(f"JupyterLab did not start within {timeout} s")
