#!/usr/bin/env bash
# Runs the scenario loader fuzzer for a bounded time and fails if it finds a crash:
#   tests/fuzz/run-fuzzer.sh BUILD_DIR [SECONDS]      (make fuzz: build-fuzz, 60 s)
# Seeds: tests/fuzz/corpus/, the shipped scenarios and their tests, and the loader's test
# fixtures. New inputs go to a scratch corpus under BUILD_DIR (kept between runs), crash
# reproducers to BUILD_DIR/fuzz/artifacts/. Prints a one-line summary; exit 1 on a finding.
set -euo pipefail

build=${1:?usage: run-fuzzer.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
fuzzer="$build/tests/fuzz/fuzz_scenario_loader"
if [[ ! -x "$fuzzer" ]]; then
  echo "run-fuzzer.sh: $fuzzer is not built (make fuzz builds it)" >&2
  exit 2
fi

work="$build/fuzz"
corpus="$work/corpus"      # grows with what the fuzzer finds; kept between runs
seeds="$work/seeds"        # rebuilt each run from the files below
artifacts="$work/artifacts"
log="$work/fuzz.log"
mkdir -p "$corpus" "$artifacts"
rm -rf "$seeds" && mkdir -p "$seeds"
shopt -s nullglob
for f in "$root"/scenarios/*/scenario.yaml "$root"/scenarios/*/tests/*.yaml \
         "$root"/tests/scenario/fixtures/*/*/scenario.yaml "$root"/tests/scenario/fixtures/*/*/tests/*.yaml; do
  rel=${f#"$root"/}
  cp "$f" "$seeds/${rel//\//_}"
done
shopt -u nullglob

set +e
# -timeout: an input that takes 10 s is a hang, and a finding. -rss_limit_mb: so is a blow-up.
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -dict="$root/tests/fuzz/scenario.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "$corpus" "$seeds" "$root/tests/fuzz/corpus" >"$log" 2>&1
status=$?
set -e

stat() { grep -E "^stat::$1:" "$log" | awk '{print $2}' | tail -1; }
runs=$(stat number_of_executed_units)
rate=$(stat average_exec_per_sec)
coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
features=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | awk '{print $2}')
size=$(find "$corpus" -type f | wc -l)
findings=$(find "$artifacts" -type f -newer "$seeds" | head -5)

if [[ $status -ne 0 || -n "$findings" ]]; then
  tail -n 60 "$log" >&2
  echo "fuzz_scenario_loader: FAILED (exit $status) after ${runs:-?} runs; reproducer(s): ${findings:-see $log}" >&2
  echo "  replay one with: $fuzzer <file>" >&2
  exit 1
fi
echo "fuzz_scenario_loader: ok, ${seconds} s, ${runs:-?} runs (${rate:-?}/s), coverage ${coverage:-?} edges, ${features:-?} features, corpus ${size} inputs"
