"""Score the automatic plain-text segmenter against the hand-annotated corpus in
benchmarks/segment_eval/ (messy real-world shapes; its README says how it is annotated).

    python benchmarks/eval_segment.py            # overall and per-shape figures
    python benchmarks/eval_segment.py -v         # and every miss, file by file
    python benchmarks/eval_segment.py --speed    # and the segmenter's synthetic throughput
    python benchmarks/eval_segment.py --check    # only check the annotations against the text

Figures:
- count: share of files cut into exactly the annotated number of articles;
- boundaries: an article boundary is right when a predicted article's body starts with the
  annotated first words (precision over predicted articles, recall over annotated ones);
- whole: the matched article also ends with the annotated last words;
- title exact / partial (same words, or one a prefix of the other, or half the words shared);
- kicker, deck, subheads, byline, truncated: agreement on matched articles where annotated;
- leaks: annotated lines ("Advertisement", captions, e-mail headers, teasers ...) found in an
  article's title, kicker, deck, subheads or body, counted once per line and article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.domain import ParsedArticle
from briefing.ingest.decoding import decode_bytes
from briefing.ingest.segment import TITLE_MAX_CHARS, segment_text
from briefing.ingest.sentences import shorten

CORPUS = Path(__file__).parent / "segment_eval"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def norm(text: str) -> str:
    """Compared text: NFC, straight quotes, one kind of dash, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTES).split())


def _words(text: str) -> list[str]:
    return norm(text).split()


@dataclass
class Gold:
    name: str
    text_path: Path
    shapes: list[str]
    articles: list[dict[str, Any]]
    not_in_body: list[str]


