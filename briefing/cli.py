"""``briefing``: the command line (import, list, show, search, runs, info, export-json).

Exit status: 0 on success, 1 when some inputs failed (each named) or the store cannot be
used, 2 on usage errors (including a search query that cannot be understood).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from briefing import __version__
from briefing.config import ENV_DB, resolve_store_location
from briefing.domain import (
    Article,
    ArticleQuery,
    ArticleRow,
    BriefingError,
    EntityType,
    ImportReport,
    QuerySyntaxError,
    SortKey,
)
from briefing.ingest.pipeline import ImportProgress, run_import
from briefing.ingest.readers import ReadOptions
from briefing.ingest.segmentation import Segmentation
from briefing.store import Store

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    pass


def _date_argument(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def build_parser() -> argparse.ArgumentParser:
    db_help = (
        f"the store: a file path or an SQLAlchemy sqlite URL (default: ${ENV_DB}, "
        "else the user data folder)"
    )
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS lets --db stand before or after the sub-command without one hiding the other.
    common.add_argument("--db", metavar="PATH_OR_URL", help=db_help, default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Briefing: import news and see who, when and how far.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    imp = sub.add_parser("import", parents=[common], help="import files and folders of news")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument(
        "--source",
        help="source name for every article (default: the one the file names, else its name)",
    )
    imp.add_argument(
        "--date",
        type=_date_argument,
        metavar="YYYY-MM-DD",
        help="publication date for articles whose files carry none",
    )
    imp.add_argument(
        "--split",
        choices=[mode.value for mode in Segmentation],
        default=Segmentation.AUTOMATIC.value,
        help="plain text and Markdown: where articles start (auto: read the file's cues; "
        "file: one article per file; blank: at every blank line; headline: only at headline "
        "and KICKER: lines)",
    )
    imp.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")

    lst = sub.add_parser("list", parents=[common], help="list articles")
    lst.add_argument("--sort", choices=[k.value for k in SortKey], default=SortKey.DATE.value)
    lst.add_argument("--ascending", action="store_true", help="oldest / A first")
    lst.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
    lst.add_argument(
        "--entity",
        action="append",
        default=[],
        metavar="NAME",
        help="only articles mentioning this entity (repeatable: all must be mentioned)",
    )

    show = sub.add_parser("show", parents=[common], help="print one article")
    show.add_argument("id", type=int)

    search = sub.add_parser(
        "search",
        parents=[common],
        help='full-text search: words, "phrases", prefix*, AND / OR / NOT',
    )
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
    search.add_argument(
        "--entity",
        action="append",
        default=[],
        metavar="NAME",
        help="only articles mentioning this entity (repeatable)",
    )

    sub.add_parser("runs", parents=[common], help="list import runs")
    undo = sub.add_parser(
        "undo-import", parents=[common], help="remove the articles an import run added"
    )
    undo.add_argument("run_id", type=int, metavar="RUN_ID")

    ents = sub.add_parser("entities", parents=[common], help="entities with article counts")
    ents.add_argument("--type", choices=[t.value for t in EntityType], help="only this type")
    ents.add_argument("--limit", type=int, default=50, help="at most this many (0: all)")

    rng = sub.add_parser("ranges", parents=[common], help="weapon ranges the articles state")
    rng.add_argument("--limit", type=int, default=50, help="at most this many rows (0: all)")

    reext = sub.add_parser(
        "reextract", parents=[common], help="re-run entity extraction over the whole store"
    )
    reext.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    sub.add_parser("info", parents=[common], help="where the store is and what it holds")

    export = sub.add_parser("export-json", parents=[common], help="dump the store as JSON")
    export.add_argument("file", help="output file, or - for standard output")
    # Imported here: briefing.cli_briefings imports this module's conventions (UsageError...).
    from briefing.cli_briefings import add_briefing_commands

    add_briefing_commands(sub, common)
    return parser


def _format_date(row: ArticleRow | Article) -> str:
    return row.published.isoformat() if row.published else "unknown"


def _print_rows(store: Store, ids: Sequence[int], out: TextIO) -> None:
    for start in range(0, len(ids), 1000):
        for row in store.article_rows(ids[start : start + 1000]):
            flag = " [truncated]" if row.truncated else ""
            out.write(f"{row.id:>7}  {_format_date(row):<10}  {row.source[:24]:<24}  ")
            out.write(f"{row.title}{flag}\n")


class _ProgressPrinter:
    """Progress on stderr: a live line on a terminal, a line every few seconds otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._last = 0.0
        self._started = time.monotonic()
        self._dirty = False

    def done(self) -> None:
        if self._dirty:
            self._stream.write("\n")

    def __call__(self, p: ImportProgress) -> None:
        now = time.monotonic()
        interval = 0.2 if self._tty else 5.0
        # Quick imports print only their summary; progress is for the long ones.
        if now - self._started < 1.0 or now - self._last < interval:
            return
        self._last = now
        line = (
            f"importing: {p.files_done}/{p.files_total} files, "
            f"{p.articles_imported} articles, {p.duplicates} duplicates "
            f"({now - self._started:.0f} s)"
        )
        if self._tty:
            self._stream.write("\r" + line.ljust(78))
            self._dirty = True
        else:
            self._stream.write(line + "\n")
        self._stream.flush()


