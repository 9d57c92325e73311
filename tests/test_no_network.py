"""Nothing the app does may reach the network: imports, the CLI and a GUI session run with
every internet socket blocked, and any attempt fails the test."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.cli import main as cli_main
from briefing.paths import sample_files

_INTERNET = {socket.AF_INET, socket.AF_INET6}


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    tried: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded(real):
        def connect(self: socket.socket, address: object) -> object:
            if self.family in _INTERNET:
                tried.append(f"connect {address}")
                raise OSError("network blocked by test")
            return real(self, address)

        return connect

    def no_lookup(*args: object, **kwargs: object) -> object:
        tried.append(f"getaddrinfo {args[:2]}")
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    monkeypatch.setattr(socket, "gethostbyname", no_lookup)
    yield tried


def test_the_guard_itself_works(attempts: list[str]) -> None:
    with pytest.raises(OSError), socket.create_connection(("192.0.2.1", 80), timeout=0.1):
        pass
    assert attempts


def test_cli_import_search_export_touch_no_network(attempts: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "offline.sqlite")
    assert cli_main(["import", *map(str, sample_files()), "--db", db, "-q"]) == 0
    assert cli_main(["search", "treaty", "--db", db]) == 0
    assert cli_main(["export-json", str(tmp_path / "dump.json"), "--db", db]) == 0
    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
