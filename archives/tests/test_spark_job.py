"""The Spark job as a data team runs it, in local[2] mode: JSON lines and Parquet in, Parquet
out, one row per record, bad records as error rows, and the same annotations as the `annotate`
command line's --jsonl on the same records, with the package (mapInPandas) and with the
binary (RDD.pipe).

Real articles come from ../shared/eval-dev (skipped with a message when it is absent); the
other texts are written for this test."""
import json
import os
import pathlib
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "archives"))
# The workers run this Python, where the package is installed.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
import spark_job  # noqa: E402

CLI = ROOT / "target" / "release" / "annotate"
DEV = ROOT.parent / "shared" / "eval-dev" / "articles"

STORM = "Storm floods coastal towns\n\nFloodwater swept through three districts of Manila on Thursday, killing seven people and injuring 23, the Red Cross said."
VI = "Hà Nội hôm qua mưa lớn, 2 người bị thương khi cây đổ trên phố Tràng Tiền."
# No punctuation and no names, 20 MB: a big record that must neither stop the job nor be lost.
BIG = ("the river rose over the fields and the people of the valley waited for the water to fall again " * 210_600)[:20_000_000]


def dev_articles(n):
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is absent: the development set lives beside the repository in ../shared")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.txt"))[:n]]


def jsonl_records():
    """The input file's lines: real articles, written ones and every kind of bad record."""
    good = [json.dumps({"id": i, "text": t}, ensure_ascii=False).encode() for i, t in dev_articles(12)]
    good += [
        json.dumps({"id": 7, "text": STORM, "lang": "en", "date": "2021-03-04"}).encode(),
        json.dumps({"id": "vi-1", "text": VI, "date": "2021-03-04T08:30:00Z"}, ensure_ascii=False).encode(),
        json.dumps({"id": "big", "text": BIG}).encode(),
    ]
    bad = [
        b'{"id":"not-utf8","text":"caf\xe9 au lait"}',
        json.dumps({"id": "empty", "text": ""}).encode(),
        json.dumps({"id": "binary", "text": "\u0000\u0001\u0002\u0003" * 200}).encode(),
        json.dumps({"id": "bad-date", "text": STORM, "date": "yesterday"}).encode(),
        json.dumps({"id": "bad-lang", "text": STORM, "lang": "fr"}).encode(),
        b"not json at all",
        json.dumps({"text": STORM}).encode(),
        b'{"id":"no-text"}',
        b'{"id":"surrogate","text":"a\\ud800b"}',
        b'{"id":"lang-number","text":"Hello there.","lang":5}',
        b'{"id":"nan","text":"Hello there.","score":NaN}',
        json.dumps({"id": "crlf", "text": STORM, "lang": "en"}).encode() + b"\r",
    ]
    return good + bad


# Records whose error comes from the engine: the same message as the command line's.
ENGINE_ERRORS = {"empty", "binary", "bad-date", "bad-lang", "not-utf8"}


def cli_answers(path):
    if not CLI.exists():
        pytest.skip(f"{CLI} not built (cargo build --release -p annotator-cli)")
    with open(path, "rb") as f:
        out = subprocess.run([str(CLI), "--jsonl"], stdin=f, capture_output=True)
    return [json.loads(l) for l in out.stdout.decode("utf-8").split("\n") if l.strip()]


def run_job(src, dst, *extra):
    code = spark_job.main([str(src), str(dst), "--master", "local[2]", "--partitions", "3", *extra])
    assert code == 0
    return pq.read_table(dst).to_pylist()


def plain(v):
    """Parquet's nested values as plain JSON values (arrays become lists)."""
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    d = tmp_path_factory.mktemp("archive")
    lines = jsonl_records()
    # A blank line, or one of spaces and tabs, is no record.
    (d / "in.jsonl").write_bytes(b"\n".join(lines[:5]) + b"\n\n \t\n" + b"\n".join(lines[5:]) + b"\n")
    return d, len(lines), cli_answers(d / "in.jsonl")


@pytest.mark.parametrize("engine", ["wheel", "pipe"])
def test_jsonl_job_equals_the_command_line(archive, engine):
    d, n, cli = archive
    rows = run_job(d / "in.jsonl", d / f"out-{engine}", "--engine", engine, "--annotate-bin", str(CLI))
    assert len(rows) == n == len(cli), "exactly one row per record, none dropped"
    by_id = {}
    for r in rows:
        by_id.setdefault(r["id"], []).append(r)
    for a in map(dict, cli):
        rid = spark_job.id_text(a.pop("id"))
        if rid is None and "error" in a:
            # A line the command line cannot read has no id there (the job may find one:
            # "NaN" in a record is refused, but its id is readable).
            continue
        # The one record without "id" is annotated: the only such row without an error.
        (r,) = [x for x in by_id[rid] if rid is not None or x["error"] is None]
        if "error" in a:
            assert r["error"] is not None and r["annotation"] is None, rid
            if rid in ENGINE_ERRORS:
                assert r["error"] == spark_job.without_line(a["error"]), rid
            continue
        assert r["error"] is None, (rid, r["error"])
        assert json.loads(r["annotation"]) == a, rid
        for part in spark_job.PARTS:
            assert plain(r[part]) == a[part], (rid, part)
    assert sum(r["error"] is not None for r in rows) == sum("error" in a for a in cli), "the same records refused"
    errors = {r["id"]: r["error"] for r in rows if r["error"]}
    assert "not UTF-8" in errors["not-utf8"] and "empty" in errors["empty"] and "binary" in errors["binary"]
    assert "date" in errors["bad-date"] and "fr" in errors["bad-lang"]
    assert {"no-text", "surrogate", "lang-number", "nan"} <= set(errors), "refused as the command line refuses them"
    assert None in errors, "a line that is no JSON object is a row with no id"
    big = next(r for r in rows if r["id"] == "big")
    assert big["error"] is None and big["language"] == "en"


@pytest.mark.parametrize("engine", ["wheel", "pipe"])
def test_parquet_input_as_archives_store_it(tmp_path, engine):
    """Integer ids (one null), binary text, a date column of dates, no lang column."""
    import datetime

    arts = dev_articles(3)
    texts = [t.encode() for _, t in arts] + [STORM.encode(), "café".encode("latin-1"), None, VI.encode()]
    table = pa.table(
        {
            "id": pa.array(list(range(1, len(arts) + 1)) + [100, 101, 102, None], type=pa.int64()),
            "text": pa.array(texts, type=pa.binary()),
            "date": pa.array([None] * len(arts) + [datetime.date(2021, 3, 4), None, None, datetime.date(2021, 3, 4)], type=pa.date32()),
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    rows = run_job(tmp_path / "in.parquet", tmp_path / "out", "--engine", engine, "--annotate-bin", str(CLI))
    assert len(rows) == table.num_rows
    by_id = {r["id"]: r for r in rows}
    assert "not UTF-8" in by_id["101"]["error"] and by_id["102"]["error"]
    assert by_id["100"]["reference_date"] == "2021-03-04"
    assert {c["kind"]: c["min"] for c in by_id["100"]["casualties"]} == {"killed": 7, "wounded": 23}
    # The same records through the command line.
    records = [{"id": str(k + 1), "text": t} for k, (_, t) in enumerate(arts)] + [{"id": "100", "text": STORM, "date": "2021-03-04"}, {"id": None, "text": VI, "date": "2021-03-04"}]
    src = tmp_path / "same.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    for a in cli_answers(src):
        rid = a.pop("id")
        assert json.loads(by_id[rid]["annotation"]) == a, rid
