"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import zjopen

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLE_IDS = [p.stem for p in sorted(EXAMPLES.iterdir()) if p.suffix in {".txt", ".html"}]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zjopen", *args],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )


def test_parse_examples_to_jsonl() -> None:
    result = run("parse", str(EXAMPLES), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == EXAMPLE_IDS
    first = json.loads(lines[0])
    assert first["format"] == "zjopen/1"
    assert first["id"] == "hangzhou-ftz-area"
    assert first["published"] == "2022-08-15"
    assert {"ningbo-port-autumn-2024", "yiwu-market-goes-global"} <= set(ids)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_files_of_one_name_in_several_folders_get_ids_of_their_own(tmp_path: Path,
                                                                   jobs: str) -> None:
    # (a scraped site: an index.html per story's folder)
    text = "Yiwu grows\n\nYiwu's exports rose {}% in 2023."
    for n, folder in enumerate(["2023-05", "2023-06", "2023-07"]):
        (tmp_path / "site" / folder).mkdir(parents=True)
        (tmp_path / "site" / folder / "index.html").write_text(text.format(n + 1),
                                                               encoding="utf-8")
    (tmp_path / "site" / "2023-07" / "index.txt").write_text(text.format(9), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("parse", str(tmp_path / "site"), "-o", str(out), "-q", "--jobs", jobs)
    assert result.returncode == 0, result.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["index", "2023-06-index", "2023-07-index", "index-txt"]
    assert len(zjopen.Corpus.load(out)) == 4  # (it loads back: no two articles share an id)


def test_table_format_is_readable() -> None:
    result = run("parse", str(EXAMPLES / "yiwu-market-goes-global.txt"), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("yiwu-market-goes-global: Yiwu traders widen their reach")
    assert "published: 2023-03-09  source: Xinhua" in result.stdout


def test_json_format_is_one_array(tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    result = run("parse", str(EXAMPLES), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in data] == EXAMPLE_IDS


def test_csv_writes_one_table_per_kind(tmp_path: Path) -> None:
    result = run("parse", str(EXAMPLES), "--format", "csv", "-o", str(tmp_path / "tables"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "articles.csv", "enterprises.csv", "initiatives.csv", "metrics.csv",
        "platforms.csv", "regions.csv"]
    header = (tmp_path / "tables" / "articles.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "article_id,title,published,authors,source,dateline,text"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "the following arguments are required"),
        (("parse",), "the following arguments are required: PATH"),
        (("parse", "x.txt", "--format", "xml"), "invalid choice: 'xml'"),
        (("parse", "x.txt", "--published", "last week"), "not an ISO date"),
        (("parse", str(EXAMPLES), "--format", "csv"), "name a folder with -o"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr


def test_version_and_schema() -> None:
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("zjopen ")
    schema = run("schema")
    assert schema.returncode == 0
    assert json.loads(schema.stdout)["properties"]["format"]["const"] == "zjopen/1"


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "yiwu-market-goes-global.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "nul.txt").write_bytes(b"\x00" * 1000)
    (tmp_path / "zz-good.txt").write_text("Ningbo grows\n\nTrade rose.", encoding="utf-8")
    out = tmp_path / "out" / "articles.jsonl"
    result = run("parse", str(tmp_path), "-o", str(out))
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert f"zjopen: error: {tmp_path / 'empty.txt'}: the file is empty" in errors
    assert (f"zjopen: error: {tmp_path / 'logo.html'}: not a text or HTML article: "
            "it looks like a PNG image") in errors
    assert (f"zjopen: error: {tmp_path / 'nul.txt'}: not a text or HTML article: "
            "it holds only NUL bytes") in errors
    assert errors[-1] == "zjopen: 3 file(s) failed"
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["good", "zz-good"]


def test_oversized_file_gets_a_clear_error(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Ningbo trade rose. " * 2000, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Yiwu grows\n\nTrade rose.", encoding="utf-8")
    result = run("parse", str(tmp_path), "--max-size", "10k")
    assert result.returncode == 1
    assert (f"zjopen: error: {big}: the file has 38,000 bytes, over the limit of 10,240 "
            "(no article is that long; raise the limit with --max-size)") in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["small"]
    assert run("parse", str(big), "--max-size", "1MB").returncode == 0
    assert "not a size" in run("parse", str(big), "--max-size", "lots").stderr


def test_missing_file_is_reported() -> None:
    result = run("parse", "no/such/article.txt")
    assert result.returncode == 1
    assert "zjopen: error: no/such/article.txt: no such file" in result.stderr


def test_published_flag_dates_an_undated_article(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Ningbo grows\n\nTrade rose last year.", encoding="utf-8")
    result = run("parse", str(path), "--published", "2024-05-01")
    assert json.loads(result.stdout)["published"] == "2024-05-01"


def test_interrupted_run_leaves_no_half_file(tmp_path: Path) -> None:
    source = (SEEDS / "beilun-port-and-innovation.txt") if SEEDS.is_dir() else None
    text = source.read_text(encoding="utf-8") if source else "Ningbo trade rose. " * 2000
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(600):
        (folder / f"a{n:03}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "zjopen", "parse", str(folder), "-o", str(out)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    time.sleep(1.5)
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=120)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")]
    assert leftovers == []
    content = out.read_text(encoding="utf-8")
    if code == 0:  # finished before the signal: the file is complete
        assert len(content.splitlines()) == 600
    else:
        assert code == 128 + signal.SIGTERM
        assert content == "old\n"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/corpus/seeds")
def test_seeds_parse_to_five_lines_the_scorer_reads(tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    result = run("parse", str(SEEDS), "--format", "jsonl", "-o", str(out))
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    score = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold",
         str(SHARED / "eval" / "seeds.gold.jsonl"), "--pred", str(out), "--json"],
        capture_output=True, text=True, check=False, env={**os.environ},
    )
    assert score.returncode == 0, score.stderr
    result_json = json.loads(score.stdout)
    assert result_json["articles_missing"] == []
    assert result_json["title_accuracy"] == 1.0
    assert result_json["published_accuracy"] == 1.0


def test_jobs_output_is_identical_to_one_process(tmp_path: Path) -> None:
    source = SEEDS if SEEDS.is_dir() else EXAMPLES
    for n, path in enumerate(sorted(source.iterdir())):
        if path.suffix in {".txt", ".html"}:
            shutil.copy(path, tmp_path / f"{n:02}-{path.name}")
    (tmp_path / "02b-broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    one = run("parse", str(tmp_path), "--jobs", "1", "-q")
    two = run("parse", str(tmp_path), "--jobs", "2", "-q")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stdout.count("\n") == len(list(tmp_path.iterdir())) - 1
    assert one.stderr == two.stderr
    assert "02b-broken.txt: not a text or HTML article" in two.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_written_articles_are_their_dumps(tmp_path: Path, jobs: str) -> None:
    # The CLI writes an article parsed in its own process in pieces (never its whole JSON
    # as one string) and one parsed by a worker as its line: both are what dumps() makes.
    from zjopen import dumps, parse_file

    articles = {p.stem: parse_file(p) for p in sorted(EXAMPLES.iterdir()) if p.suffix == ".txt"}
    one = articles["ningbo-trade-2023"]
    lines = run("parse", str(EXAMPLES), "--jobs", jobs, "-q").stdout.splitlines()
    assert [line for line in lines if '"id": "ningbo' in line] == [
        dumps(a) for name, a in articles.items() if name.startswith("ningbo")]
    path = str(EXAMPLES / "ningbo-trade-2023.txt")
    assert run("parse", path, "--jobs", jobs, "-q").stdout == dumps(one) + "\n"
    assert run("parse", path, "--jobs", jobs, "-q", "--format", "json").stdout == (
        "[\n" + dumps(one, indent=2) + "\n]\n")


def test_jobs_must_be_positive() -> None:
    result = run("parse", str(EXAMPLES), "--jobs", "0")
    assert result.returncode == 2
    assert "not a positive whole number: '0'" in result.stderr


def test_empty_folder_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    done = run("parse", str(tmp_path), "--jobs", "1")
    assert done.returncode == 0
    assert done.stdout == ""
    assert done.stderr == f"zjopen: warning: no article files (.txt, .html, .htm) in {tmp_path}\n"
    quiet = run("parse", str(tmp_path), "--jobs", "1", "-q")
    assert quiet.stderr == ""


_MY_EXTRACTORS = '''
import re
from zjopen import Platform, PlatformKind, Span

WHARF = re.compile(r"\\b[A-Z][a-z]+ Wharf\\b")


def wharves(doc):
    for m in WHARF.finditer(doc.norm):
        yield Platform(name=m.group(), kind=PlatformKind.PORT,
                       mentions=[Span.of(doc.text, m.start(), m.end())])


inline = lambda doc: wharves(doc)
'''


def test_extractor_option_runs_a_users_function_from_the_current_folder(
        tmp_path: Path) -> None:
    (tmp_path / "my_extractors.py").write_text(_MY_EXTRACTORS, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    for n in range(3):
        (news / f"{n}.txt").write_text(
            f"Harbour news\n\nGoods left Jintang Wharf in Zhoushan in 2024, up {n + 1}%.",
            encoding="utf-8")
    # The installed command, not "python -m": its sys.path does not hold the folder.
    command = [str(Path(sys.executable).parent / "zjopen"), "parse", "news", "-q"]

    def parse(*options: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*command, *options], cwd=tmp_path, capture_output=True,
                              text=True, encoding="utf-8", timeout=300, check=False)

    outputs = [parse("--extractor", "my_extractors:wharves", "--jobs", jobs)
               for jobs in ("1", "2")]
    assert [o.returncode for o in outputs] == [0, 0], outputs[0].stderr
    assert outputs[0].stdout == outputs[1].stdout
    platforms = [json.loads(line)["platforms"] for line in outputs[0].stdout.splitlines()]
    assert [[p["name"] for p in found] for found in platforms] == [["Jintang Wharf"]] * 3
    assert [json.loads(line)["platforms"] for line in parse().stdout.splitlines()] == [[]] * 3

    refused = parse("--extractor", "my_extractors:inline", "--jobs", "2")
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "cannot be sent to worker processes" in refused.stderr
    assert "--jobs 1" in refused.stderr
    assert parse("--extractor", "my_extractors:inline", "--jobs", "1").returncode == 0
    for spec, message in [("no_such_module:f", "cannot import 'no_such_module'"),
                          ("my_extractors:nothing", "module 'my_extractors' has no 'nothing'"),
                          ("my_extractors", "not MODULE:FUNCTION"),
                          ("my_extractors:WHARF.pattern",
                           "'my_extractors:WHARF.pattern' is not a function")]:
        bad = parse("--extractor", spec)
        assert bad.returncode == 2, spec
        assert f"argument --extractor: {message}" in bad.stderr, bad.stderr
