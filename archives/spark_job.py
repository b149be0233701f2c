"""Annotates an archive of articles on Spark and writes the annotations as Parquet.

Input: JSON lines (one {"id", "text", "lang"?, "date"?} object per line, as the `annotate`
command line's --jsonl reads them) or Parquet with the columns id and text (string or binary)
and optionally lang and date. Output: Parquet with exactly one row per input record (a blank
line of a JSON-lines file is no record):

    id              the record's id as a string (a number or other JSON value as its JSON text;
                    null when the line holds no readable id)
    language        "vi" or "en"
    reference_date  what relative and year-less dates resolved against (YYYY-MM-DD) or null
    entities        array<struct<type, name, mentions: array<struct<start, end, text>>>>
    casualties      array<struct<kind, min, max, group, party, location, source, date,
                    start, end, text, why, cue: struct<start, end, text>,
                    mentions: array<struct<start, end, text>>>>
    timeline        array<struct<value, start, end, text, event: struct<start, end, text>,
                    why>>
    noise           array<struct<start, end, text>>: page furniture left out of the reading
    annotation      the whole annotation as the command line prints it (JSON text, no id)
    error           null, or why the record has no annotation: not UTF-8, not a JSON object,
                    empty or binary text, a bad lang or date (the engine's message). The
                    other columns are then null; the job goes on.

Offsets count Unicode code points of the text, as everywhere in the product (SPEC.md).

Two engines, the same output:
    --engine wheel  (default) the article_annotator package in each Python worker, called from
                    mapInPandas: install the wheel in the executors' Python (see README).
    --engine pipe   the `annotate` binary as an RDD.pipe stage (--annotate-bin, on every
                    node), for clusters where no wheel can be installed.

Usage:
    spark-submit [--master local[2]] archives/spark_job.py INPUT OUTPUT \\
        [--format jsonl|parquet] [--engine wheel|pipe] [--annotate-bin PATH] [--partitions N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
from typing import Iterator, Optional

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

SPAN = T.StructType([T.StructField("start", T.LongType()), T.StructField("end", T.LongType()), T.StructField("text", T.StringType())])

OUTPUT = T.StructType(
    [
        T.StructField("id", T.StringType()),
        T.StructField("language", T.StringType()),
        T.StructField("reference_date", T.StringType()),
        T.StructField(
            "entities",
            T.ArrayType(T.StructType([T.StructField("type", T.StringType()), T.StructField("name", T.StringType()), T.StructField("mentions", T.ArrayType(SPAN))])),
        ),
        T.StructField(
            "casualties",
            T.ArrayType(
                T.StructType(
                    [T.StructField(k, T.StringType()) for k in ("kind",)]
                    + [T.StructField(k, T.LongType()) for k in ("min", "max")]
                    + [T.StructField(k, T.StringType()) for k in ("group", "party", "location", "source", "date")]
                    + [T.StructField("start", T.LongType()), T.StructField("end", T.LongType()), T.StructField("text", T.StringType())]
                    + [T.StructField("why", T.StringType()), T.StructField("cue", SPAN), T.StructField("mentions", T.ArrayType(SPAN))]
                )
            ),
        ),
        T.StructField(
            "timeline",
            T.ArrayType(
                T.StructType(
                    [
                        T.StructField("value", T.StringType()),
                        T.StructField("start", T.LongType()),
                        T.StructField("end", T.LongType()),
                        T.StructField("text", T.StringType()),
                        T.StructField("event", SPAN),
                        T.StructField("why", T.StringType()),
                    ]
                )
            ),
        ),
        T.StructField("noise", T.ArrayType(SPAN)),
        T.StructField("annotation", T.StringType()),
        T.StructField("error", T.StringType()),
    ]
)

PARTS = ("language", "reference_date", "entities", "casualties", "timeline", "noise")


def id_text(value) -> Optional[str]:
    """A record's id as a string column: a string as it is, anything else as its JSON text."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # a numpy scalar from a pandas column
        value = value.item()
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def row(rid, annotation: Optional[str] = None, error: Optional[str] = None, parsed: Optional[dict] = None) -> dict:
    """One output row: the parts of `annotation` (compact JSON text; `parsed` if the caller has
    read it already), or `error`."""
    out = {"id": id_text(rid), "annotation": annotation, "error": error}
    parts = parsed if parsed is not None else json.loads(annotation) if annotation is not None else {}
    for p in PARTS:
        out[p] = parts.get(p)
    return out


NOT_UTF8 = "not UTF-8 text (invalid byte at offset {}); is it a binary file? Save the article as UTF-8 text"


