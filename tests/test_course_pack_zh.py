"""The Chinese edition's course pack (``course_pack.py --language zh_CN``), checked as
tests/test_course_pack.py checks the English one: its tests, with this module's
``LANGUAGE``. A file of its own so that the two packs are printed on both cores.
"""

from test_course_pack import *  # noqa: F403 (the tests and their fixtures)

LANGUAGE = "zh_CN"
