"""Blocks of links to other stories that web pages append to an article ("More from Defence
Notes", "Related", "Most read", ...): a header line, then teasers (a headline, perhaps a
one-paragraph summary) often separated by "-" lines. They are dropped whole; the block ends
where something that is not a teaser begins, so a story pasted after it is still found.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.ingest.line_kinds import Line, LineKind, is_body_like, is_headline_like

_SKIPPED_INSIDE = frozenset(
    {LineKind.SEPARATOR, LineKind.BOILERPLATE, LineKind.TEASER_LINE, LineKind.TEASER_HEADER}
)
_ARTICLE_STARTS = frozenset({LineKind.KICKER, LineKind.DATE, LineKind.BYLINE})
# A teaser's headline is a little longer than a headline may be in running text, and its
# summary a paragraph of a few sentences; a longer paragraph is a story of its own.
_TEASER_TITLE_MAX_WORDS = 30
_SUMMARY_MAX_CHARS = 450
_TAG_MAX_WORDS = 3


def end_of_teaser_block(lines: Sequence[Line], header: int) -> int:
    """Index of the first line after the teaser block whose header is lines[header]."""
    index = header + 1
    while index < len(lines):
        line = lines[index]
        if line.hard_break:
            return index
        if line.kind in _SKIPPED_INSIDE:
            index += 1
            continue
        if not _is_teaser_title(line):
            return index
        summary = index + 1
        if summary < len(lines) and _is_summary(lines[summary], line):
            if lines[summary].tail or _continues_a_story(lines, summary + 1):
                # A headline with two paragraphs under it is an article, not a teaser.
                return index
            index = summary + 1
        else:
            index = summary
    return index


def _is_teaser_title(line: Line) -> bool:
    if line.kind is LineKind.CAPS:
        return True
    if line.kind is LineKind.HEADING:
        return line.heading_level > 1
    if line.kind is LineKind.TEXT and line.words <= _TAG_MAX_WORDS and not line.terminated:
        return True  # a topic tag ("news", "arms control") under "Topics"
    return is_headline_like(line, max_words=_TEASER_TITLE_MAX_WORDS)


def _is_summary(line: Line, title: Line) -> bool:
    # Spaced like its title: under a title printed tight below its header, a paragraph after
    # a blank line is the story going on ("Read more:" / a headline / blank / the story).
    return (
        line.after_blank == title.after_blank
        and not line.hard_break
        and is_body_like(line)
        and not line.dateline
        and len(line.text) <= _SUMMARY_MAX_CHARS
    )


def _continues_a_story(lines: Sequence[Line], index: int) -> bool:
    if index >= len(lines):
        return False
    line = lines[index]
    if line.break_before or line.kind in _ARTICLE_STARTS:
        return False
    return is_body_like(line) and not is_headline_like(line, max_words=_TEASER_TITLE_MAX_WORDS)
