#!/usr/bin/env bash
# A/B of bayan binaries on the 50 ms short-document workload, alternated so that both meet the
# same machine: for each round, each binary runs `bayan-bench throughput --latency-ms 50
# --workload short --runs 4 --no-baseline`, 75 s after the previous invocation (a run soon
# after the previous spool's deletion is slower on this file system; docs/BENCHMARKS.md).
# Usage: Benchmarks/throughput/ab.sh OUT ROUNDS BINARY...   (prints the bound ratios to OUT)
set -euo pipefail
out=$1 rounds=$2; shift 2
bench="$(cd "$(dirname "$0")/../.." && pwd)/.build/release/bayan-bench"
for _ in $(seq "$rounds"); do
  for binary in "$@"; do
    sleep 75
    echo "== $binary $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg)" >> "$out"
    BAYAN_BIN=$binary "$bench" throughput --latency-ms 50 --workload short --runs 4 --no-baseline \
      | grep "^| short" | awk -F'|' '{printf "%s", $6}' >> "$out"
    echo >> "$out"
  done
done
