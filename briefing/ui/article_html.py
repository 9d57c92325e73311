"""An article as the reader pane's HTML (Qt rich-text subset), every piece of text escaped.

Article text comes from files we did not write: it is always escaped, never rendered as HTML,
so a story quoting ``<img src=...>`` shows those characters instead of loading anything.
Entity mentions become ``<a href="entity:ID">`` anchors tinted in their type's colour; their
offsets point into the stored title, deck and body, so text is cut at mention boundaries first
and each segment escaped on its own (escaping first would shift every offset).
Plain functions without Qt, so the layout rules are easy to test.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Iterator, Sequence

from briefing.domain import Article, ArticleMention, DateSource, EntityType, Subhead
from briefing.ui.entity_theme import type_tint

ENTITY_SCHEME = "entity"

# QTextDocument understands this subset of CSS; fonts fall back along the list.
READER_CSS = """
body { font-family: 'Charter', 'Georgia', 'Cambria', 'DejaVu Serif', serif;
       font-size: 12.5pt; color: #22272e; }
p { margin-top: 0px; margin-bottom: 11px; line-height: 145%; }
p.title { font-size: 18pt; font-weight: 600; margin-top: 2px; margin-bottom: 8px;
          color: #1b2026; line-height: 120%; }
h3 { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif; font-size: 10.5pt;
     font-weight: 700; letter-spacing: 1px; margin-top: 18px; margin-bottom: 8px;
     color: #3d5a6c; }
.kicker { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif;
          font-size: 9pt; font-weight: 700; letter-spacing: 1px; color: #c0703a;
          margin-bottom: 2px; }
.deck { font-size: 13.5pt; font-style: italic; color: #444c56; margin-bottom: 8px; }
.byline { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif;
          font-size: 9.5pt; color: #59636e; margin-bottom: 14px; }
.truncated { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif;
             font-size: 9.5pt; color: #8a5a14; background-color: #fbf1de; }
.meta { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif;
        font-size: 9pt; color: #59636e; }
.meta-label { color: #8a8f98; padding-right: 12px; }
.placeholder { font-family: 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif;
               font-size: 11pt; color: #8a8f98; }
"""

DATE_HOW = {
    DateSource.METADATA: "given in the file",
    DateSource.USER: "given at import",
    DateSource.INFERRED: "inferred from the text",
}
TRUNCATED_NOTICE = (
    "Truncated: the source file ends part-way through this article, so the rest is missing."
)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(text: str) -> str:
    # A single line break inside a paragraph is kept (datelines, lists); the rest is text.
    return "<br/>".join(_e(line) for line in text.split("\n"))


def entity_href(entity_id: int) -> str:
    return f"{ENTITY_SCHEME}:{entity_id}"


def entity_id_of_href(href: str) -> int | None:
    """The entity id of an ``entity:ID`` anchor; None for anything else."""
    scheme, _, rest = href.partition(":")
    if scheme != ENTITY_SCHEME or not rest.isdigit():
        return None
    return int(rest)


def mention_style(etype: EntityType, *, strong: bool = False) -> str:
    """Inline style of a mention: dark text on its type's tint (the reader adds the underline)."""
    background = type_tint(etype, strong=strong)
    return f"color: #22272e; text-decoration: none; background-color: {background};"


def usable_mentions(mentions: Iterable[ArticleMention], length: int) -> list[ArticleMention]:
    """One field's mentions in text order, clipped to the text, without overlaps.

    Where two mentions overlap the earlier (and, at the same start, the longer) one wins: an
    anchor cannot sit inside another.
    """
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[ArticleMention] = []
    end = 0
    for mention in ordered:
        if mention.start < end or mention.start >= length or mention.end <= mention.start:
            continue
        kept.append(mention)
        end = min(mention.end, length)
    return kept


def marked_text(
    text: str,
    mentions: Sequence[ArticleMention] = (),
    *,
    base: int = 0,
    strong: Collection[int] = (),
) -> str:
    """``text`` (which starts at offset ``base`` of its field) as HTML with mentions anchored.

    ``mentions`` must come from :func:`usable_mentions` (ordered, not overlapping); those
    outside ``text`` are skipped and those crossing its edges are cut to it. ``strong`` holds
    entity ids drawn with the stronger tint (the ones the list is filtered on).
    """
    out: list[str] = []
    position = 0
    for mention in mentions:
        start = max(mention.start - base, position)
        end = min(mention.end - base, len(text))
        if end <= start:
            continue
        out.append(_lines(text[position:start]))
        style = mention_style(mention.type, strong=mention.entity_id in strong)
        out.append(
            f'<a href="{entity_href(mention.entity_id)}" style="{style}">'
            f"{_lines(text[start:end])}</a>"
        )
        position = end
    out.append(_lines(text[position:]))
    return "".join(out)


def body_blocks(
    body: str,
    subheads: tuple[Subhead, ...],
    mentions: Sequence[ArticleMention] = (),
    strong: Collection[int] = (),
) -> Iterator[str]:
    """Body paragraphs with each subhead placed before the paragraph at its offset.

    Paragraphs are separated by a blank line ("\\n\\n") and ``Subhead.offset`` is where the
    section's first paragraph begins in ``body``; a subhead whose offset falls inside a
    paragraph goes before the next one, one past the end goes after the last paragraph.
    ``mentions`` (offsets into ``body``) are anchored where they fall.
    """
    pending = sorted(subheads, key=lambda subhead: subhead.offset)
    spans = usable_mentions(mentions, len(body))
    position = 0
    for paragraph in body.split("\n\n"):
        start = position
        position += len(paragraph) + 2
        while pending and pending[0].offset <= start:
            yield f"<h3>{_e(pending.pop(0).text)}</h3>"
        if paragraph.strip():
            # Leading newlines are dropped from the paragraph, so its text starts later.
            text = paragraph.strip("\n")
            offset = start + paragraph.index(text[0]) if text else start
            inside = [m for m in spans if m.end > offset and m.start < offset + len(text)]
            yield "<p>" + marked_text(text, inside, base=offset, strong=strong) + "</p>"
    for subhead in pending:
        yield f"<h3>{_e(subhead.text)}</h3>"


def date_line(article: Article) -> str:
    if article.published is None or article.date_source == DateSource.UNKNOWN:
        return "unknown"
    how = DATE_HOW.get(article.date_source, str(article.date_source))
    return f"{article.published.strftime('%d %B %Y').lstrip('0')} ({how})"


def origin_line(article: Article) -> str:
    parts = [article.origin_file or "unknown file", f"article {article.origin_position + 1}"]
    if article.origin_line > 0:
        parts.append(f"line {article.origin_line}")
    return ", ".join(parts)


def article_html(
    article: Article,
    mentions: Iterable[ArticleMention] = (),
    *,
    strong: Collection[int] = (),
) -> str:
    """The reader's HTML for one article, its entity ``mentions`` highlighted.

    ``strong`` holds the entity ids the list is filtered on: their mentions stand out more.
    """
    by_field: dict[str, list[ArticleMention]] = {}
    for mention in mentions:
        by_field.setdefault(mention.field, []).append(mention)
    blocks: list[str] = []
    # A story without a headline is titled "KICKER: deck"; repeating either would stutter.
    if article.kicker and not (article.title or "").startswith(article.kicker):
        blocks.append(f'<p class="kicker">{_e(article.kicker.upper())}</p>')
    # Not <h1>: Qt sizes headings itself and ignores a style sheet's font-size for them.
    if article.title:
        title_spans = usable_mentions(by_field.get("title", ()), len(article.title))
        title_html = marked_text(article.title, title_spans, strong=strong)
    else:
        title_html = _e("(untitled)")
    blocks.append(f'<p class="title">{title_html}</p>')
    if article.deck and article.deck not in (article.title or "(untitled)"):
        deck_spans = usable_mentions(by_field.get("deck", ()), len(article.deck))
        deck_html = marked_text(article.deck, deck_spans, strong=strong)
        blocks.append(f'<p class="deck">{deck_html}</p>')
    if article.byline:
        blocks.append(f'<p class="byline">{_e(article.byline)}</p>')
    blocks.extend(
        body_blocks(article.body, article.subheads, by_field.get("body", ()), strong=strong)
    )
    if article.truncated:
        blocks.append(f'<p class="truncated">&nbsp;{_e(TRUNCATED_NOTICE)}&nbsp;</p>')
    meta = [
        ("Source", article.source),
        ("Published", date_line(article)),
        ("From", origin_line(article)),
    ]
    if article.truncated:
        meta.append(("Note", "truncated"))
    rows = "".join(
        f'<tr><td class="meta-label">{_e(label)}</td><td>{_e(value)}</td></tr>'
        for label, value in meta
    )
    blocks.append('<hr style="background-color: #d5d8dc; border: none; height: 1px;"/>')
    blocks.append(f'<table class="meta" cellspacing="0" cellpadding="2">{rows}</table>')
    return "<html><body>" + "\n".join(blocks) + "</body></html>"


def placeholder_html(message: str) -> str:
    return f'<html><body><p class="placeholder">{_e(message)}</p></body></html>'
