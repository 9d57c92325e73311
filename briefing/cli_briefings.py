"""The briefing commands of ``briefing``: new-briefing, export-briefing, briefings,
show-briefing and export-view (registered by :mod:`briefing.cli`, whose conventions they keep:
``--db``, exit status 0/1/2, one-line errors on stderr, never a traceback).

The filters (--search, --entity, --from, --to) mean what the main window's do: the search
box's syntax, every named entity mentioned (AND), and articles published in or mentioning a
date in [from, to].
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from briefing.briefings.caption import describe_query
from briefing.briefings.chart_snapshot import range_snapshot, timeline_snapshot
from briefing.briefings.model import BriefingItem, ChartSnapshot, ItemDraft, ItemKind
from briefing.cli import EXIT_FAILED, EXIT_OK, UsageError, _entity_ids
from briefing.domain import ArticleQuery, BriefingError, QuerySyntaxError, SortKey
from briefing.store import Store

BRIEFING_COMMANDS = frozenset(
    {"new-briefing", "export-briefing", "briefings", "show-briefing", "export-view"}
)
FORMATS = ("pdf", "docx", "html", "md")
PAGE_SIZES = {"a4": "A4", "letter": "Letter"}
DEFAULT_LIMIT = 200
_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_day(value: str, *, option: str, last: bool) -> dt.date:
    """'2019-01-21', or '2019-01' / '2019' meaning that month's or year's first day (or its
    last day when ``last``, for --to); UsageError otherwise."""
    match = _DAY.match(value.strip())
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if month is None:
            return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
        if day is None:
            final = calendar.monthrange(year, month)[1]
            return dt.date(year, month, final if last else 1)
        return dt.date(year, month, day)
    except ValueError:
        raise UsageError(
            f"{option}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        ) from None


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", default="", metavar="QUERY", help="the search box's syntax")
    parser.add_argument(
        "--entity",
        action="append",
        default=[],
        metavar="NAME",
        help="only articles mentioning this entity (repeatable: all must be mentioned)",
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="only articles published in, or mentioning a date in, the range from this day",
    )
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="... up to this day")


def add_briefing_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register the briefing commands on ``briefing``'s sub-command parser."""
    new = sub.add_parser(
        "new-briefing",
        parents=[common],
        help="make a briefing from the articles matching filters",
        description="Make a briefing from the matching articles: an entity table, key dates, "
        "a timeline and a range chart, then the articles oldest first (the newest --limit "
        "of them when more match).",
    )
    new.add_argument("name", metavar="NAME")
    _add_filters(new)
    new.add_argument("--title", default="", help="the document's title (default: NAME)")
    new.add_argument("--author", default="")
    new.add_argument("--marking", default="", help="handling caveat printed on every page")
    new.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most this many articles (default {DEFAULT_LIMIT}; 0: all)",
    )
    new.add_argument("--no-charts", action="store_true", help="leave out the two charts")
    new.add_argument("--replace", action="store_true", help="replace a briefing of that name")

    export = sub.add_parser(
        "export-briefing", parents=[common], help="write a briefing as PDF, Word, HTML or Markdown"
    )
    export.add_argument("name", metavar="NAME")
    export.add_argument(
        "--format", choices=FORMATS, help="default: from the output file's extension"
    )
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    export.add_argument("--page-size", choices=tuple(PAGE_SIZES), default="a4")

    sub.add_parser("briefings", parents=[common], help="list the briefings in the store")
    show = sub.add_parser("show-briefing", parents=[common], help="list a briefing's items")
    show.add_argument("name", metavar="NAME")

    view = sub.add_parser(
        "export-view", parents=[common], help="the articles matching filters as CSV"
    )
    _add_filters(view)
    view.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.csv")


