"""Damaged files of every format: each one is read or refused with a clean one-line reason.

The mutants come from tests/mutations.py: numbered, deterministic, the first of the numbers
the fuzz benchmark (benchmarks/fuzz_readers.py) runs by the tens of thousands. Each is read
the way the import reads a file (sniffing, the reader, segmentation, extraction, hashing),
and must either give articles fit to store or raise ReadError with a reason a person can
read; nothing else may come out, and nothing may take long (a hang guard, not a speed test).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.content_hash import content_hash
from briefing.domain import ParsedArticle
from briefing.extract.facts import extract_facts
from briefing.ingest.pipeline import run_import
from briefing.ingest.readers import INTERNAL_ERROR, ReadError
from briefing.store import Store
from tests.mutations import (
    TIME_LIMIT_SECONDS,
    Mutant,
    Seed,
    check_outcome,
    formats,
    mutant,
    read_like_import,
    read_mutant,
    reason_problem,
    seeds,
)

# Mutants 0 .. SUBSET-1: sixteen of each seed (mutant n is made from seed n mod the number
# of seeds), 288 files, read in a few seconds.
PER_SEED = 16
SUBSET = PER_SEED * len(seeds())
# Past this the test is stopped, so that a real hang fails the suite instead of holding it.
_HARD_STOP_SECONDS = 60.0

# Mutants of the subset left to the benchmark: linear now, but seconds each (their entity
# extraction was quadratic; see the regression tests at the end).
LEFT_TO_THE_BENCHMARK = {
    19: "a line repeated 20,000 times: a 2.4 MB article, about 5 s to extract",
    73: "a megabyte of repeated words: about 2 s to extract",
}


class Hang(BaseException):
    """Raised in the reading by the hang guard. A BaseException, so that no reader's
    catch-all (read_bytes turns any Exception into a ReadError) can take it for a bad file."""


@contextlib.contextmanager
def _hang_guard(label: str, seconds: float = _HARD_STOP_SECONDS) -> Iterator[None]:
    """Fail (instead of waiting forever) when reading one file does not end."""
    if sys.platform == "win32":  # no SIGALRM: the measured time still catches slowness
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Hang(f"{label}: still reading after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _numbers(fmt: str) -> list[int]:
    pool = seeds()
    chosen = [n for n in range(SUBSET) if pool[n % len(pool)].format == fmt]
    return [n for n in chosen if n not in LEFT_TO_THE_BENCHMARK]


def test_every_seed_is_a_valid_file_of_its_format() -> None:
    """Mutants of a seed that does not read would test nothing."""
    assert set(formats()) >= {
        "text", "markdown", "html", "mhtml", "rss091", "rss1", "rss2", "atom", "csv", "tsv",
        "json", "jsonl", "eml", "mbox", "docx", "pdf", "zip",
    }  # fmt: skip
    for seed in seeds():
        outcome = check_outcome(lambda seed=seed: read_mutant(_unchanged(seed.name, seed.data)))
        assert outcome.status == "ok", (seed.name, outcome.detail)
        assert outcome.articles >= 1


def test_mutants_are_the_same_every_run() -> None:
    first = [mutant(n) for n in (0, 17, 35, 100)]
    again = [mutant(n) for n in (0, 17, 35, 100)]
    assert [(m.name, m.data) for m in first] == [(m.name, m.data) for m in again]
    assert mutant(3).data != mutant(3, master=1).data


@pytest.mark.parametrize("fmt", formats())
def test_damaged_files_are_read_or_refused_with_a_clean_reason(fmt: str, tmp_path: Path) -> None:
    findings: list[str] = []
    for number in _numbers(fmt):
        item = mutant(number)
        path = tmp_path / item.name
        path.write_bytes(item.data)
        with _hang_guard(item.label):
            # A read slower than TIME_LIMIT_SECONDS is a finding too.
            outcome = check_outcome(lambda path=path: read_like_import(path), len(item.data))
        if outcome.status == "crash":
            findings.append(f"{item.label} [{item.operator}]: {outcome.detail}")
        path.unlink()
    assert not findings, "\n\n".join(findings)


@pytest.mark.parametrize("seed", seeds(), ids=lambda seed: seed.name)
def test_any_format_named_txt_is_read_by_what_it_is_or_refused(seed: Seed) -> None:
    """A .txt on another format's bytes: sniffing picks the format's reader, or the file is
    refused with a reason (a PDF or archive is not text); never garbage, never a crash."""
    outcome = check_outcome(lambda: read_mutant(_unchanged("pasted.txt", seed.data)))
    assert outcome.status != "crash", (seed.name, outcome.detail)
    if seed.name.endswith((".html", ".mhtml", ".rss", ".rdf", ".atom", ".json", ".jsonl", ".eml")):
        assert outcome.status == "ok", (seed.name, outcome.detail)


def test_a_mixed_folder_imports_every_good_file_and_names_each_bad_one(
    store: Store, tmp_path: Path
) -> None:
    good = tmp_path / "a-good"
    bad = tmp_path / "b-damaged"
    good.mkdir()
    bad.mkdir()
    for seed in seeds():
        (good / seed.name).write_bytes(seed.data)
    # Two mutants of each seed that are cheap to read (the big ones are covered above).
    damaged: list[Mutant] = []
    number = 0
    while len(damaged) < 2 * len(seeds()):
        item = mutant(number)
        number += 1
        if len(item.data) <= 64 * 1024 and item.name not in {m.name for m in damaged}:
            damaged.append(item)
            (bad / item.name).write_bytes(item.data)

    report = run_import(store, [tmp_path], workers=0)

    good_files = {str(path) for path in good.iterdir()}
    bad_files = {str(path) for path in bad.iterdir()}
    whole_file_failures = [f for f in report.failures if "!" not in f.path]
    assert not [f for f in report.failures if f.path.split("!")[0] in good_files]
    assert {f.path for f in whole_file_failures} <= bad_files
    assert report.files_total == len(good_files) + len(bad_files)
    assert report.files_read + len(whole_file_failures) == report.files_total
    for failure in [*report.failures, *report.skipped]:
        assert not reason_problem(failure.reason), failure
    assert whole_file_failures, "some of the damaged files should have been refused"

    for path in good.iterdir():
        # Every story of every good file is in the store (the seeds tell the same stories in
        # different formats, so many were stored from another file and counted duplicates).
        hashes = {content_hash(article) for article in read_like_import(path)}
        assert store.existing_hashes(sorted(hashes)) == hashes, path.name
    assert store.count_articles() == report.imported
    assert store.integrity_ok()
    (run,) = store.import_runs()
    assert run.imported == report.imported
    assert {(f.path, f.reason) for f in store.import_run_failures(run.id)} == {
        (f.path, f.reason) for f in report.failures
    }


def test_a_read_error_is_one_line_whatever_it_is_given() -> None:
    error = ReadError("damaged:\n  Traceback\x00 line\r\nmore \udcff" + "x" * 1000)
    assert "\n" not in str(error) and "\x00" not in str(error)
    assert len(str(error)) <= 240
    str(error).encode("utf-8")  # no lone surrogate left
    assert str(ReadError("")) == "cannot be read"


def test_a_reader_bug_costs_its_file_and_the_import_goes_on(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last-resort catches: a reader (here the CSV one) or extraction raising something
    no one expected fails that file with a reason that says so, and the rest imports."""
    from briefing.ingest import pipeline, tabular_reader

    def broken_read(*args: object) -> list[ParsedArticle]:
        raise TypeError("a bug")

    def broken_facts(extractor: object, article: ParsedArticle) -> object:
        if "Kaliningrad" in article.title:
            raise KeyError("another bug")
        return extract_facts(extractor, article)  # type: ignore[arg-type]

    monkeypatch.setattr(tabular_reader.CsvReader, "read", broken_read)
    monkeypatch.setattr(pipeline, "extract_facts", broken_facts)
    for seed in seeds():
        if seed.format in ("csv", "text", "rss2", "eml"):
            (tmp_path / seed.name).write_bytes(seed.data)
    (tmp_path / "drill.txt").write_bytes(b"Kaliningrad drill\n\nTroops drilled there today.\n")

    report = run_import(store, [tmp_path], workers=0)

    assert {Path(f.path).name: f.reason for f in report.failures} == {
        "export.csv": f"{INTERNAL_ERROR} (TypeError)",
        "drill.txt": INTERNAL_ERROR,
    }
    assert report.imported > 0 and store.integrity_ok()


