"""The Chinese edition (the site's zh/ folder), checked exactly as tests/test_site.py
checks the English one: clean and offline, sliders without a kernel, folded solutions,
axe, the keyboard, a phone, dark mode.

A file of its own so that pytest-xdist visits the two editions' pages on both cores at
once; the tests are test_site.py's (imported, with their fixtures), given this module's
``EDITION``. What only the Chinese edition must do: tests/test_chinese_edition.py.
"""

from test_site import *  # noqa: F403 (the tests, their fixtures and pytest_generate_tests)

EDITION = "zh/"
