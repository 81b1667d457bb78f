"""The header that starts every message: one compiled expression for every locale and both apps.

Rule: a line starts a message when it starts with a timestamp (Android `15/01/2024, 21:05 - `,
iOS `[15/01/2024, 21:05:12] `, old iOS `15/01/2024, 21:05: `); the whole export is cut at every
header in one `split` (`HEADER_SPLIT`), never line by line. The words some languages write
between date and time ("à", "um", ...) come from `languages.toml`.
"""

from __future__ import annotations

import re

from evidence_kit.importers.whatsapp.characters import DIGIT, MARKS, SP, M
from evidence_kit.importers.whatsapp.languages import Languages, load


def header_expression(languages: Languages) -> re.Pattern[str]:
    """The header, anchored at the start of a line, with the time words of `languages`."""
    words = "|".join(re.escape(word) for word in languages.phrases("header_time_words"))
    time_words = f"(?:(?:{words}){SP}+)?" if words else ""
    return re.compile(
        rf"^[\ufeff{MARKS}]*+(?P<open>\[{M})?"
        # The date, with what follows it up to the time (", ", " ", "، ", " à "...).
        rf"(?P<date>{DIGIT}{{1,4}}{M}(?P<ds>[./\-]){M}{DIGIT}{{1,2}}{M}(?P=ds){M}{DIGIT}{{1,4}}{M}\.?"
        rf"(?:[,\u060c]{SP}*|{SP}+){time_words}{M})"
        # The time, with what ends the header ("] ", " - ", or ": " in old iOS exports).
        rf"(?P<time>{DIGIT}{{1,2}}(?P<ts>[:.]){DIGIT}{{2}}(?:(?P=ts){DIGIT}{{2}})?"
        rf"(?:{M}{SP}?{M}(?:[AaPp]\.?{SP}?[Mm]\.?|\u0635|\u0645|[Öö][ÖöSs])(?![^\W\d_]))?{M}"
        rf"(?(open)\]{SP}?|(?:{SP}+{M}[-\u2013]{SP}|:{SP})))",
        re.MULTILINE,
    )


HEADER = header_expression(load())
# The same header after a newline, as one group, for splitting a whole export in one call.
HEADER_SPLIT = re.compile("\n(" + HEADER.pattern.removeprefix("^") + ")")
STRIDE = HEADER_SPLIT.groups + 1  # the groups of one header, then its body
OPEN, DATE, TIME = (HEADER_SPLIT.groupindex[g] for g in ("open", "date", "time"))
