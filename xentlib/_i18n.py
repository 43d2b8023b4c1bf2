"""The language of the text xentlib shows a reader: English, or Simplified Chinese.

Every string a figure, an explorer or an exercise check shows a reader goes
through :func:`_` (``gettext``): figure titles, axis labels and legends,
slider labels, the readouts under a figure, captions (the figures' text
alternatives) and the verdicts and hints of :func:`xentlib.exercises.check`.
The language is read from the environment variable ``XENT_LANG`` each time a
string is shown, so the same chapter code draws an English or a Chinese
figure: the Chinese edition's build sets ``XENT_LANG=zh_CN`` for its kernels
(``scripts/i18n.py build``), and a Chinese reader notebook sets it in its
first cell. Unset (or any language without a catalogue) means English.

The catalogue is ``xentlib/locale/zh_CN/LC_MESSAGES/xentlib.po``, compiled to
the ``.mo`` beside it that the wheel ships (``python3 scripts/i18n.py
xentlib`` extracts, merges and compiles; tests/test_translations.py checks
that every string has a translation with the same ``{fields}``).

A string with numbers in it is translated first and formatted after, so the
translation can move the numbers: ``_("H = {h:.4f} nats").format(h=h)``.
Module-level strings are marked with :func:`N_` (the extractor finds them)
and translated where they are shown.

Examples
--------
>>> import os
>>> from xentlib._i18n import _, language
>>> os.environ.pop("XENT_LANG", None) and None
>>> language(), _("probability of heads p")
('en', 'probability of heads p')
>>> os.environ["XENT_LANG"] = "zh_CN"
>>> language(), _("probability of heads p")
('zh_CN', '正面朝上的概率 p')
>>> del os.environ["XENT_LANG"]
"""

import functools
import gettext
import os
from pathlib import Path

__all__ = ["_", "N_", "language", "ENV", "LANGUAGES", "LOCALE_DIR", "DOMAIN"]

#: The environment variable that chooses the language.
ENV = "XENT_LANG"
#: The languages with a catalogue, besides English.
LANGUAGES = ("zh_CN",)
#: Where the catalogues are, and their name.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "xentlib"


def language():
    """The language of the text shown now: ``"zh_CN"`` or ``"en"`` (from ``XENT_LANG``)."""
    wanted = os.environ.get(ENV, "").strip().replace("-", "_")
    for lang in LANGUAGES:
        if wanted.lower() in (lang.lower(), lang.split("_")[0]):
            return lang
    return "en"


@functools.lru_cache(maxsize=None)
def _catalogue(lang):
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang])


def _(message):
    """``message`` in the current language (unchanged in English or without a translation)."""
    return _catalogue(language()).gettext(message)


def N_(message):
    """Mark ``message`` for the catalogue without translating it yet (for module-level text)."""
    return message