def without_line(msg: str) -> str:
    """The command line's message for a record without the line it names ("line 5: …",
    "line 5 is not UTF-8 …"): a row says which record by its id."""
    return re.sub(r"^line \d+(: | is )", "", msg)


def no_constants(name):
    raise ValueError(f"{name} is not JSON")


def utf8_encodable(v) -> bool:
    """False for a string holding a lone surrogate ("\\ud800" escaped in JSON): no UTF-8."""
    try:
        json.dumps(v, ensure_ascii=False).encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def utf8_record(rec: dict) -> bool:
    """`utf8_encodable` for a whole record without serialising its text, the bulk of it:
    the text is encoded once (in C); the other fields, small, go through JSON."""
    try:
        rec["text"].encode("utf-8")
    except UnicodeEncodeError:
        return False
    return utf8_encodable({k: v for k, v in rec.items() if k != "text"})


def record_of_line(raw: bytes):
    """(record dict, None) for a JSON line, or (None, error row) for a line that is not one.
    Refused as the command line refuses them: bytes that are not UTF-8, a line that is not a
    JSON object (NaN and Infinity are not JSON), a text, lang or date that is not a string,
    a lone surrogate."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        # The id is most likely readable although the text holds a bad byte.
        try:
            rid = json.loads(raw.decode("utf-8", errors="replace")).get("id")
        except (ValueError, AttributeError):
            rid = None
        return None, row(rid if utf8_encodable(rid) else None, error=NOT_UTF8.format(e.start))
    try:
        rec = json.loads(line, parse_constant=no_constants)
    except ValueError as e:
        # Its id, if the line is JSON but for NaN or Infinity.
        try:
            rid = json.loads(line, parse_constant=lambda _: None).get("id")
        except (ValueError, AttributeError):
            rid = None
        return None, row(rid if utf8_encodable(rid) else None, error=f'not a {{"id","text"}} object: {e}')
    if not isinstance(rec, dict):
        return None, row(None, error='not a {"id","text"} object')
    rid = rec.get("id") if utf8_encodable(rec.get("id")) else None
    if not isinstance(rec.get("text"), str):
        return None, row(rid, error='not a {"id","text"} object: "text" must be a string')
    for k in ("lang", "date"):
        if rec.get(k) is not None and not isinstance(rec[k], str):
            return None, row(rid, error=f'not a {{"id","text"}} object: "{k}" must be a string')
    if not utf8_record(rec):
        return None, row(rid, error='not a {"id","text"} object: a lone surrogate is no text')
    return rec, None


def record_of_columns(rid, text, lang, date):
    """The same for a Parquet row, whose text may be binary."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            return None, row(rid, error=NOT_UTF8.format(e.start))
    if text is None:
        return None, row(rid, error="the record has no text")
    return {"id": rid, "text": text, "lang": lang, "date": date}, None


def records(batch) -> Iterator[tuple]:
    """(record, error row) for each input row of a pandas batch, in order."""
    if "raw" in batch.columns:
        for raw in batch["raw"]:
            yield record_of_line(bytes(raw))
    else:
        cols = [batch[c] if c in batch.columns else [None] * len(batch) for c in ("id", "text", "lang", "date")]
        for rid, text, lang, date in zip(*cols):
            yield record_of_columns(rid, text, none_if_nan(lang), none_if_nan(date))


def none_if_nan(v):
    return None if v is None or (isinstance(v, float) and v != v) else v


def annotate_batches(batches):
    """mapInPandas: each record annotated by the article_annotator package in this worker."""
    import pandas as pd

    import article_annotator as aa

    for batch in batches:
        out = []
        for rec, bad in records(batch):
            if bad is not None:
                out.append(bad)
                continue
            try:
                out.append(row(rec.get("id"), aa.annotate_json(rec["text"], rec.get("lang"), rec.get("date"))))
            except ValueError as e:
                out.append(row(rec.get("id"), error=str(e)))
        yield pd.DataFrame(out, columns=OUTPUT.fieldNames())


