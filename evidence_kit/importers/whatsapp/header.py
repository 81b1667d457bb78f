"""The header that starts every message: one compiled expression for every locale and both apps.

Rule: a line starts a message when it starts with a timestamp (Android `15/01/2024, 21:05 - `,
iOS `[15/01/2024, 21:05:12] `, old iOS `15/01/2024, 21:05: `; the time may come first, as in
Vietnamese exports: `21:05, 15/01/2024 - `); the whole export is cut at every
header in one `split` (`HEADER_SPLIT`), never line by line. The words some languages write
between date and time ("à", "um", ...) come from `languages.toml`.
"""

from __future__ import annotations

import re

from evidence_kit.importers.whatsapp.characters import DIGIT, MARKS, SP, M
from evidence_kit.importers.whatsapp.languages import Languages, load


def header_expression(languages: Languages) -> re.Pattern[str]:
    """The header, anchored at the start of a line, with the time words of `languages`.

    Every optional part is written `(?:...|)`, a choice with an empty way out, not `(?:...)?`:
    both read the same, but the engine sets up (allocates) a repeat for each `?` on a group, at
    every header; the choice costs a fifth less for the whole header.
    """
    words = "|".join(re.escape(word) for word in languages.phrases("header_time_words"))
    time_words = f"(?:(?:{words}){SP}+|)" if words else ""
    # The year may be written in the Buddhist calendar ("2565 BE", Thai iOS) or as a Japanese era
    # ("R4", iOS with the Japanese calendar): `dates.date_info` converts both.
    year = rf"(?:{DIGIT}{{1,4}}(?:{SP}BE|)|[RH]{DIGIT}{{1,2}})"
    date = rf"{DIGIT}{{1,4}}{M}(?P<ds>[./\-]){M}{DIGIT}{{1,2}}{M}(?P=ds){M}{year}{M}\.?"
    date_first = date.replace("ds>", "ds1>").replace("(?P=ds)", "(?P=ds1)")
    date_last = date.replace("ds>", "ds2>").replace("(?P=ds)", "(?P=ds2)")
    clock = (
        rf"{DIGIT}{{1,2}}(?P<ts>[:.]){DIGIT}{{2}}(?:(?P=ts){DIGIT}{{2}}|)"
        rf"(?:{M}{SP}?{M}(?:[AaPp]\.?{SP}?[Mm]\.?|\u0635|\u0645|[Öö][ÖöSs])(?![^\W\d_])|)"
    )
    clock_first = clock.replace("ts>", "ts1>").replace("(?P=ts)", "(?P=ts1)")
    clock_last = clock.replace("ts>", "ts2>").replace("(?P=ts)", "(?P=ts2)")
    # What ends the header: "] ", " - ", or ": " in old iOS exports.
    ending = rf"{M}(?(open)\]{SP}?|(?:{SP}+{M}[-\u2013]{SP}|:{SP}))"
    return re.compile(
        # The marks (and BOM) before it, then "[" and its marks when bracketed (iOS).
        rf"^(?P<lead>[\ufeff{MARKS}]*+)(?:(?P<open>\[[\ufeff{MARKS}]*+)|)"
        # The date, with what follows it up to the time (", ", " ", "، ", " à "...), then the time.
        rf"(?:(?P<date>{date_first}(?:[,\u060c]{SP}*|{SP}+){time_words}{M})(?P<time>{clock_first}{ending})"
        # Or the time first (Vietnamese: "21:05, 15/01/2024 - "), then the date.
        rf"|(?P<time_first>{clock_last}{M}(?:,{SP}?|{SP}){M})(?P<date_last>{date_last}{ending}))",
        re.MULTILINE,
    )


HEADER = header_expression(load())
# The same header after a newline, as one group, for splitting a whole export in one call: the
# whole header, then its own groups, then the body (`raw.raw_messages`).
HEADER_SPLIT = re.compile("\n(" + HEADER.pattern.removeprefix("^") + ")")
STRIDE = HEADER_SPLIT.groups + 1  # the groups of one header, then its body
OPEN, DATE, TIME, TIME_FIRST, DATE_LAST = (
    HEADER_SPLIT.groupindex[g] for g in ("open", "date", "time", "time_first", "date_last")
)
# The same split without the whole header as a group, for the first pass (`survey.first_pass`),
# which reads every message of every export: a string fewer to make per message; `whole` puts
# the header together from its groups, which cover it, where it is needed. The first pass reads
# the groups in this order, one header after the other (the other four are the separators a
# date or time repeats).
HEADER_CUT = re.compile("\n" + HEADER.pattern.removeprefix("^"))
CUT_STRIDE = HEADER_CUT.groups + 1
_READ_IN_ORDER = ("lead", "open", "date", "time", "time_first", "date_last")
if CUT_STRIDE != 11 or tuple(HEADER_CUT.groupindex[g] for g in _READ_IN_ORDER) != (1, 2, 3, 5, 7, 9):
    raise RuntimeError("the header's groups changed; update survey.first_pass")


def whole(lead: str, opened: str | None, date: str | None, clock: str, date_last: str | None) -> str:
    """The whole header as written, from its groups: `clock` is the time, whether written after
    the date or first (then `date` is None and the date is `date_last`)."""
    head = lead + opened if opened is not None else lead
    return head + date + clock if date is not None else head + clock + (date_last or "")
