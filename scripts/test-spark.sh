#!/usr/bin/env bash
# The Spark job's tests (archives/tests): PySpark from PyPI in a virtual environment of its own
# (target/py-spark, pinned by archives/requirements-spark.txt), the package's wheel installed
# into it, Spark in local[2] mode. Needs Java 17 (scripts/setup.sh installs it) and the
# release CLI (the job's results are compared with it). Usage: bash scripts/test-spark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=$(bash scripts/build-wheel.sh | tail -1)
cargo build --release -q -p annotator-cli
command -v java >/dev/null || { echo "no Java: PySpark needs a Java 17 runtime (bash scripts/setup.sh installs Debian's)"; exit 1; }
venv=target/py-spark
req=archives/requirements-spark.txt
if [ ! -x "$venv/bin/pytest" ] || ! cmp -s "$req" "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$req"
  cp "$req" "$venv/requirements.txt"
fi
"$venv/bin/pip" install -q --force-reinstall --no-deps "$wheel"
# Spark's own chatter (log4j warnings, progress bars) off; the tests' failures still print.
export PYSPARK_PYTHON="$PWD/$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
"$venv/bin/pytest" -q -p no:cacheprovider archives/tests
# The README's spark-submit command, exactly as printed.
cmd=$(grep -m1 '^PYSPARK_PYTHON=target/py-spark/bin/python target/py-spark/bin/spark-submit' README.md)
echo "$ $cmd"
eval "$cmd" 2>&1 | grep -e 'rows,' || { echo "the README's Spark command failed"; exit 1; }
rows=$("$venv/bin/python" -c "import pyarrow.parquet as pq; t = pq.read_table('target/annotations.parquet'); print(t.num_rows)")
[ "$rows" = "$(grep -c . examples/cli/archive.jsonl)" ] || { echo "the README's Spark command wrote $rows rows"; exit 1; }
