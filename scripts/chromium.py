"""The Chromium that the course pack, the browser tests and the benchmarks drive.

``CHROMIUM`` is Debian's (``apt-get install -y chromium``) unless the environment
variable XENT_CHROMIUM names another Chromium or Chrome; ``CHROMIUM_ARGS`` run it
headless as root in a container, without its background traffic.
"""

import os

CHROMIUM = os.environ.get("XENT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
