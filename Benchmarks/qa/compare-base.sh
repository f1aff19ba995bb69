#!/usr/bin/env bash
# The QA suite of an older commit on the same exported pairs, for a before/after:
#   bash Benchmarks/qa/compare-base.sh COMMIT /tmp/qa-pairs.tsv
# Compiles that commit's Sources/QA, Sources/BayanCore and ArabicNormalizer.swift with swiftc as
# one module (they need nothing else) with base-qa-main.swift as the driver.
set -euo pipefail
commit=$1 pairs=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in $(git -C "$repo" ls-tree --name-only "$commit" Sources/QA/ Sources/BayanCore/) Sources/ArabicText/ArabicNormalizer.swift; do
  git -C "$repo" show "$commit:$f" | sed '/^import ArabicText$/d; /^import BayanCore$/d' > "$work/$(basename "$f")"
done
cp "$repo/Benchmarks/qa/base-qa-main.swift" "$work/main.swift"
swiftc -O -o "$work/qa" "$work"/*.swift
"$work/qa" "$pairs"
