"""Did-you-mean hints for misspelt names (sweep-file keys, design kinds, indicators)."""
from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""`` when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def allowed_text(choices: Iterable[str]) -> str:
    return ", ".join(f"'{choice}'" for choice in choices)
