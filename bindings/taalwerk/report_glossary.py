"""Dutch policy terms in plain English, explained the first time the report uses them.

``Glossary.term("bijstand")`` returns the word with its explanation in brackets the first time
and the bare word after that, so a policy maker can read the report from top to bottom without
a dictionary; the full list also appears as the report's glossary section.
"""
from __future__ import annotations

import html

TERMS: dict[str, str] = {
    "statushouder": "a refugee who has been granted an asylum residence permit",
    "AZC": "asylum reception centre run by COA, where people live until a municipality houses them",
    "inburgering": "the civic-integration obligation: Dutch language and knowledge of society, ending in an exam",
    "bijstand": "social assistance under the Participatiewet, paid by the municipality per household and "
                "topped up to a minimum norm; earnings are offset against it",
    "klantmanager": "the municipal caseworker who guides a person towards work (also consulent, werkmatcher or jobcoach)",
    "caseload": "the number of clients per full-time caseworker",
    "nareiziger": "a family member who arrives later through family reunification",
    "DUO": "the government agency that lends people the money for their inburgering course under the 2013 law",
    "Z-route": "the self-reliance route of the 2022 inburgering law, for people who learn slowly; it has no exam",
    "armoedeval": "the poverty trap: part-time earnings are deducted from bijstand, so working barely pays",
    "volgtijdelijk": "sequential: first the language course (and inburgering), only then work",
    "duaal": "parallel (dual): language course and work, a work placement or training in the same weeks",
}


class Glossary:
    """Explains each term once, at its first use in the page."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def term(self, word: str, shown: str | None = None) -> str:
        """HTML for ``word``: '<dfn>word</dfn> (explanation)' the first time, the word after that."""
        shown = html.escape(shown or word)
        if word in self._used or word not in TERMS:
            return shown
        self._used.add(word)
        return f'<dfn title="{html.escape(TERMS[word])}">{shown}</dfn> ({html.escape(TERMS[word])})'

    def section_rows(self) -> list[tuple[str, str]]:
        return sorted(TERMS.items(), key=lambda item: item[0].lower())