def test_a_long_run_of_spaces_inside_a_line_is_normalised_in_linear_time() -> None:
    """Fuzz mutant 253 (spaces, then text, on one line): the trailing-space pattern of
    decoding.normalise_text retried from every space of the run, quadratic in its length
    (60,000 spaces: about 8 s; a megabyte: hours)."""
    data = b"Missile test\n\nThe ministry said" + b" " * 60_000 + b"it flew 480 km.\n"
    started = time.perf_counter()
    (article,) = read_mutant(_unchanged("wire.txt", data))
    assert article.body.startswith("The ministry said ")
    assert article.body.endswith(" it flew 480 km.")
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS  # a hang guard, not a speed test


def test_a_long_run_of_date_lines_reads_quickly(tmp_path: Path) -> None:
    """Fuzz mutants 1116, 7290, 37506 (an e-mail), 57415 (a mailbox): segment.py scanned
    forward over every following date line for each date line, quadratic in a run of them
    (20,000: ~10 s). Fixed in segment.py (its _past_meta table)."""
    path = tmp_path / "wire.txt"
    path.write_bytes(
        b"Pentagon tests missile\n\nThe U.S. military tested a missile, the Pentagon said.\n\n"
        + b"19 August 2019\n\n" * 20_000
    )
    started = time.perf_counter()
    with _hang_guard(path.name):
        read_like_import(path)
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS  # a hang guard, not a speed test


