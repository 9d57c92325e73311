"""ZIP archives of news files: every member in a format Briefing reads is read by its reader.

Members are read in memory, never extracted to disk, and named "archive.zip!folder/a.txt" in
the store and the import report. A member that fails (empty, binary, unsafe) is reported under
that name while the others import: the reader returns a ReadResult whose ``failures`` the
pipeline adds to the report.

Hostile archives are refused before anything is inflated, from the sizes in the central
directory: an archive that would unpack to more than 1 GB, a member larger than one file may
be, or a large member that would inflate more than 100 times (zip bombs). Reading a member also
stops the moment it yields more than it declared, so lying sizes do not help. Member names
with ``..`` or an absolute path are refused (they aim outside any folder they would be
unpacked to; nothing is unpacked here, but such an archive is not an honest one).

One level of nesting is read (a zip of zips, as mail attachments often are); deeper archives
are reported and skipped.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from briefing.domain import FileFailure, ParsedArticle
from briefing.ingest.readers import (
    ReadError,
    ReadOptions,
    ReadResult,
    known_extensions,
    library_message,
    read_bytes,
    register,
)

ZIP_EXTENSIONS = frozenset({".zip"})
MAX_ARCHIVE_BYTES = 1024**3  # all members together, unpacked
MAX_MEMBER_BYTES = 256 * 1024**2  # the same limit as a file on disk (pipeline.MAX_FILE_BYTES)
MAX_RATIO = 100  # uncompressed / compressed, for members over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1024**2  # small members compress freely (a file of spaces is harmless)
MAX_MEMBERS = 100_000
MAX_DEPTH = 1  # archives inside the archive are read; archives inside those are not
_CHUNK = 1024**2

_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(slots=True)
class _Budget:
    """What the whole archive (nested ones included) may still inflate to."""

    # Read when the budget is made, so that the limit can be changed (tests scale it down).
    remaining: int = field(default_factory=lambda: MAX_ARCHIVE_BYTES)


@dataclass(slots=True)
class _Outcome:
    articles: list[ParsedArticle] = field(default_factory=list)
    failures: list[FileFailure] = field(default_factory=list)
    skipped: list[FileFailure] = field(default_factory=list)


class ZipReader:
    name = "ZIP archive"
    extensions = ZIP_EXTENSIONS

    def score(self, path: Path, head: bytes) -> float:
        # By name only: .docx, .xlsx, .odt and .epub are ZIP files too, and are not archives of
        # news files. A .zip that is not one is still ours, to say so.
        return 0.9 if path.suffix.lower() in self.extensions else 0.0

    def read(self, path: Path, data: bytes, options: ReadOptions) -> list[ParsedArticle]:
        outcome = _Outcome()
        _read_archive(str(path), data, options, depth=0, budget=_Budget(), outcome=outcome)
        if not outcome.articles:
            reason = "no article text found in the archive"
            if outcome.failures:
                reason = f"no member could be read ({len(outcome.failures)} failed)"
            raise ReadError(reason, outcome.failures)
        return ReadResult(outcome.articles, outcome.failures, outcome.skipped)


def _read_archive(
    label: str,
    data: bytes,
    options: ReadOptions,
    *,
    depth: int,
    budget: _Budget,
    outcome: _Outcome,
) -> None:
    """Read every member of the archive ``data`` (named ``label``) into ``outcome``; raises
    ReadError when the archive as a whole cannot be read."""
    if not data.strip(b"\x00 \t\r\n"):
        raise ReadError("empty file")
    if not data.startswith(_ZIP_SIGNATURES):
        raise ReadError("not a ZIP archive (damaged, or another kind of file named .zip)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ReadError(f"damaged ZIP archive: {library_message(exc)}") from exc
    except NotImplementedError as exc:  # "zip file version 13.2": damage, or a newer zip
        raise ReadError(f"damaged or unsupported ZIP archive: {library_message(exc)}") from exc
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if not members:
            raise ReadError("empty archive")
        if len(members) > MAX_MEMBERS:
            raise ReadError(
                f"refused: {len(members):,} files in the archive (at most {MAX_MEMBERS:,})"
            )
        declared = sum(info.file_size for info in members)
        if declared > budget.remaining:
            raise ReadError(
                f"refused: the archive would unpack to {_size(declared)}, over the "
                f"{_size(MAX_ARCHIVE_BYTES)} limit (possible zip bomb)"
            )
        extensions = known_extensions()
        for info in members:
            name = f"{label}!{info.filename}"
            problem = _unsafe(info)
            if problem:
                outcome.failures.append(FileFailure(name, problem))
                continue
            if _is_hidden(info.filename):
                continue  # __MACOSX/ resource forks, .DS_Store: like hidden files in folders
            suffix = PurePosixPath(info.filename).suffix.lower()
            if not suffix or suffix not in extensions:
                outcome.skipped.append(FileFailure(name, "not a recognised news file type"))
                continue
            try:
                content = _inflate(archive, info, budget)
                if suffix in ZIP_EXTENSIONS:
                    if depth >= MAX_DEPTH:
                        raise ReadError("an archive inside an archive inside an archive: not read")
                    _read_archive(
                        name, content, options, depth=depth + 1, budget=budget, outcome=outcome
                    )
                    continue
                found = read_bytes(Path(name), content, options)
            except ReadError as exc:
                outcome.failures.extend(exc.parts)
                outcome.failures.append(FileFailure(name, str(exc)))
                continue
            outcome.articles.extend(found)
            if isinstance(found, ReadResult):
                outcome.failures.extend(found.failures)
                outcome.skipped.extend(found.skipped)


def _unsafe(info: zipfile.ZipInfo) -> str:
    """Why a member is refused before it is read ("" when it is not)."""
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts:
        return f"unsafe path in archive: {name}"
    if info.flag_bits & 0x1:
        return "encrypted: a password is needed"
    if info.file_size > MAX_MEMBER_BYTES:
        return (
            f"refused: unpacks to {_size(info.file_size)}, over the "
            f"{_size(MAX_MEMBER_BYTES)} limit for one file"
        )
    if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        return f"refused: would inflate {ratio:,} times its packed size (possible zip bomb)"
    return ""


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """The member's bytes, read in chunks and stopped as soon as it yields more than it
    declared or than the archive's budget allows."""
    limit = min(info.file_size, budget.remaining)
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as member:
            while True:
                chunk = member.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise ReadError(
                        "refused: inflates past its declared size (damaged or hostile archive)"
                    )
                chunks.append(chunk)
    except zipfile.BadZipFile as exc:
        raise ReadError(f"damaged in the archive: {_damage(exc)}") from exc
    except (zlib.error, EOFError) as exc:
        raise ReadError("damaged in the archive: cannot be decompressed") from exc
    except ValueError as exc:  # zipfile's "negative seek value": an offset before the start
        raise ReadError("damaged in the archive: its position in the archive is wrong") from exc
    except NotImplementedError as exc:
        reason = f"packed with a compression method Briefing cannot read ({library_message(exc)})"
        raise ReadError(reason) from exc
    except RuntimeError as exc:  # zipfile's "File is encrypted, password required"
        raise ReadError(f"cannot be unpacked: {library_message(exc)}") from exc
    budget.remaining -= total
    return b"".join(chunks)


def _damage(exc: zipfile.BadZipFile) -> str:
    """What zipfile found wrong with a member, in words (its messages quote the damaged
    bytes of the member's name)."""
    message = str(exc)
    if "differ" in message:
        return "its name in the archive's directory and in its own header differ"
    if "CRC" in message:
        return "its checksum is wrong"
    if "header" in message.lower():
        return "its header is damaged"
    return library_message(exc)


def _is_hidden(name: str) -> bool:
    parts = [part for part in name.split("/") if part not in ("", ".")]
    return any(part.startswith(".") or part == "__MACOSX" for part in parts)


def _size(count: int) -> str:
    if count >= 1024**3:
        return f"{count / 1024**3:.1f} GB"
    if count >= 1024**2:
        return f"{count / 1024**2:.0f} MB"
    return f"{count:,} bytes"


register(ZipReader())
