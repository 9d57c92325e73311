"""From raw text to classified units, reading what the blank lines of this file mean.

Blank lines mean different things in different files, so the file is looked at as a whole:

- no blank lines at all: one paragraph per line (seed 000, seed 001);
- blocks of several lines between blank lines: each block is an article ("block" layout), so
  a blank line is a break an article does not continue across;
- mostly one-line blocks: blank lines separate paragraphs ("paragraph" layout); only a gap
  wider than the usual one is a break;
- hard-wrapped text (lines cut near a fixed width, mostly mid-sentence): the lines of a
  paragraph are joined back into one unit, and blank lines separate paragraphs. A line ends a
  paragraph (or is a headline) when it ends a sentence well short of the width, or when the
  next line's first word would have fitted on it: a wrapping editor would have put it there.

Some lines are only known by their neighbours, so a last pass over the units settles them:
the header block of a forwarded e-mail ("From:", "Sent:", "Subject:" ...) is dropped, the
caption under an "Image caption," line too, the speaker labels of a transcript or interview
("Q:", "PRESS SECRETARY:") are dialogue, not kickers; a Markdown file's YAML front matter is
dropped before anything else.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.ingest.line_kinds import Line, LineKind, classify_line, continues_sentence_run
from briefing.ingest.sentences import ends_sentence

# A file is hard-wrapped when its long lines are no longer than this ...
_MAX_WRAP_WIDTH = 120
_MIN_WRAP_WIDTH = 30
# ... and most lines that are not a block's last are near that width and end mid-sentence.
_WRAPPED_LINE_SHARE = 0.6
_NEAR_FULL_WIDTH = 0.6
# In wrapped text, a line this much shorter than the width that ends a sentence ends a
# paragraph, even without a blank line after it.
_SHORT_LAST_LINE = 0.75
# When this share of blocks is a single line, blank lines separate paragraphs, not articles.
_PARAGRAPH_LAYOUT_SINGLE_SHARE = 0.6
# A transcript's or interview's labels: these are dialogue even when used once.
_SPEAKER_LABELS = frozenset(
    {"Q", "A", "QUESTION", "ANSWER", "INTERVIEWER", "MODERATOR", "HOST", "REPORTER"}
)
# "---" then "key: value" lines then "---" at the top of a Markdown file.
_FRONT_MATTER = re.compile(r"\A\n*---\n(?:[ \t]*(?:[\w-]+ ?:.*|- .*|#.*)?\n){1,40}?---\n")
# "--" then at most this many short lines at the end of a file: an e-mail signature.
_SIGNATURE_MAX_LINES = 5
_SIGNATURE_MAX_WORDS = 8
_SIGN_OFF_MAX_WORDS = 3
# "Image caption," on a line of its own: the caption is the next line.
_CAPTION_LABELS = ("image caption", "media caption", "photo caption", "caption")


@dataclass(slots=True)
class _Block:
    lines: list[tuple[int, str]]  # (1-based line number, stripped text)
    gap_before: int  # blank lines before the block
    indents: list[int] = field(default_factory=list)  # leading spaces of each line


def layout_lines(text: str) -> list[Line]:
    """The file's units, classified, with the layout's breaks marked on them."""
    units = _layout_units(_without_front_matter(text))
    _settle_by_neighbours(units)
    return units


def _without_front_matter(text: str) -> str:
    """The text with a Markdown file's YAML front matter blanked (line numbers kept)."""
    if not text.lstrip("\n").startswith("---\n"):
        return text
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text
    return "\n" * match.group(0).count("\n") + text[match.end() :]


def _layout_units(text: str) -> list[Line]:
    content = text.strip("\n ")
    if "\n\n" not in content:  # normalised text: a blank line is an empty one
        leading = text[: len(text) - len(text.lstrip("\n "))]
        units = _unwrapped_dense_units(content, leading.count("\n") + 1)
        if units is not None:
            return units
    blocks = _blocks(text)
    if not blocks:
        return []
    wrap_width = _wrap_width(blocks)
    if wrap_width:
        return _wrapped_units(blocks, wrap_width)
    block_layout = len(blocks) > 1 and _single_line_share(blocks) < _PARAGRAPH_LAYOUT_SINGLE_SHARE
    typical_gap = _typical_gap(blocks)
    units: list[Line] = []
    for block in blocks:
        first_unit = len(units)
        _classify_lines([text for _, text in block.lines], block.lines[0][0], units)
        if first_unit:
            hard = block.gap_before > typical_gap
            opening = units[first_unit]
            opening.hard_break = hard
            opening.break_before = hard or block_layout
            opening.after_blank = True
    return units