def test_a_run_of_dots_in_a_sentence_reads_quickly(tmp_path: Path) -> None:
    """Fuzz mutants 22410, 56935 and one of briefs.md with 50,000 dots (27 s): the sentence-end
    pattern of sentences.py backtracked over a run of dots not followed by a capital,
    quadratic in the run (30,000: ~10 s). Fixed in sentences.py; here through a reader of
    ours that titles a row by its first sentence."""
    path = tmp_path / "export.csv"
    path.write_bytes(b"body\nThe ministry said the missile" + b"." * 30_000 + b"x flew far.\n")
    started = time.perf_counter()
    with _hang_guard(path.name):
        (article,) = read_like_import(path)
    assert article.title.startswith("The ministry said the missile...")
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS  # a hang guard, not a speed test


def test_an_article_with_thousands_of_mentions_is_extracted_quickly(tmp_path: Path) -> None:
    """Fuzz mutants 19, 73 and 36 more: extractor._choose tested each candidate against
    every mention taken so far and _sentence_of each mention against every sentence,
    quadratic in the mentions (16,000 in 180 KB: ~8 s). Fixed in the extractor."""
    path = tmp_path / "wire.txt"
    path.write_bytes(b"NATO met in Brussels. " * 8_000 + b"\n")
    started = time.perf_counter()
    with _hang_guard(path.name):
        read_like_import(path)
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS  # a hang guard, not a speed test


def test_a_sentence_of_thousands_of_weekdays_is_extracted_quickly(tmp_path: Path) -> None:
    """Fuzz mutant 1242: dates._looks_ahead scanned the sentence from its start for each
    weekday in it, quadratic in a long sentence (4,000 weekdays in 160 KB: ~10 s). Fixed in
    the date extraction."""
    path = tmp_path / "wire.txt"
    path.write_bytes(
        b"Talks resume\n21 January 2019\n\nThe ministry said "
        + b"officials will meet again on Tuesday and " * 4_000
        + b"so on.\n"
    )
    started = time.perf_counter()
    with _hang_guard(path.name):
        read_like_import(path)
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS  # a hang guard, not a speed test


def test_an_article_defining_thousands_of_acronyms_is_extracted_quickly(tmp_path: Path) -> None:
    """Fuzz mutants 1783, 4662, 4806: the extractor looked through every candidate and
    token for each parenthesised acronym, quadratic in them (4,000 in 220 KB: ~6 s). Fixed
    in the extractor."""
    path = tmp_path / "wire.txt"
    path.write_bytes(
        b"The ministry said "
        + b"the Intermediate-Range Nuclear Forces (INF) treaty and " * 4_000
        + b"so on.\n"
    )
    started = time.perf_counter()
    with _hang_guard(path.name):
        read_like_import(path)
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS  # a hang guard, not a speed test


def _unchanged(name: str, data: bytes) -> Mutant:
    return Mutant(-1, "seed", name, "none", name, data)