def _print_report(report: ImportReport, out: TextIO, err: TextIO) -> None:
    rate = report.articles_found / report.seconds if report.seconds > 0 else 0.0
    out.write(
        f"Imported {report.imported} articles from {report.files_read} of "
        f"{report.files_total} files: {report.duplicates} duplicates skipped, "
        f"{report.truncated} truncated, {len(report.failures)} failed, "
        f"{len(report.skipped)} skipped "
        f"({report.seconds:.1f} s, {rate:,.0f} articles/s; run {report.run_id}).\n"
    )
    if report.cancelled:
        out.write("The import was cancelled; what was imported before is kept.\n")
    for skipped in report.skipped:
        err.write(f"skipped: {skipped.path}: {skipped.reason}\n")
    for failure in report.failures:
        err.write(f"failed: {failure.path}: {failure.reason}\n")


def _show_article(article: Article, out: TextIO) -> None:
    out.write(f"{article.title}\n{'=' * min(len(article.title), 78)}\n")
    if article.kicker:
        out.write(f"Kicker: {article.kicker}\n")
    if article.deck:
        out.write(f"Deck: {article.deck}\n")
    if article.byline:
        out.write(f"Byline: {article.byline}\n")
    out.write(f"Source: {article.source}\n")
    out.write(f"Published: {_format_date(article)} ({article.date_source})\n")
    out.write(f"Origin: {article.origin_file}, article {article.origin_position + 1}")
    out.write(f" (line {article.origin_line})\n" if article.origin_line else "\n")
    if article.truncated:
        out.write("Note: the story is cut off in its file.\n")
    out.write("\n")
    subheads = {s.offset: s.text for s in article.subheads}
    offset = 0
    for paragraph in article.body.split("\n\n"):
        if offset in subheads:
            out.write(f"## {subheads[offset]}\n\n")
        out.write(textwrap.fill(paragraph, width=78) + "\n\n")
        offset += len(paragraph) + 2


