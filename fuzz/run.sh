#!/usr/bin/env bash
# Runs every fuzz target for a while: `fuzz/run.sh [SECONDS_PER_TARGET]`
# (15 by default, a minute for the four). Exits non-zero when a target
# crashes, panics, runs out of memory or takes longer than 10 s on one input;
# the input that did it is in fuzz/artifacts/<target>/.
#
# Only a stable toolchain may be there: cargo-fuzz needs nightly flags
# (`-Zsanitizer`), and RUSTC_BOOTSTRAP=1 lets stable accept them.
#
# What a run learns stays in fuzz/corpus-run/ (ignored by git); the seeds
# in fuzz/corpus/ are read, never written.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-15}"
targets=(load markdown dates yaml)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
echo "== building the fuzz targets"
cargo fuzz build

mkdir -p logs
for target in "${targets[@]}"; do
  echo "== fuzzing $target for ${seconds} s"
  mkdir -p "corpus-run/$target"
  log="logs/$target.log"
  # -timeout: one input that takes 10 s is a hang; the model of a whole
  # board is read in milliseconds.
  if ! cargo fuzz run "$target" "corpus-run/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    grep -E -A4 'panicked|^==[0-9]+==|ERROR: libFuzzer' "$log" | head -n 40 >&2 || true
    grep -E 'Test unit written|^SUMMARY' "$log" >&2 || true
    echo "fuzz target $target failed; the whole output is in fuzz/$log" >&2
    exit 1
  fi
  grep -E '^#[0-9]+[[:space:]]+DONE|^Done ' "$log" || true
done
echo "== fuzzing found nothing"
