"""Ranges and distances: lengths the text states, normalised to km, with what they belong to.

:func:`extract_ranges` scans title, deck and body for quantities with a length unit ("5,500km",
"3,000 miles", "10,000-kilometre", "5 nm"), reads the qualifier in front ("up to", "more than",
"some", "between 500 and"), decides whether the length is a RANGE (a capability or a limit:
"a range of", "can strike targets", "-km range", "bans missiles ...") or a DISTANCE (geography
or travel: "east of Moscow", "flew", "km from the border"), and attaches it to the entity it
describes using the article's entity mentions. A system said to violate a treaty with a range
band ("the 9M729 violates the INF treaty") gets that band as an inferred range.

Metres, areas, speeds, heights and calibres are not read. Everything is rule-based and
runs on every imported article, so a field without a digit followed by a unit word costs one
regex scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache

from briefing.domain import (
    EntityType,
    Mention,
    ParsedArticle,
    RangeKind,
    RangeMention,
    RangeQualifier,
)
from briefing.extract import range_patterns as pat
from briefing.extract.gazetteer import shipped_gazetteer
from briefing.extract.tokens import sentence_spans

FIELDS = ("title", "deck", "body")
KM_PER_MILE = 1.609344
KM_PER_NAUTICAL_MILE = 1.852
_BEFORE_WINDOW = 160  # characters of context read before a quantity (within its sentence)
_AFTER_WINDOW = 80

WEAPON, TREATY, PLACE = EntityType.WEAPON, EntityType.TREATY, EntityType.PLACE
_RANGE_SUBJECTS = (WEAPON, TREATY)


def extract_ranges(article: ParsedArticle, mentions: Sequence[Mention]) -> list[RangeMention]:
    """Every length in the article's title, deck and body, plus treaty-band ranges inferred for
    systems said to violate a treaty; ordered by field, then offset."""
    found: list[RangeMention] = []
    # Treaty bands need a treaty mention, not a unit word: found from the mentions alone.
    band_fields = {m.field for m in mentions if m.type is TREATY and _treaty_band(m.canonical)}
    for name in FIELDS:
        text: str = getattr(article, name)
        if not text:
            continue
        has_length = pat.HINT.search(text) is not None
        has_band = name in band_fields
        if not (has_length or has_band):
            continue
        field_mentions = sorted((m for m in mentions if m.field == name), key=lambda m: m.start)
        sentences = _Sentences(text)
        if has_length:
            found += _lengths(name, text, field_mentions, sentences)
        if has_band:
            found += _treaty_bands(name, text, field_mentions, sentences)
    order = {name: i for i, name in enumerate(FIELDS)}
    found.sort(key=lambda r: (order[r.field], r.start, r.via))
    return found


# -- sentences -------------------------------------------------------------------------------


class _Sentences:
    """Sentence spans of one field, looked up by offset; split only when first needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = sentence_spans(self.text) or [(0, len(self.text))]
            self._starts = [s for s, _ in self._spans]
        return self._spans

    def index(self, offset: int) -> int:
        starts = self._starts if self._spans is not None else [s for s, _ in self.spans]
        return max(bisect_right(starts, offset) - 1, 0)

    def at(self, offset: int) -> tuple[int, int]:
        start, end = self.spans[self.index(offset)]
        # Offsets in the blank between paragraphs belong to no sentence: use the whole field.
        return (start, end) if start <= offset <= end else (0, len(self.text))

    def of(self, mention: Mention) -> tuple[int, int]:
        """The mention's sentence: as extraction recorded it, else split here."""
        if mention.sentence_start < mention.sentence_end:
            return mention.sentence_start, mention.sentence_end
        return self.at(mention.start)

    def before(self, offset: int) -> tuple[int, int] | None:
        i = self.index(offset)
        return self.spans[i - 1] if i > 0 else None


# -- lengths ---------------------------------------------------------------------------------


def _number(text: str) -> float:
    return float(text.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))


def _km_per(unit: str) -> float:
    key = unit.casefold()
    if key == "nm" or key.startswith("nautical"):
        return KM_PER_NAUTICAL_MILE
    if key.startswith("mile"):
        return KM_PER_MILE
    return 1.0