def _entity_ids(store: Store, names: Sequence[str]) -> tuple[int, ...]:
    ids = []
    for name in names:
        found = store.find_entities(name)
        if not found:
            raise UsageError(f"no entity called {name!r} (see `briefing entities`)")
        ids.append(found[0].id)
    return tuple(ids)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    location = resolve_store_location(getattr(args, "db", None))
    with Store.open(location) as store:
        command = args.command
        if command == "import":
            progress = None if args.quiet else _ProgressPrinter(err)
            report = run_import(
                store,
                args.paths,
                source=args.source,
                default_date=args.date,
                progress=progress,
                read_options=ReadOptions(segmentation=Segmentation(args.split)),
            )
            if progress is not None:
                progress.done()
            _print_report(report, out, err)
            return EXIT_FAILED if report.failures else EXIT_OK
        if command == "list":
            query = ArticleQuery(
                sort=SortKey(args.sort),
                descending=not args.ascending,
                entities=_entity_ids(store, args.entity),
            )
            ids = store.query_article_ids(query)
            _print_rows(store, ids[: args.limit] if args.limit else ids, out)
            return EXIT_OK
        if command == "search":
            try:
                ids = store.query_article_ids(
                    ArticleQuery(
                        search=" ".join(args.query), entities=_entity_ids(store, args.entity)
                    )
                )
            except QuerySyntaxError as exc:
                raise UsageError(f"search: {exc}") from exc
            _print_rows(store, ids[: args.limit] if args.limit else ids, out)
            matches = "1 article matches" if len(ids) == 1 else f"{len(ids)} articles match"
            err.write(f"{matches}\n")
            return EXIT_OK
        if command == "show":
            article = store.get_article(args.id)
            if article is None:
                err.write(f"briefing: no article with id {args.id}\n")
                return EXIT_FAILED
            _show_article(article, out)
            return EXIT_OK
        if command == "undo-import":
            removed = store.undo_import(args.run_id)
            out.write(f"Removed {removed} articles added by import run {args.run_id}.\n")
            return EXIT_OK
        if command == "runs":
            for run in store.import_runs():
                state = "cancelled" if run.cancelled else ("done" if run.finished_at else "open")
                if run.undone_at is not None:
                    state = "undone"
                out.write(
                    f"{run.id:>5}  {run.started_at:%Y-%m-%d %H:%M}  {state:<9} "
                    f"{len(run.files)} files, {run.imported} imported, "
                    f"{run.duplicates} duplicates, {run.failed} failed\n"
                )
            return EXIT_OK
        if command == "entities":
            counts = store.entity_counts(ArticleQuery())
            if args.type:
                counts = [c for c in counts if c.type == args.type]
            for count in counts[: args.limit] if args.limit else counts:
                out.write(f"{count.articles:>7}  {count.type:<7} {count.name}\n")
            return EXIT_OK
        if command == "ranges":
            rows = store.range_rows(None)
            for row in rows[: args.limit] if args.limit else rows:
                reference = f"{row.reference_km:,.0f} km" if row.reference_km else "no reference"
                out.write(
                    f"{row.name} ({row.origin or '?'}, {row.weapon_class or '?'}; "
                    f"reference {reference})\n"
                )
                for stated in row.stated:
                    low = f"{stated.min_km:,.0f}" if stated.min_km is not None else ""
                    high = f"{stated.max_km:,.0f}" if stated.max_km is not None else ""
                    figure = f"{low}–{high}" if low and high and low != high else (low or high)
                    flag = "  ! differs from reference" if stated.differs else ""
                    via = f" (via {stated.via})" if stated.via else ""
                    out.write(
                        f"    {stated.qualifier} {figure} km in {stated.articles} "
                        f"article(s){via}{flag}\n"
                    )
            return EXIT_OK
        if command == "reextract":
            from briefing.extract.reextract import ReextractProgress, run_reextract

            started = time.monotonic()

            def report_progress(p: ReextractProgress) -> None:
                if not args.quiet:
                    err.write(f"re-extracted {p.done}/{p.total} articles\n")

            done = run_reextract(store, progress=report_progress)
            out.write(f"Re-extracted {done} articles in {time.monotonic() - started:.1f} s.\n")
            return EXIT_OK
        if command == "info":
            out.write(f"store: {store.display_name}\nschema: {store.schema_revision()}\n")
            out.write(f"articles: {store.count_articles()}\n")
            return EXIT_OK
        if command == "export-json":
            from briefing.export.json_export import write_json_export

            if args.file == "-":
                count = write_json_export(store, out)
            else:
                with open(args.file, "w", encoding="utf-8") as handle:
                    count = write_json_export(store, handle)
            err.write(f"exported {count} articles\n")
            return EXIT_OK
        from briefing.cli_briefings import BRIEFING_COMMANDS, run_briefing_command

        if command in BRIEFING_COMMANDS:
            return run_briefing_command(store, args, out, err)
    raise UsageError(f"unknown command {args.command}")


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage message
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _run(args, out, err)
    except UsageError as exc:
        err.write(f"briefing: {exc}\n")
        return EXIT_USAGE
    except BriefingError as exc:
        err.write(f"briefing: error: {exc}\n")
        return EXIT_FAILED
    except BrokenPipeError:
        # `briefing list | head` closed the pipe: that is the reader's choice, not an error.
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        # (Caught before OSError, of which it is a subclass.)
        if out is sys.stdout:
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        err.write(f"briefing: error: {exc}\n")
        return EXIT_FAILED
    except KeyboardInterrupt:
        err.write("briefing: interrupted\n")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
