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
    ]
    return good + bad


def cli_answers(path):
    if not CLI.exists():
        pytest.skip(f"{CLI} not built (cargo build --release -p annotator-cli)")
    with open(path, "rb") as f:
        out = subprocess.run([str(CLI), "--jsonl"], stdin=f, capture_output=True)
    return [json.loads(l) for l in out.stdout.decode("utf-8").splitlines()]


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


def without_line(msg):
    """The command line names the line of its own input ("line 5: …"); a row says its id."""
    return msg.split(": ", 1)[1] if msg.startswith("line ") else msg


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    d = tmp_path_factory.mktemp("archive")
    lines = jsonl_records()
    # A blank line is no record.
    (d / "in.jsonl").write_bytes(b"\n".join(lines[:5]) + b"\n\n" + b"\n".join(lines[5:]) + b"\n")
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
        # Two records have no id: a line that is no JSON object, and one without "id".
        (r,) = [x for x in by_id[rid] if rid is not None or (x["error"] is None) == ("error" not in a)]
        if "error" in a:
            assert r["error"] is not None and r["annotation"] is None, rid
            if rid is not None:
                assert r["error"] == without_line(a["error"]), rid
            continue
        assert r["error"] is None, (rid, r["error"])
        assert json.loads(r["annotation"]) == a, rid
        for part in spark_job.PARTS:
            assert plain(r[part]) == a[part], (rid, part)
    errors = {r["id"]: r["error"] for r in rows if r["error"]}
    assert "not UTF-8" in errors["not-utf8"] and "empty" in errors["empty"] and "binary" in errors["binary"]
    assert "date" in errors["bad-date"] and "fr" in errors["bad-lang"]
    assert None in errors, "a line that is no JSON object is a row with no id"
    big = next(r for r in rows if r["id"] == "big")
    assert big["error"] is None and big["language"] == "en"


def test_parquet_input_with_binary_text(tmp_path):
    arts = dev_articles(3)
    table = pa.table(
        {
            "id": pa.array([i for i, _ in arts] + ["storm", "latin1", "none"]),
            "text": pa.array([t.encode() for _, t in arts] + [STORM.encode(), "café".encode("latin-1"), None], type=pa.binary()),
            "lang": pa.array([None] * len(arts) + ["en", None, None]),
            "date": pa.array([None] * len(arts) + ["2021-03-04", None, None]),
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    rows = {r["id"]: r for r in run_job(tmp_path / "in.parquet", tmp_path / "out")}
    assert len(rows) == table.num_rows
    assert "not UTF-8" in rows["latin1"]["error"] and rows["none"]["error"]
    storm = rows["storm"]
    assert storm["reference_date"] == "2021-03-04"
    assert {c["kind"]: c["min"] for c in storm["casualties"]} == {"killed": 7, "wounded": 23}
    for i, t in arts:
        assert rows[i]["error"] is None and rows[i]["entities"], i