def _km(value: float, unit: str) -> float:
    # Two decimals: 3,000 miles is 4828.03 km; more digits would only be false precision.
    return round(value * _km_per(unit), 2)


def _is_metric(unit: str) -> bool:
    return _km_per(unit) == 1.0


def _lengths(
    field: str, text: str, mentions: list[Mention], sentences: _Sentences
) -> list[RangeMention]:
    found: list[RangeMention] = []
    consumed = 0  # end of the last phrase: a conversion's own quantity is not read again
    for core in _cores(text):
        if core.start() < consumed:
            continue
        sentence = sentences.at(core.start())
        window_start = max(sentence[0], core.start() - _BEFORE_WINDOW)
        unit = core.group("unit")
        hi = _km(_number(core.group("num")), unit)
        lo: float | None = None
        start = core.start()

        lead = (
            pat.LEAD.search(text, max(window_start, start - pat.LEAD_REACH), start)
            if text[window_start:start].rstrip().endswith(pat.LEAD_ENDINGS)
            else None
        )
        if lead is not None:
            lo_text = lead.group("lo") or lead.group("lo2")
            lo_unit = lead.group("lo_unit") or lead.group("lo2_unit") or unit
            lo = _km(_number(lo_text), lo_unit)
            start = lead.start()
        qualifier = RangeQualifier.BETWEEN if lo is not None else RangeQualifier.EXACT
        qual = (
            pat.QUALIFIER.search(text, max(window_start, start - pat.QUALIFIER_REACH), start)
            if _last_word(text, window_start, start) in pat.QUALIFIER_LAST_WORDS
            else None
        )
        if qual is not None:
            if lo is None:
                qualifier = pat.qualifier_of(qual.group("qual"))
            start = qual.start()

        end = core.end()
        conversion = pat.CONVERSION.match(text, end)
        if conversion is not None:
            end = conversion.end()
            # Prefer the figure the article gives in km over one converted from miles.
            cunit = conversion.group("cunit")
            if (
                not _is_metric(unit)
                and _is_metric(cunit)
                and (lo is None) == (conversion.group("clo") is None)
            ):
                unit = cunit
                hi = _km(_number(conversion.group("cnum")), cunit)
                if lo is not None:
                    lo = _km(_number(conversion.group("clo")), cunit)

        trailing = pat.TRAILING_QUALIFIER.match(text, end)
        if trailing is not None and qualifier is RangeQualifier.EXACT:
            end = trailing.end()
            qualifier = (
                RangeQualifier.AT_LEAST
                if trailing.group("at_least")
                else RangeQualifier.UP_TO
                if trailing.group("up_to")
                else RangeQualifier.ABOUT
            )

        folded = text[window_start:start].casefold()
        if pat.SPEED_AFTER.match(text, end) or _is_height(text, window_start, start, end, folded):
            consumed = end
            continue

        after = text[end : min(sentence[1], end + _AFTER_WINDOW)]
        kind = _kind(text, (window_start, start, end), folded, after, mentions, sentence)
        subject = (
            _range_subject(text, start, end, mentions, sentence, sentences)
            if kind is RangeKind.RANGE
            else _place_subject(text, end, mentions, sentence)
        )
        min_km, max_km = _bounds(qualifier, lo, hi)
        # "between 500km and 5,500km": the first quantity was read on its own just before.
        while found and found[-1].field == field and found[-1].start >= start:
            found.pop()
        found.append(
            RangeMention(
                field=field,
                start=start,
                end=end,
                text=text[start:end],
                min_km=min_km,
                max_km=max_km,
                qualifier=qualifier,
                unit=unit,
                kind=kind,
                subject=subject.canonical if subject else None,
                subject_type=subject.type if subject else None,
                sentence_start=sentence[0],
                sentence_end=sentence[1],
            )
        )
        consumed = end
    return found


