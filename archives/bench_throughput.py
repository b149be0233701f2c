"""Throughput on an archive: the development set's articles repeated to SIZE megabytes as JSON
lines, annotated by the command line, the Python package and the Spark job (both engines),
each on 1 and on 2 cores. Prints a Markdown table for BENCHMARKS.md: articles per second, per
second and core, and MB per second.

Usage (from the repository root, in the Spark virtual environment that scripts/test-spark.sh
makes): target/py-spark/bin/python archives/bench_throughput.py [SIZE_MB] [--skip-spark]
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval-dev" / "articles"
CLI = ROOT / "target" / "release" / "annotate"
WORK = ROOT / "target" / "bench-archives"


def corpus(size_mb):
    """The input file, its number of records and its size in bytes."""
    if not DEV.is_dir():
        sys.exit(f"{DEV} is absent: the development set lives beside the repository in ../shared")
    arts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.txt"))]
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"archive-{size_mb}mb.jsonl"
    lines, total, k = [], 0, 0
    while total < size_mb * 1_000_000:
        name, text = arts[k % len(arts)]
        line = json.dumps({"id": f"{name}#{k}", "text": text}, ensure_ascii=False)
        lines.append(line)
        total += len(text.encode())
        k += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, k, total


def timed(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def cli(path, cores):
    """`annotate --jsonl`: one process per core, each on its share of the lines."""
    # (split on "\n" only: a text may hold U+2028, which JSON leaves unescaped)
    lines = [l + "\n" for l in path.read_text(encoding="utf-8").split("\n") if l]
    parts = []
    for c in range(cores):
        p = WORK / f"part{c}.jsonl"
        p.write_text("".join(lines[c::cores]), encoding="utf-8")
        parts.append(p)

    def run():
        procs = [subprocess.Popen([str(CLI), "--jsonl", str(p)], stdout=subprocess.DEVNULL) for p in parts]
        for pr in procs:
            pr.wait()

    return timed(run)


def python(path, cores):
    import article_annotator as aa

    texts = [json.loads(l)["text"] for l in path.read_text(encoding="utf-8").split("\n") if l]
    return timed(lambda: aa.annotate_many(texts, workers=cores, errors="return"))


def spark(path, cores, engine):
    sys.path.insert(0, str(ROOT / "archives"))
    import spark_job

    out = WORK / f"out-{engine}-{cores}"
    shutil.rmtree(out, ignore_errors=True)
    # Four tasks per core: the job's own advice for a balanced run.
    args = [str(path), str(out), "--master", f"local[{cores}]", "--partitions", str(4 * cores), "--engine", engine, "--annotate-bin", str(CLI)]
    return timed(lambda: spark_job.main(args))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    size = int(args[0]) if args else 100
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    path, n, total = corpus(size)
    mb = total / 1e6
    rows = []
    runs = [("command line (`annotate --jsonl`, a process per core)", lambda c: cli(path, c)), ("Python package (`annotate_many`)", lambda c: python(path, c))]
    if "--skip-spark" not in sys.argv:
        runs += [("Spark, package in mapInPandas", lambda c: spark(path, c, "wheel")), ("Spark, CLI as RDD.pipe", lambda c: spark(path, c, "pipe"))]
    for name, fn in runs:
        secs = {c: fn(c) for c in (1, 2)}
        rows.append((name, secs))
        print(f"{name}: {secs}", file=sys.stderr)
    print(f"\n{n:,} articles, {mb:.0f} MB of text (the development set's 62 articles repeated), {os.cpu_count()} cores\n")
    print("| engine | 1 core: articles/s | MB/s | 2 cores: articles/s | per core | MB/s | 1 → 2 cores |")
    print("|---|---|---|---|---|---|---|")
    for name, s in rows:
        a1, a2 = n / s[1], n / s[2]
        print(f"| {name} | {a1:,.0f} | {mb / s[1]:.1f} | {a2:,.0f} | {a2 / 2:,.0f} | {mb / s[2]:.1f} | {s[1] / s[2]:.2f}× |")


if __name__ == "__main__":
    main()
