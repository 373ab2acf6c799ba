#!/usr/bin/env bash
# Engine comparison: Wafer (rules on/off) against DuckDB on the same generated rows.
# Usage: bench/run.sh [--rows 10000000] [--threads 2] [--runs 5] [--warmup 2] [--queries a,b]
# Writes docs/BENCHMARKS.md and docs/bench/*.png. Never run in CI.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
if [ ! -f bench/target/classpath.txt ] || [ ! -f bench/target/wafer-bench-0.1.0-SNAPSHOT.jar ]; then
  mvn -B -q -DskipTests package >&2
fi
exec java -Xmx8g --add-opens=java.base/java.nio=ALL-UNNAMED \
  -cp "bench/target/wafer-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  dev.wafer.bench.BenchMain "$@"