def _cores(text: str) -> Iterator[re.Match[str]]:
    """CORE matches, found by jumping between HINT matches: CORE's look-behinds make a full
    scan several times slower than the hint's single character class."""
    pos = 0
    while True:
        hint = pat.HINT.search(text, pos)
        if hint is None:
            return
        # The hint starts at the number's last digit; the number itself starts a little before.
        core = pat.CORE.search(text, max(pos, hint.start() - 40))
        if core is None:
            return
        if core.start() > hint.end():
            pos = hint.end()  # a false hint ("5 kilos"): look for the next one
            continue
        yield core
        pos = core.end()


def _bounds(
    qualifier: RangeQualifier, lo: float | None, value: float
) -> tuple[float | None, float | None]:
    if qualifier is RangeQualifier.BETWEEN and lo is not None:
        return min(lo, value), max(lo, value)
    if qualifier in (RangeQualifier.UP_TO, RangeQualifier.LESS_THAN):
        return None, value
    if qualifier in (RangeQualifier.MORE_THAN, RangeQualifier.AT_LEAST):
        return value, None
    return value, value


def _last_word(text: str, start: int, end: int) -> str:
    words = text[max(start, end - 20) : end].split()
    # "(about 500km)", "“up to 500km”": an opening bracket or quote is not part of the word.
    return words[-1].lstrip("([\"'“‘").casefold() if words else ""


def _is_height(text: str, window_start: int, start: int, end: int, folded: str) -> bool:
    return bool(
        pat.HEIGHT_BEFORE.search(text, window_start, start, folded)
        or pat.HEIGHT_AFTER.match(text, end)
    )


def _kind(
    text: str,
    span: tuple[int, int, int],
    folded: str,
    after: str,
    mentions: list[Mention],
    sentence: tuple[int, int],
) -> RangeKind:
    """RANGE or DISTANCE, strongest cue first: capability wording beats the geography around it
    ("can strike targets 3,000 miles away" is a range, "flew 4,200 miles" a distance).

    ``span`` is (start of the context window, start, end) of the quantity; ``folded`` the
    casefolded context window, for the cues' word tests."""
    window, start, end = span
    if pat.RANGE_AFTER.match(after):
        return RangeKind.RANGE
    near_range = pat.RANGE_BEFORE.search(text, window, start, folded)
    if near_range is not None and len(near_range.group("words").split()) <= pat.TIGHT_WORDS:
        return RangeKind.RANGE
    if pat.CAPABILITY_BEFORE.search(text, window, start, folded) or pat.ENGAGE_BEFORE.search(
        text, window, start, folded
    ):
        return RangeKind.RANGE
    if pat.DISTANCE_AFTER.match(after) or pat.DISTANCE_BEFORE.search(text, window, start, folded):
        return RangeKind.DISTANCE
    if near_range is not None:  # "the range of the new missile is 2,000km"
        return RangeKind.RANGE
    if pat.WEAPON_AFTER.match(after) or _weapon_right_after(text, end, mentions, sentence):
        return RangeKind.RANGE  # "a 2,500km missile", "the 500km Iskander"
    possessive = pat.POSSESSIVE_GAP.search(text, sentence[0], start)
    if possessive is not None and any(
        m.end == possessive.start() and m.type in _RANGE_SUBJECTS for m in mentions
    ):
        return RangeKind.RANGE  # "more than the Topol's 10,500km"
    return RangeKind.DISTANCE


# -- subjects --------------------------------------------------------------------------------


def _weapon_right_after(
    text: str, end: int, mentions: list[Mention], sentence: tuple[int, int]
) -> Mention | None:
    for m in mentions:
        if m.start < end or m.start >= sentence[1]:
            continue
        if m.type in _RANGE_SUBJECTS:
            gap = pat.ADJECTIVE_GAP.match(text, end, m.start)
            if gap is not None and gap.end() == m.start:
                return m
        return None  # only the first mention after the quantity can be its noun
    return None