def run_briefing_command(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    command = args.command
    if command == "new-briefing":
        return _new_briefing(store, args, out)
    if command == "export-briefing":
        return _export_briefing(store, args, out, err)
    if command == "briefings":
        return _list_briefings(store, out, err)
    if command == "show-briefing":
        return _show_briefing(store, args.name, out)
    if command == "export-view":
        return _export_view(store, args, out)
    raise UsageError(f"unknown command {command}")


# -- new-briefing -----------------------------------------------------------------------------


def _query(store: Store, args: argparse.Namespace) -> ArticleQuery:
    date_from = parse_day(args.date_from, option="--from", last=False) if args.date_from else None
    date_to = parse_day(args.date_to, option="--to", last=True) if args.date_to else None
    if date_from and date_to and date_to < date_from:
        raise UsageError("--to is before --from")
    return ArticleQuery(
        search=args.search,
        sort=SortKey.DATE,
        descending=True,
        entities=_entity_ids(store, args.entity),
        date_from=date_from,
        date_to=date_to,
    )


def _matching_ids(store: Store, query: ArticleQuery) -> list[int]:
    try:
        return store.query_article_ids(query)
    except QuerySyntaxError as exc:
        raise UsageError(f"--search: {exc}") from exc


def _oldest_first(store: Store, ids: Sequence[int]) -> list[int]:
    """Articles by publication date, oldest first, undated ones last."""
    rows = store.article_rows(ids)
    dated = sorted((r for r in rows if r.published), key=lambda r: (r.published, r.id))
    undated = [r for r in rows if not r.published]
    return [r.id for r in dated + undated]


def _chart_is_empty(chart: ChartSnapshot) -> bool:
    if chart.timeline is not None:
        return not any(b.count for b in chart.timeline.bins)
    return chart.ranges is None or not chart.ranges.systems


def _new_briefing(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    name = " ".join(args.name.split())
    if not name:
        raise UsageError("a briefing needs a name")
    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    existing = store.find_briefing(name)
    if existing is not None and not args.replace:
        raise UsageError(
            f"there is already a briefing called {existing.name!r} (--replace replaces it)"
        )
    query = _query(store, args)
    ids = _matching_ids(store, query)  # newest first: a cap keeps the newest
    chosen = ids[: args.limit] if args.limit else ids
    drafts = [ItemDraft(ItemKind.ENTITY_TABLE), ItemDraft(ItemKind.KEY_DATES)]
    parts = ["an entity table", "key dates"]
    if not args.no_charts:
        caption = describe_query(store, query, count=len(ids))
        for chart, words in (
            (timeline_snapshot(store, query, caption=caption), "a timeline"),
            (range_snapshot(store, query, caption=caption), "a range chart"),
        ):
            if _chart_is_empty(chart):
                continue  # an empty chart tells a reader nothing
            drafts.append(ItemDraft(ItemKind.CHART, chart=chart, caption=chart.caption))
            parts.append(words)
    drafts += [
        ItemDraft(ItemKind.ARTICLE, provenance=provenance)
        for provenance in store.provenance_for(_oldest_first(store, chosen))
    ]
    if existing is not None:
        store.delete_briefing(existing.id)
    info = store.create_briefing(name, title=args.title, author=args.author, marking=args.marking)
    store.add_briefing_items(info.id, drafts)
    out.write(f"{len(ids):,} article{'' if len(ids) == 1 else 's'} matched.\n")
    capped = f" (capped by --limit {args.limit}: the newest)" if len(chosen) < len(ids) else ""
    listed = ", ".join(parts[:-1]) + " and " + parts[-1]
    out.write(
        f"{'Replaced' if existing else 'Made'} briefing {info.name!r}: {listed}, then "
        f"{len(chosen):,} article{'' if len(chosen) == 1 else 's'}{capped}.\n"
    )
    return EXIT_OK


# -- export-briefing --------------------------------------------------------------------------


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    from briefing.export.briefing_export import format_for_path

    fmt = format_for_path(args.output)
    if fmt is None:
        raise UsageError(
            f"cannot tell the format from {args.output.name!r}: give --format ({'|'.join(FORMATS)})"
        )
    return fmt.value


def _briefing_named(store: Store, name: str) -> int:
    info = store.find_briefing(name)
    if info is None:
        raise UsageError(f"no briefing called {name!r} (see `briefing briefings`)")
    return info.id


class _ExportProgress:
    """'exporting: 12/40' on stderr for exports that take a while (a live line on a
    terminal, a line every few seconds otherwise), nothing for quick ones."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._started = time.monotonic()
        self._last = 0.0
        self._dirty = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._started < 1.0 or now - self._last < (0.2 if self._tty else 5.0):
            return
        self._last = now
        line = f"exporting: {done}/{total} items ({now - self._started:.0f} s)"
        self._stream.write("\r" + line.ljust(60) if self._tty else line + "\n")
        self._dirty = self._tty
        self._stream.flush()

    def done(self) -> None:
        if self._dirty:
            self._stream.write("\n")


def _export_briefing(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    fmt = _format_for(args)
    briefing_id = _briefing_named(store, args.name)
    from briefing.briefings.assemble import assemble_document
    from briefing.export.briefing_export import ExportError, export_briefing

    document = assemble_document(store, briefing_id)
    progress = _ExportProgress(err)
    try:
        written = export_briefing(
            document, args.output, fmt, page_size=PAGE_SIZES[args.page_size], progress=progress
        )
    except ExportError as exc:
        # The exporter's own error type: one line, like every other failure here.
        err.write(f"briefing: error: {exc}\n")
        return EXIT_FAILED
    finally:
        progress.done()
    for path in written:
        out.write(f"{path}\n")
    return EXIT_OK


# -- briefings, show-briefing -----------------------------------------------------------------


def _list_briefings(store: Store, out: TextIO, err: TextIO) -> int:
    infos = store.list_briefings()
    if not infos:
        err.write("no briefings yet (see `briefing new-briefing --help`)\n")
        return EXIT_OK
    width = min(max(len(info.name) for info in infos), 40)
    for info in infos:
        modified = f"{info.modified_at:%Y-%m-%d %H:%M}" if info.modified_at else "?"
        items = f"{info.item_count} item{'' if info.item_count == 1 else 's'}"
        out.write(f"{info.name:<{width}}  {items:>10}  modified {modified}\n")
    return EXIT_OK


def _provenance_text(item: BriefingItem, present: set[int]) -> str:
    provenance = item.provenance
    if provenance is None:
        return ""
    where = ", ".join(
        part
        for part in (
            provenance.source,
            provenance.published.isoformat() if provenance.published else "undated",
        )
        if part
    )
    if provenance.article_id is None:
        return f"{provenance.title} ({where})"
    gone = "" if provenance.article_id in present else ", removed from the store"
    return f"{provenance.title} ({where}; article {provenance.article_id}{gone})"


def _one_line(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _item_line(item: BriefingItem, present: set[int]) -> str:
    if item.kind is ItemKind.ARTICLE:
        return f"article: {_provenance_text(item, present)}"
    if item.kind is ItemKind.EXCERPT:
        return f'excerpt: "{_one_line(item.text, 50)}" from {_provenance_text(item, present)}'
    if item.kind is ItemKind.NOTE:
        return f"note: {_one_line(item.text)}"
    if item.kind is ItemKind.CHART:
        title = item.chart.title if item.chart else "chart"
        return f"chart: {title} — {_one_line(item.caption, 60)}"
    limit = item.options.get("limit")
    label = "entity table" if item.kind is ItemKind.ENTITY_TABLE else "key dates"
    return f"{label}" + (f" (top {limit})" if limit else "")


def _show_briefing(store: Store, name: str, out: TextIO) -> int:
    briefing = store.get_briefing(_briefing_named(store, name))
    info = briefing.info
    out.write(f"{info.display_title}\n{'=' * min(len(info.display_title), 78)}\n")
    out.write(f"Name: {info.name}\n")
    if info.author:
        out.write(f"Author: {info.author}\n")
    out.write(f"Date: {info.date.isoformat() if info.date else 'the export date'}\n")
    if info.marking:
        out.write(f"Marking: {info.marking}\n")
    if info.modified_at:
        out.write(f"Modified: {info.modified_at:%Y-%m-%d %H:%M}\n")
    out.write(f"{info.item_count} item{'' if info.item_count == 1 else 's'}:\n")
    present = set(store.briefing_article_ids(info.id))
    for item in briefing.items:
        out.write(f"{item.position + 1:>4}. {_item_line(item, present)}\n")
    return EXIT_OK


# -- export-view ------------------------------------------------------------------------------


def _export_view(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from briefing.export.csv_export import write_articles_csv
    from briefing.export.export_progress import ExportError

    ids = _matching_ids(store, _query(store, args))
    try:
        count = write_articles_csv(store, ids, args.output)
    except ExportError as exc:
        raise BriefingError(str(exc)) from exc
    out.write(f"Exported {count:,} article{'' if count == 1 else 's'} to {args.output}.\n")
    return EXIT_OK
