"""Split a passage into sentences, for Vietnamese and English text alike.

A sentence ends at ".", "!", "?", "…" (or "...") followed, after any closing quotes and
brackets, by white space and the start of a new sentence: an upper-case letter, a digit or an
opening quote. That rule alone keeps numbers whole ("30.000", "3.5": no space after the dot)
and keeps a clause after an ellipsis together when it goes on in lower case. Dots that end an
abbreviation are not sentence ends: titles ("Mr.", "Dr.", "TS.", "PGS.", "ThS."), initials
("J. Smith", "U.S."), and a short list of abbreviations that stand before a name or number
("St.", "No.", "tr.", "Tp."). A line break always ends a sentence.

Offsets are character offsets into the passage text; a sentence's span never includes the
white space around it, so text[start:end] is exactly the sentence. Nothing is dropped: every
non-space character of the passage lies inside exactly one sentence.

Pure functions, no I/O; safe from any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a dot does not end a sentence (compared case-sensitively where the
# case is part of the abbreviation, "No." but not "no."). Vietnamese: academic and professional
# titles (Tiến sĩ, Thạc sĩ, Phó Giáo sư, Giáo sư, Bác sĩ, Kỹ sư, Luật sư), places
# (Thành phố, Tỉnh, Quận, Phường), page and number marks.
_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Mx Dr Prof Sr Jr St Mt Ft Gen Col Lt Capt Cmdr Adm Sgt Gov Sen Rep Pres
    Rev Hon Messrs Mme Mlle vs etc approx dept est fig Fig Inc Ltd Co Corp Bros No Nos Vol
    vol pp Ph Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    TS ThS PGS GS BS KS LS NCS CN TP Tp TT Q P tr Tr TS.BS""".split()
)
# Lower-case abbreviations with inner dots: "e.g.", "i.e.", "a.m.", "p.m.".
_DOTTED_LOWER = re.compile(r"(?:[a-z]\.){1,3}$")
# Initials and dotted acronyms: "J.", "U.S.", "U.K.", "Ph.D." (letters and dots only).
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.)+$|^(?:[A-Z][a-z]?\.){2,}$")
_TERMINATOR = re.compile(r"(?:\.{3}|[.!?…])+[\"'”’»)\]]*")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["


@dataclass(frozen=True)
class Sentence:
    """One sentence of a passage: passage index, character span in the passage, the text."""

    passage: int
    start: int
    end: int
    text: str


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences of `text`, in order, white space excluded."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text):
        start = line_start
        for match in _TERMINATOR.finditer(text, line_start, line_end):
            end = match.end()
            if _ends_sentence(text, match.start(), end, line_end):
                spans += _trimmed(text, start, end)
                start = end
        spans += _trimmed(text, start, line_end)
    return spans


def split_sentences(text: str, passage: int = 0) -> list[Sentence]:
    return [Sentence(passage, s, e, text[s:e]) for s, e in sentence_spans(text)]


def _lines(text: str) -> list[tuple[int, int]]:
    lines, at = [], 0
    for match in re.finditer(r"\n", text):
        lines.append((at, match.start()))
        at = match.end()
    lines.append((at, len(text)))
    return lines


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _ends_sentence(text: str, mark: int, end: int, line_end: int) -> bool:
    """Whether the terminator text[mark:end] closes a sentence."""
    after = end
    if after >= line_end:
        return True
    if not text[after].isspace():
        return False  # "30.000", "3.5", "U.S.-led", "?!" inside a run
    while after < line_end and text[after].isspace():
        after += 1
    if after >= line_end:
        return True
    if not _starts_sentence(text, after, line_end):
        return False
    return not (
        text[mark] == "."
        and text[mark:end].rstrip(_CLOSERS) == "."
        and _is_abbreviation(text, mark)
    )


def _starts_sentence(text: str, at: int, line_end: int) -> bool:
    """An upper-case letter or a digit, possibly after opening quotes or brackets."""
    while at < line_end and text[at] in _OPENERS:
        at += 1
    if at >= line_end:
        return False
    first = text[at]
    return first.isupper() or first.isdigit() or first in "-–—•"


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the word ending at the dot text[dot] is an abbreviation or an initial."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _OPENERS:
        start -= 1
    word = text[start:dot]
    if not word:
        return False  # a detached dot ("word .") ends a sentence
    if word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS:
        return True
    if _DOTTED_LOWER.search(word + "."):
        # "e.g.", "i.e." go on; "a.m.", "p.m." and Vietnamese "v.v." (etc.) usually close the
        # sentence they end when a capital follows.
        return "." in word and word not in ("a.m", "p.m", "v.v")
    return bool(_INITIALS.match(word + "."))