def _range_subject(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    sentence: tuple[int, int],
    sentences: _Sentences,
) -> Mention | None:
    """The weapon or treaty a range belongs to: a weapon named right after the quantity ("the
    500km Iskander"); else the nearest weapon or treaty before it in the sentence (a treaty only
    when the words between say what it bans or limits, or no weapon precedes it); else, when the
    sentence opens with "It"/"The missile"/..., the last weapon of the previous sentence; else
    the first weapon or treaty after it in the sentence ("With a range of 10,000km, the
    Topol-M ...")."""
    right_after = _weapon_right_after(text, end, mentions, sentence)
    if right_after is not None:
        return right_after
    before = [
        m
        for m in mentions
        if sentence[0] <= m.start and m.end <= start and m.type in _RANGE_SUBJECTS
    ]
    if before:
        nearest = before[-1]
        if nearest.type is TREATY:
            # "The 9M729, which Washington says violates the INF treaty, has a range of ..."
            # is the missile's range; "the INF treaty, which bans ... a range of" the treaty's.
            weapons = [m for m in before if m.type is WEAPON]
            if weapons and not pat.TREATY_VERB.search(text, nearest.end, start):
                return weapons[-1]
        return nearest
    previous = sentences.before(sentence[0])
    if previous is not None and pat.ANAPHOR.match(text, sentence[0]):
        weapons = [
            m
            for m in mentions
            if previous[0] <= m.start and m.end <= previous[1] and m.type is WEAPON
        ]
        if weapons:
            return weapons[-1]
    for m in mentions:  # "With a range of 10,000km, the Topol-M ..."
        if end <= m.start < sentence[1] and m.type in _RANGE_SUBJECTS:
            return m
    return None


def _place_subject(
    text: str, end: int, mentions: list[Mention], sentence: tuple[int, int]
) -> Mention | None:
    """The place a distance is measured from, when the text names it right after the cue."""
    cue = pat.PLACE_CUE.match(text, end, sentence[1])
    if cue is None:
        return None
    at = {cue.end()}
    the = pat.THE.match(text, cue.end(), sentence[1])
    if the is not None:
        at.add(the.end())
    last = max(at)
    for m in mentions:
        if m.start in at and m.type is PLACE:
            return m
        if m.start > last:
            break
    return None


# -- treaty bands ----------------------------------------------------------------------------


@cache
def _treaty_band(canonical: str) -> tuple[float | None, float | None] | None:
    """The treaty's (min, max) range band in km from the shipped gazetteer, or None."""
    attributes = shipped_gazetteer().attributes.get((str(TREATY), canonical), {})
    band = attributes.get("band_km")
    if not isinstance(band, list | tuple) or len(band) != 2 or band[0] is None:
        return None
    low, high = band
    return float(low), (float(high) if high is not None else None)


def _treaty_bands(
    field: str, text: str, mentions: list[Mention], sentences: _Sentences
) -> list[RangeMention]:
    found: list[RangeMention] = []
    seen: set[tuple[int, str, str]] = set()
    for treaty in mentions:
        band = _treaty_band(treaty.canonical) if treaty.type is TREATY else None
        if band is None:
            continue
        sentence = sentences.of(treaty)
        # The verb stands a few words before the treaty's name: no need to read further back.
        cue = pat.VIOLATION.search(
            text, max(sentence[0], treaty.start - pat.VIOLATION_REACH), treaty.start
        )
        if cue is None or pat.NEGATION.search(
            text, max(sentence[0], cue.start() - pat.NEGATION_REACH), cue.start()
        ):
            continue
        weapons = [
            m
            for m in mentions
            if sentence[0] <= m.start and m.end <= cue.start() and m.type is WEAPON
        ]
        if not weapons:
            continue
        weapon = weapons[-1]
        key = (sentence[0], weapon.canonical, treaty.canonical)
        if key in seen:
            continue
        seen.add(key)
        low, high = band
        found.append(
            RangeMention(
                field=field,
                start=treaty.start,
                end=treaty.end,
                text=text[treaty.start : treaty.end],
                min_km=low,
                max_km=high,
                # An open band ("range over 5,500 km" for START's ICBMs) has no upper bound.
                qualifier=RangeQualifier.BETWEEN if high is not None else RangeQualifier.MORE_THAN,
                unit="km",
                kind=RangeKind.RANGE,
                subject=weapon.canonical,
                subject_type=WEAPON,
                via=treaty.canonical,
                sentence_start=sentence[0],
                sentence_end=sentence[1],
            )
        )
    return found


__all__ = ["extract_ranges"]
