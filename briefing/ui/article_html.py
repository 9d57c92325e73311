"""An article as the reader pane's HTML (Qt rich-text subset), every piece of text escaped.

Article text comes from files we did not write: it is always escaped, never rendered as HTML,
so a story quoting ``<img src=...>`` shows those characters instead of loading anything.
Plain functions without Qt, so the layout rules are easy to test.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from briefing.domain import Article, DateSource, Subhead

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


def _paragraph_html(paragraph: str) -> str:
    # A single line break inside a paragraph is kept (datelines, lists); the rest is text.
    return "<p>" + "<br/>".join(_e(line) for line in paragraph.split("\n")) + "</p>"


def body_blocks(body: str, subheads: tuple[Subhead, ...]) -> Iterator[str]:
    """Body paragraphs with each subhead placed before the paragraph at its offset.

    Paragraphs are separated by a blank line ("\\n\\n") and ``Subhead.offset`` is where the
    section's first paragraph begins in ``body``; a subhead whose offset falls inside a
    paragraph goes before the next one, one past the end goes after the last paragraph.
    """
    pending = sorted(subheads, key=lambda subhead: subhead.offset)
    position = 0
    for paragraph in body.split("\n\n"):
        start = position
        position += len(paragraph) + 2
        while pending and pending[0].offset <= start:
            yield f"<h3>{_e(pending.pop(0).text)}</h3>"
        if paragraph.strip():
            yield _paragraph_html(paragraph.strip("\n"))
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


def article_html(article: Article) -> str:
    """The reader's HTML for one article."""
    blocks: list[str] = []
    title = article.title or "(untitled)"
    # A story without a headline is titled "KICKER: deck"; repeating either would stutter.
    if article.kicker and not title.startswith(article.kicker):
        blocks.append(f'<p class="kicker">{_e(article.kicker.upper())}</p>')
    # Not <h1>: Qt sizes headings itself and ignores a style sheet's font-size for them.
    blocks.append(f'<p class="title">{_e(title)}</p>')
    if article.deck and article.deck not in title:
        blocks.append(f'<p class="deck">{_e(article.deck)}</p>')
    if article.byline:
        blocks.append(f'<p class="byline">{_e(article.byline)}</p>')
    blocks.extend(body_blocks(article.body, article.subheads))
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