def _unwrapped_dense_units(text: str, first_number: int) -> list[Line] | None:
    """A file without blank lines, one paragraph a line: the commonest shape, and the
    fastest path. None when the lines may be hard-wrapped (or there are none)."""
    lines = text.split("\n")
    if not text or max(map(len, lines)) <= _MAX_WRAP_WIDTH:
        return None  # every line short: perhaps wrapped text, which the general path handles
    units: list[Line] = []
    _classify_lines(lines, first_number, units)
    return units


def _classify_lines(lines: list[str], first_number: int, units: list[Line]) -> None:
    """Classify consecutive lines into units, folding runs of ordinary sentences into the
    ``tail`` of the sentence line before them (see Line.tail: this is the speed path)."""
    run_head: Line | None = None
    for number, raw in enumerate(lines, first_number):
        text = raw.strip()
        if run_head is not None and continues_sentence_run(text):
            tail = run_head.tail
            if tail is None:
                run_head.tail = [text]
            else:
                tail.append(text)
            continue
        line = classify_line(text, number)
        units.append(line)
        run_head = line if line.plain_sentence else None


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[tuple[int, str]] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            if not current:
                blocks.append(_Block(current, gap))
            current.append((number, stripped))
            blocks[-1].indents.append(len(raw) - len(raw.lstrip(" ")))
            gap = 0
        else:
            if current:
                current = []
            gap += 1
    return blocks


def _typical_gap(blocks: list[_Block]) -> int:
    gaps = Counter(block.gap_before for block in blocks[1:])
    if not gaps:
        return 1
    # The most common gap; on a tie the narrower one, so that the wider one stays a break.
    return min(gaps, key=lambda gap: (-gaps[gap], gap))


def _single_line_share(blocks: list[_Block]) -> float:
    return sum(1 for block in blocks if len(block.lines) == 1) / len(blocks)


def _wrap_width(blocks: list[_Block]) -> int:
    """The width the text was hard-wrapped at, or 0 when it was not."""
    lengths = sorted(len(text) for block in blocks for _, text in block.lines)
    width = lengths[int(len(lengths) * 0.95)] if len(lengths) >= 20 else lengths[-1]
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return 0
    inner = [text for block in blocks for _, text in block.lines[:-1]]
    if len(inner) < 3:
        return 0
    near_full = sum(
        1 for text in inner if len(text) >= width * _NEAR_FULL_WIDTH and not ends_sentence(text)
    )
    return width if near_full >= len(inner) * _WRAPPED_LINE_SHARE else 0


def _wrapped_units(blocks: list[_Block], width: int) -> list[Line]:
    typical_gap = _typical_gap(blocks)
    units: list[Line] = []
    for block in blocks:
        hard = block.gap_before > typical_gap
        for index, line in enumerate(_block_paragraphs(block, width)):
            if index == 0 and units:
                line.hard_break = line.break_before = hard
                line.after_blank = True
            units.append(line)
    return units


def _block_paragraphs(block: _Block, width: int) -> list[Line]:
    """Join a wrapped block's lines into paragraphs; headings and the like stand alone."""
    paragraphs: list[Line] = []
    pending: list[tuple[int, str]] = []
    lines = block.lines
    for index, (number, text) in enumerate(lines):
        if not pending:
            alone = classify_line(text, number)
            if _stands_alone(alone, width):
                paragraphs.append(alone)
                continue
        pending.append((number, text))
        if index + 1 < len(lines) and _ends_paragraph(
            text, block.indents[index], lines[index + 1][1], width
        ):
            paragraphs.append(_joined(pending))
            pending = []
    if pending:
        paragraphs.append(_joined(pending))
    return paragraphs


def _ends_paragraph(text: str, indent: int, following: str, width: int) -> bool:
    """In wrapped text, the line is a paragraph's last (or a headline): it ends a sentence
    well short of the width, or the next word would have fitted on it."""
    length = indent + len(text)
    if ends_sentence(text) and length < width * _SHORT_LAST_LINE:
        return True
    if text[-1] in "-–—":
        return False  # wrapped at a hyphen: "air-" / "defence"
    next_word = following.split(" ", 1)[0]
    return length + 1 + len(next_word) <= width


