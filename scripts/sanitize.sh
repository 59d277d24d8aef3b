#!/usr/bin/env bash
# Builds and runs the whole test suite under AddressSanitizer, then under ThreadSanitizer.
#
#   scripts/sanitize.sh [address] [thread]      (make sanitize)
#
# Each sanitizer builds into its own scratch folder (.build-address, .build-thread), so the
# ordinary .build is left alone. The tests that run the `baligraph` binary run the
# sanitized binary built beside them.
#
# Leaks: LeakSanitizer stays on for our code, but leaks inside Graphviz and the libraries it
# loads are expected (GraphvizRender documents them: dot with clusters, osage, HTML
# labels, one-time plugin and font caches) and are suppressed by scripts/lsan.supp. The
# headless-Chromium explorer tests are skipped (BALIGRAPH_CHROMIUM=none): Chromium is not
# built with the sanitizers and only slows the run.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)
export BALIGRAPH_CHROMIUM=${BALIGRAPH_CHROMIUM:-none}
# Swift's crash reporter would print its own backtrace over the sanitizer's report.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
here=$(pwd)

status=0
for sanitizer in "${sanitizers[@]}"; do
  scratch=.build-$sanitizer
  mkdir -p "$scratch"
  log=$scratch/sanitize.log
  echo "== $sanitizer: building into $scratch/"
  if ! swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" >"$log" 2>&1; then
    tail -30 "$log" >&2
    echo "error: the $sanitizer build failed (log: $log)" >&2
    status=1
    continue
  fi
  case $sanitizer in
    address)
      export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1:print_suppressions=0"
      export LSAN_OPTIONS="suppressions=$here/scripts/lsan.supp:print_suppressions=0" ;;
    thread)
      export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$here/scripts/tsan.supp:print_suppressions=0" ;;
  esac
  echo "== $sanitizer: running the tests"
  if swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" >>"$log" 2>&1; then
    grep -E '^✔ Test run|Executed [0-9]+ tests' "$log" | tail -1
    echo "$sanitizer: clean"
  else
    grep -m1 -B5 -A40 -E 'ERROR: (Address|Leak|Thread)Sanitizer|WARNING: ThreadSanitizer|SUMMARY: ' "$log" >&2 \
      || grep -E '✘' "$log" | head -20 >&2 || tail -40 "$log" >&2
    echo "error: the tests failed under $sanitizer (full log: $log)" >&2
    status=1
  fi
  unset ASAN_OPTIONS LSAN_OPTIONS TSAN_OPTIONS
done
exit $status