def read_input(spark: SparkSession, path: str, fmt: str) -> DataFrame:
    """The records: JSON lines as raw bytes per line (so that a line that is not UTF-8 is
    reported, not silently repaired), or the Parquet columns."""
    if fmt == "jsonl":
        # (A line of spaces or tabs only is no record, as for the command line.)
        lines = spark.read.text(path).select(F.col("value").cast("binary").alias("raw"))
        return lines.where(F.col("raw").cast("string").rlike(r"\S"))
    df = spark.read.parquet(path)
    missing = {"id", "text"} - set(df.columns)
    if missing:
        raise SystemExit(f"{path}: no column {', '.join(sorted(missing))} (need id and text; lang and date are optional)")
    types = dict(df.dtypes)
    cols = [F.col("id") if types["id"] == "string" else F.col("id").cast("string").alias("id"), F.col("text")]
    if "lang" in types:
        cols.append(F.col("lang").cast("string").alias("lang"))
    if "date" in types:
        # A date or timestamp column is the day it holds.
        is_time = types["date"] == "date" or types["date"].startswith("timestamp")
        cols.append(F.date_format("date", "yyyy-MM-dd").alias("date") if is_time else F.col("date").cast("string").alias("date"))
    return df.select(*cols)


def with_wheel(df: DataFrame) -> DataFrame:
    return df.mapInPandas(annotate_batches, OUTPUT)


def with_pipe(df: DataFrame, binary: str) -> DataFrame:
    """The `annotate --jsonl` binary as an RDD.pipe stage: records that are already errors
    (not UTF-8, not JSON) are rows at once, the others go through the binary one line each,
    and its answer lines (one per line, in order) become rows."""

    def to_lines(rows):
        for r in rows:
            if "raw" in r:
                rec, bad = record_of_line(bytes(r["raw"]))
            else:
                rec, bad = record_of_columns(r["id"], r["text"], r["lang"] if "lang" in r else None, r["date"] if "date" in r else None)
            if bad is not None:
                yield "E" + json.dumps(bad, ensure_ascii=False)
            else:
                rec = {k: v for k, v in rec.items() if v is not None or k == "id"}
                yield json.dumps(rec)

    def from_answers(lines):
        for line in lines:
            if line.startswith("E"):
                yield json.loads(line[1:])
                continue
            a = json.loads(line)
            rid = a.pop("id", None)
            if "error" in a:
                # The binary names the line within its own input; the row says which record.
                yield row(rid, error=without_line(a["error"]))
            else:
                yield row(rid, json.dumps(a, ensure_ascii=False, separators=(",", ":"), sort_keys=True), parsed=a)

    # The two passes below (errors, answers) read these lines: kept, so that each record is
    # parsed and checked once (the input itself is persisted by `main`).
    rdd = df.rdd.map(lambda r: r.asDict()).mapPartitions(to_lines).persist(StorageLevel.MEMORY_AND_DISK)
    # Error rows bypass the binary; the rest goes through it, partition by partition.
    errors = rdd.filter(lambda l: l.startswith("E"))
    # (The binary exits 1 when a record was refused: that is an error row, not a failure. A
    # binary that dies is caught by the row count in `main`.) Spark runs it with an empty
    # environment unless told: it gets this one's PATH.
    answers = rdd.filter(lambda l: not l.startswith("E")).pipe(binary, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")}, checkCode=False)
    return errors.union(answers).mapPartitions(from_answers).toDF(OUTPUT)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--format", choices=["jsonl", "parquet"], help="default: from the input's name (.parquet, else jsonl)")
    ap.add_argument("--engine", choices=["wheel", "pipe"], default="wheel")
    ap.add_argument("--annotate-bin", default="annotate", help="the command line for --engine pipe (on every node)")
    ap.add_argument("--partitions", type=int, help="repartition the input into N tasks first")
    ap.add_argument("--master", help="e.g. local[2]; default: what spark-submit says")
    args = ap.parse_args(argv)
    fmt = args.format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl")
    builder = SparkSession.builder.appName("article-annotator")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    # The workers unpickle this module's functions by name: ship it to them.
    spark.sparkContext.addPyFile(__file__)
    df = read_input(spark, args.input, fmt)
    if args.partitions:
        df = df.repartition(args.partitions)
    df = df.persist(StorageLevel.MEMORY_AND_DISK)
    records = df.count()
    out = with_wheel(df) if args.engine == "wheel" else with_pipe(df, f"{shlex.quote(args.annotate_bin)} --jsonl")
    out.write.mode("overwrite").parquet(args.output)
    df.unpersist()
    counts = spark.read.parquet(args.output).agg(F.count("*").alias("rows"), F.count("error").alias("errors")).first()
    print(f"{args.output}: {counts['rows']} rows, {counts['errors']} with an error", file=sys.stderr)
    spark.stop()
    if counts["rows"] != records:
        # Nothing is dropped silently: a binary that died mid-partition, say.
        print(f"{args.output}: {records} records in, {counts['rows']} rows out", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