@dataclass
class Tally:
    """Counts for one file or summed over many."""

    files: int = 0
    count_right: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    whole: int = 0
    title_exact: int = 0
    title_partial: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    field_total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    leaks: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("files", "count_right", "gold", "predicted", "matched", "whole"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.title_exact += other.title_exact
        self.title_partial += other.title_partial
        self.leaks += other.leaks
        for key, value in other.field_right.items():
            self.field_right[key] += value
        for key, value in other.field_total.items():
            self.field_total[key] += value

    def figures(self) -> dict[str, float | int]:
        def share(part: int, whole: int) -> float:
            return part / whole if whole else 1.0

        result: dict[str, float | int] = {
            "files": self.files,
            "count_accuracy": share(self.count_right, self.files),
            "boundary_precision": share(self.matched, self.predicted),
            "boundary_recall": share(self.matched, self.gold),
            "whole_articles": share(self.whole, self.gold),
            "title_exact": share(self.title_exact, self.gold),
            "title_partial": share(self.title_partial, self.gold),
            "leaks": self.leaks,
        }
        for key in sorted(self.field_total):
            result[key] = share(self.field_right[key], self.field_total[key])
        return result


def load_corpus(corpus: Path = CORPUS) -> list[Gold]:
    golds = []
    for gold_path in sorted(corpus.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        [text_path] = [p for p in corpus.glob(f"{stem}.*") if not p.name.endswith(".gold.json")]
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        golds.append(
            Gold(stem, text_path, data["shapes"], data["articles"], data.get("not_in_body", []))
        )
    return golds


def check_annotations(golds: Iterable[Gold]) -> list[str]:
    """Annotation errors: first/last words or lines to drop that the file does not hold."""
    problems = []
    for gold in golds:
        text = norm(decode_bytes(gold.text_path.read_bytes()))
        wanted = list(gold.not_in_body)
        for article in gold.articles:
            wanted += [*_alternatives(article["first"]), article["last"]]
        problems += [f"{gold.name}: not in the file: {w!r}" for w in wanted if norm(w) not in text]
    return problems


def _alternatives(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _starts_with(body: str, first: str | list[str]) -> bool:
    words = _words(body)
    for option in _alternatives(first):
        expected = _words(option)
        if words[: len(expected)] == expected:
            return True
    return False


def _title_partial(got: str, want: str) -> bool:
    got_n, want_n = norm(got).rstrip("…").strip().lower(), norm(want).lower()
    if not got_n:
        return False
    if want_n.startswith(got_n) or got_n.startswith(want_n):
        return True
    got_words, want_words = set(got_n.split()), set(want_n.split())
    return len(got_words & want_words) >= 0.5 * len(got_words | want_words)


def score_file(gold: Gold) -> Tally:
    text = decode_bytes(gold.text_path.read_bytes())
    return score_articles(gold, segment_text(text, origin_file=gold.name))


def score_articles(gold: Gold, articles: list[ParsedArticle]) -> Tally:
    tally = Tally(files=1, gold=len(gold.articles), predicted=len(articles))
    tally.count_right = int(len(articles) == len(gold.articles))
    if not tally.count_right:
        tally.misses.append(f"count: {len(articles)} articles, want {len(gold.articles)}")
    used: set[int] = set()
    for want in gold.articles:
        match = next(
            (
                index
                for index, got in enumerate(articles)
                if index not in used and _starts_with(got.body, want["first"])
            ),
            None,
        )
        if match is None:
            tally.misses.append(f"boundary missed: {_first_text(want)!r} ({want['title'][:50]!r})")
            continue
        used.add(match)
        tally.matched += 1
        _score_article(articles[match], want, tally)
    for index, got in enumerate(articles):
        if index not in used:
            tally.misses.append(f"extra article: {got.title[:70]!r} (line {got.origin_line})")
    _count_leaks(articles, gold.not_in_body, tally)
    return tally


def _first_text(want: dict[str, Any]) -> str:
    return _alternatives(want["first"])[0]


def _score_article(got: ParsedArticle, want: dict[str, Any], tally: Tally) -> None:
    label = want["title"][:40]
    if norm(got.body).endswith(norm(want["last"])):
        tally.whole += 1
    else:
        tally.misses.append(f"end: {label!r} ends {norm(got.body)[-50:]!r}")
    want_title = shorten(want["title"], TITLE_MAX_CHARS)
    if norm(got.title) == norm(want_title):
        tally.title_exact += 1
    else:
        tally.misses.append(f"title: {got.title[:70]!r}, want {want_title[:70]!r}")
    tally.title_partial += _title_partial(got.title, want["title"])
    checks = {
        "kicker": (norm(got.kicker), norm(want.get("kicker", ""))),
        "deck": (norm(got.deck), norm(want.get("deck", ""))),
        "truncated": (got.truncated, bool(want.get("truncated", False))),
    }
    subheads = want.get("subheads", [])
    if subheads is not None:
        checks["subheads"] = ([norm(s.text) for s in got.subheads], [norm(s) for s in subheads])
    if "byline" in want:
        checks["byline"] = (norm(got.byline), norm(want["byline"]))
    for key, (got_value, want_value) in checks.items():
        tally.field_total[key] += 1
        if got_value == want_value:
            tally.field_right[key] += 1
        else:
            tally.misses.append(f"{key}: {label!r} got {got_value!r}, want {want_value!r}")


def _count_leaks(articles: list[ParsedArticle], forbidden: list[str], tally: Tally) -> None:
    for article in articles:
        fields = [article.title, article.kicker, article.deck, article.body]
        fields += [subhead.text for subhead in article.subheads]
        text = norm("\n".join(fields))
        for line in forbidden:
            if norm(line) in text:
                tally.leaks += 1
                tally.misses.append(f"leak: {line!r} in {article.title[:40]!r}")


def synthetic_speed(rounds: int = 5) -> float:
    """Articles/s of segment_text alone on the test suite's synthetic wire copy (best run)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.test_segment import synthetic_wire_copy

    text = synthetic_wire_copy(3000)
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        count = len(segment_text(text))
        best = min(best, time.perf_counter() - started)
    return count / best


def _print_table(rows: list[tuple[str, dict[str, float | int]]]) -> None:
    columns = [
        ("files", "files"),
        ("count", "count_accuracy"),
        ("bnd P", "boundary_precision"),
        ("bnd R", "boundary_recall"),
        ("whole", "whole_articles"),
        ("title=", "title_exact"),
        ("title~", "title_partial"),
        ("leaks", "leaks"),
    ]
    print(f"{'shape':<24}" + "".join(f"{head:>8}" for head, _ in columns))
    for name, figures in rows:
        cells = []
        for _, key in columns:
            value = figures[key]
            cells.append(f"{value:>8d}" if isinstance(value, int) else f"{value:>8.2f}")
        print(f"{name:<24}" + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--speed", action="store_true", help="time the synthetic file too")
    parser.add_argument("--check", action="store_true", help="only check the annotations")
    parser.add_argument("--json", action="store_true", help="print the overall figures as JSON")
    args = parser.parse_args(argv)
    golds = load_corpus()
    problems = check_annotations(golds)
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.check or problems:
        return 1 if problems else 0
    total = Tally()
    by_shape: dict[str, Tally] = defaultdict(Tally)
    for gold in golds:
        tally = score_file(gold)
        total.add(tally)
        for shape in gold.shapes:
            by_shape[shape].add(tally)
        if args.verbose and tally.misses:
            print(f"== {gold.name}")
            for miss in tally.misses:
                print(f"   {miss}")
    overall = total.figures()
    if args.json:
        print(json.dumps(overall, indent=1))
        return 0
    print(f"{len(golds)} files, {total.gold} annotated articles, {total.predicted} predicted\n")
    rows = [(shape, by_shape[shape].figures()) for shape in sorted(by_shape)]
    _print_table([*rows, ("ALL", overall)])
    print()
    for key in ("kicker", "deck", "subheads", "byline", "truncated"):
        right, all_ = total.field_right[key], total.field_total[key]
        print(f"{key:<10} {right}/{all_} = {overall.get(key, 1.0):.2f}")
    if args.speed:
        print(f"\nsegmenter alone, synthetic wire copy: {synthetic_speed():,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
