"""The data reader (``zjopen.lexicon.load``) reads each data file as
``importlib.resources`` reads it, and falls back on it where the folder is not there."""

from __future__ import annotations

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
    assert load.load_json("units.json")["units"][0]["code"] == "CNY"
    with pytest.raises(FileNotFoundError):
        load.read_data("no-such-file.json")
