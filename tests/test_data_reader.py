"""The data reader (``zjopen.lexicon.load``) reads each data file as
``importlib.resources`` reads it, and falls back on it where the folder is not there."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from zjopen.lexicon import load


def _data_files() -> list[str]:
    root = resources.files("zjopen").joinpath("data")
    found: list[str] = []

    def walk(folder: object, prefix: str) -> None:
        for item in sorted(folder.iterdir(), key=lambda i: i.name):  # type: ignore[attr-defined]
            if item.is_dir():
                walk(item, f"{prefix}{item.name}/")
            else:
                found.append(prefix + item.name)

    walk(root, "")
    return found


@pytest.mark.parametrize("name", _data_files())
def test_each_data_file_reads_as_importlib_resources_reads_it(name: str) -> None:
    expected = resources.files("zjopen").joinpath("data", *name.split("/"))
    assert load.data_bytes(name) == expected.read_bytes()
    try:
        text = expected.read_text("utf-8")
    except UnicodeDecodeError:
        return
    assert load.read_data(name) == text


def test_line_ends_are_read_as_text_mode_reads_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mixed.txt").write_bytes(b"a\r\nb\rc\nd\r\r\n\xc3\xa9")
    monkeypatch.setattr(load, "_DATA", str(tmp_path))
    assert load.read_data("mixed.txt") == (tmp_path / "mixed.txt").read_text("utf-8")


def test_without_the_folder_importlib_resources_reads_the_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "_DATA", str(tmp_path / "gone"))
    load.load_json.cache_clear()
    assert load.load_json("units.json")["units"][0]["code"] == "CNY"
    load.load_json.cache_clear()
    with pytest.raises(FileNotFoundError):
        load.read_data("no-such-file.json")


_COUNT_READS = """
import collections, sys
import zjopen.lexicon.load as load
reads = collections.Counter()
read_data = load.read_data
def counted(name):
    reads[name] += 1
    return read_data(name)
load.read_data = counted
import zjopen
zjopen.parse(sys.stdin.read())
print(sorted(name for name, n in reads.items() if n > 1))
print(len(reads))
"""


def test_each_data_file_is_read_once_per_process() -> None:
    # a page with a photo credit, a byline and a dateline: the cleaner's and the metadata
    # reader's tables (furniture.json, sources.json) and every extractor's are needed
    page = ("Ningbo port sets record\nBy Li Wen | Updated: 2024-01-05\n"
            "NINGBO, Jan 5 (Xinhua) -- Ships at the port. (Xinhua/Huang Zongzhi)\n"
            "Zhejiang's exports rose 5 percent to 300 billion yuan in 2023, "
            "Geely Holding Group said at the Yiwu International Trade Market.")
    done = subprocess.run([sys.executable, "-c", _COUNT_READS], input=page,
                          capture_output=True, text=True, check=True)
    twice, files = done.stdout.splitlines()
    assert twice == "[]"
    assert int(files) >= 8  # (the tables were read at all)
