"""Which language a text is in, when the file does not say.

Identification uses py3langid (the langid.py model, 97 languages, 4.5 MB, numpy only, no
network): it is small, fast (under a millisecond for a paragraph) and its model ships inside
the wheel. lingua is more accurate on single words but its wheel is 96 MB; fasttext-langdetect
downloads its model at run time, which Song Ngữ never does (it is offline).

Short texts are where any identifier is weak, so three rules come before and after the model:
- Vietnamese has letters no other language uses (ơ, ư, đ, ạ, ế…); a text where they are
  common is Vietnamese without asking the model;
- English prose is dense in words no other Latin-script language uses that often ("the",
  "and", "which", "would"…; not "of", which Dutch uses as much); a long enough text where they
  are common is English without asking the model either. Together the two rules leave the
  model unloaded for a Vietnamese–English archive (loading it costs about a second);
- a third language (neither Vietnamese nor English) is believed only from a long enough text
  with a confident score; otherwise the better of Vietnamese and English wins;
- a text with too few letters to say anything gives None, and the caller keeps what it had.

The model loads once, lazily, only when the rules above do not decide (1-2 s and about 75 MB
here), and is shared; `identify` is safe from any thread.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from archive.model import Article

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

VIETNAMESE = "vi"
ENGLISH = "en"
SAMPLE_CHARS = 600  # the start of a text says its language (~100 words); more only costs time
MIN_LETTERS = 12  # fewer letters than this say nothing reliable about a language
THIRD_LANGUAGE_MIN_LETTERS = 30  # measured: short English lines never pass, Dutch of 6+ words does
THIRD_LANGUAGE_MIN_CONFIDENCE = 0.9
VIETNAMESE_LETTER_SHARE = 0.02  # real Vietnamese prose: 10-20 % of letters; loanwords: < 1 %
_VIETNAMESE_LETTERS = re.compile(
    r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE
)

_ENGLISH_MARKERS = frozenset(
    "the and that which with from this were they their been would have has".split()
)
ENGLISH_MARKER_SHARE = 0.05  # English prose: 6-20 % of its words; other languages: ~0-2 %
ENGLISH_MIN_WORDS = 20
_WORD = re.compile(r"[^\W\d_]+")

_lock = threading.Lock()
_identifier: LanguageIdentifier | None = None


def identify(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when it is too short
    (or has too few letters) to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < MIN_LETTERS:
        return None
    if len(_VIETNAMESE_LETTERS.findall(sample)) >= VIETNAMESE_LETTER_SHARE * letters:
        return VIETNAMESE
    words = [w.lower() for w in _WORD.findall(sample)]
    markers = sum(1 for w in words if w in _ENGLISH_MARKERS)
    if len(words) >= ENGLISH_MIN_WORDS and markers >= ENGLISH_MARKER_SHARE * len(words):
        return ENGLISH
    ranked = _model().rank(sample)
    best, confidence = ranked[0]
    if best in (VIETNAMESE, ENGLISH):
        return str(best)
    if letters >= THIRD_LANGUAGE_MIN_LETTERS and confidence >= THIRD_LANGUAGE_MIN_CONFIDENCE:
        return str(best)
    return next(str(code) for code, _ in ranked if code in (VIETNAMESE, ENGLISH))


def side_of(code: str) -> str:
    """Where text in language `code` is kept: Vietnamese on its side, all else on the other."""
    return VIETNAMESE if code == VIETNAMESE else ENGLISH


def _model() -> LanguageIdentifier:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def assign_language(article: Article) -> None:
    """Put an article whose file did not say its language on the side its text is in.

    A one-language article (the importers place it on the Vietnamese side) moves to the
    English side when its text is not Vietnamese; text in a third language keeps its code in
    `original_language`. A two-language article stays as it is, its second side's third
    language (if any) noted. Nothing is moved when the text is too short to tell.
    """
    sides = [lang for lang in (VIETNAMESE, ENGLISH) if _has_text(article, lang)]
    if len(sides) == 2:
        code = identify(_side_text(article, ENGLISH, passages_only=True))
        if code is not None and code not in (VIETNAMESE, ENGLISH):
            article.original_language = code
        return
    if not sides:
        return
    side = sides[0]
    code = identify(_side_text(article, side))
    if code is None:
        return
    target = side_of(code)
    article.original_language = None if code in (VIETNAMESE, ENGLISH) else code
    if target != side:
        if side in article.title:
            article.title[target] = article.title.pop(side)
        if side in article.subtitle:
            article.subtitle[target] = article.subtitle.pop(side)
        if side in article.passages:
            article.passages[target] = article.passages.pop(side)


def _has_text(article: Article, lang: str) -> bool:
    return bool(article.passages.get(lang) or article.title.get(lang))


def _side_text(article: Article, lang: str, passages_only: bool = False) -> str:
    passages = " ".join(p.text for p in article.passages.get(lang, []))
    if passages_only and passages:
        return passages
    heads = [article.title.get(lang, ""), article.subtitle.get(lang, "")]
    return " ".join([*heads, passages]).strip()