def _stands_alone(line: Line, width: int) -> bool:
    if line.kind is not LineKind.TEXT or line.table_row or line.labelled:
        return True
    # A short line that ends mid-sentence at a paragraph's start is a headline, not the first
    # line of a wrapped paragraph (those reach the wrap width).
    return len(line.text) < width * _NEAR_FULL_WIDTH and not line.terminated


def _joined(lines: list[tuple[int, str]]) -> Line:
    number, text = lines[0]
    for _, part in lines[1:]:
        # A word hyphenated at the wrap ("long-" / "range") is joined without a space.
        if text.endswith("-") and text[-2:-1].isalpha() and part[:1].islower():
            text += part
        else:
            text += " " + part
    return classify_line(text, number)


def _settle_by_neighbours(units: list[Line]) -> None:
    """Settle the lines that their neighbours explain (see the module docstring)."""
    mail_run: list[Line] = []
    labels: list[tuple[int, str]] = []  # (index, label) of kicker lines and dialogue turns
    caption_next = False
    signature = -1
    mail = False  # the file is an e-mail: it had a block of headers
    text_kind = LineKind.TEXT
    for index, unit in enumerate(units):
        kind = unit.kind
        if kind is text_kind and not (
            unit.mail_header or unit.labelled or caption_next or mail_run
        ):
            continue  # most units: ordinary text with nothing before it to settle
        if kind is LineKind.SEPARATOR and unit.text == "--":
            signature = index
        if unit.mail_header:
            mail_run.append(unit)
            continue
        if mail_run:
            mail = _drop_mail_headers(mail_run) or mail
            mail_run = []
        if caption_next and kind is LineKind.TEXT and not unit.after_blank and unit.words <= 40:
            unit.kind = LineKind.BOILERPLATE  # the caption under "Image caption,"
        caption_next = (
            kind is LineKind.BOILERPLATE
            and unit.text[-1] in ",:"
            and unit.text.lower().startswith(_CAPTION_LABELS)
        )
        if kind is LineKind.KICKER:
            labels.append((index, unit.label))
        elif unit.labelled:
            labels.append((index, unit.text.split(":", 1)[0].split(".", 1)[0].strip()))
    if mail_run:
        mail = _drop_mail_headers(mail_run) or mail
    if labels:
        _read_dialogue(units, labels)
    if signature >= 0:
        _drop_signature(units[signature + 1 :])
    if mail and units:
        _drop_sign_off(units[-1])


def _drop_sign_off(last: Line) -> None:
    """A mail's last line, alone in its block, a name or two ("Tom"): its sign-off."""
    if (
        last.kind is LineKind.TEXT
        and last.after_blank
        and last.words <= _SIGN_OFF_MAX_WORDS
        and not last.terminated
        and last.text[:1].isupper()
    ):
        last.kind = LineKind.BOILERPLATE


def _drop_signature(tail: list[Line]) -> None:
    """A mail's signature: "--" then a few short lines (name, role, "Sent from my phone") that
    end the file."""
    if len(tail) <= _SIGNATURE_MAX_LINES and all(
        unit.words <= _SIGNATURE_MAX_WORDS and not unit.terminated for unit in tail
    ):
        for unit in tail:
            unit.kind = LineKind.BOILERPLATE


def _drop_mail_headers(run: list[Line]) -> bool:
    """Drop a block of "From:", "To:" ... lines (one alone may be text); True if dropped."""
    if len(run) < 2:
        return False
    for unit in run:
        unit.kind = LineKind.BOILERPLATE
    return True


def _read_dialogue(units: list[Line], labels: list[tuple[int, str]]) -> None:
    """Kicker-like labels that take turns ("PRESS SECRETARY:", "QUESTION:", then the first
    again, on consecutive lines, each used more than once) or name a speaker ("Q:") are a
    transcript's speakers; a file of kicker stories may repeat one kicker, not two in turn."""
    speakers = {label for _, label in labels if label.upper() in _SPEAKER_LABELS}
    counts = Counter(label for _, label in labels)
    for (first, label_a), (second, label_b), (third, label_c) in zip(
        labels, labels[1:], labels[2:], strict=False
    ):
        if (
            third - first == 2
            and second - first == 1
            and label_a == label_c != label_b
            and counts[label_b] >= 2  # each speaker speaks more than once
        ):
            speakers.update((label_a, label_b))
    if not speakers:
        return
    for index, label in labels:
        unit = units[index]
        if label in speakers and unit.kind is LineKind.KICKER:
            unit.kind = LineKind.TEXT
            unit.labelled = True
            unit.label = unit.rest = ""
            unit.plain_sentence = False
