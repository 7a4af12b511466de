#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), JOBS at a time (default 2), after
# seeding the corpora. Needs cargo-fuzz; on a stable toolchain RUSTC_BOOTSTRAP=1 lets it use
# the sanitizer flags. Prints one line per target: runs, coverage, crashes found.
#
#   fuzz/run_all.sh [SECONDS] [JOBS] [TARGET...]   (default: every target)
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
jobs=${2:-2}
export RUSTC_BOOTSTRAP=1
fuzz/seed.sh >/dev/null
cargo fuzz build -O >/dev/null 2>&1 || { echo "cargo fuzz build failed"; exit 1; }
mkdir -p fuzz/logs
shift 2 2>/dev/null || shift $#
targets=${*:-$(cargo fuzz list)}
run() {
  t=$1
  start=$(date +%s)
  cargo fuzz run -O "$t" -- -max_total_time="$secs" -rss_limit_mb=4096 -timeout=10 \
    >"fuzz/logs/$t.log" 2>&1
  rc=$?
  end=$(date +%s)
  stats=$(grep -E '^Done|^#[0-9]+.*(DONE|pulse)' "fuzz/logs/$t.log" | tail -1)
  crashes=$(ls "fuzz/artifacts/$t" 2>/dev/null | wc -l)
  echo "$t: exit $rc, $((end - start)) s, $crashes crash files; $stats"
}
export -f run
export secs
printf '%s\n' $targets | xargs -P "$jobs" -I{} bash -c 'run {}'
