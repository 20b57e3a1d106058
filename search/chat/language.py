"""Is a question Swedish or English? Function words decide; Swedish is the default."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH = frozenset(
    "the which what who how do does did is are was were units unit work works working on against with for of "
    "goals goal activities activity indicators indicator met partly fully not and in that this those them".split()
)
_SWEDISH = frozenset(
    "vilka vilken vad hur gör arbetar med mot och enheter enheten enhet mål målen aktiviteter indikatorer "
    "uppfylldes delvis inte av dem dessa för som är på till har".split()
)


def detect_language(text: str) -> str:
    """ "en" when English function words outnumber Swedish ones (or å/ä/ö are absent and English wins), else "sv"."""
    words = [word.lower() for word in _WORD.findall(text)]
    english = sum(word in _ENGLISH for word in words)
    swedish = sum(word in _SWEDISH for word in words) + 2 * bool(re.search(r"[åäö]", text.lower()))
    return "en" if english > swedish else "sv"
