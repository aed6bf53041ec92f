#!/usr/bin/env bash
# `make bench`: builds khet in release mode, generates a national-size sample once (cached in
# .bench-cache/, reused while the generator's options are the same) and measures the import of
# its pupil-record file: MB/s, records/s and peak RSS, through `khet validate --import-only`
# (the schools file is read too: the records name its schools).
#
#   BENCH_SCHOOLS  schools in the sample (default 44000: about 6.3 million pupil records, OBEC's
#                  national count; the sample's schools are larger than OBEC's 29,700 on average)
#   BENCH_SEED     sample seed (default 2568)
#   BENCH_RUNS     timed runs; the best is reported (default 3)
#   BENCH_KHET     a khet binary to measure instead of building one (to compare before and after)
set -euo pipefail
cd "$(dirname "$0")/.."

SCHOOLS="${BENCH_SCHOOLS:-44000}"
SEED="${BENCH_SEED:-2568}"
RUNS="${BENCH_RUNS:-3}"
SWIFT="${SWIFT:-swift}"
CACHE=".bench-cache/sample-s${SCHOOLS}-seed${SEED}"

if [ -n "${BENCH_KHET:-}" ]; then
  KHET="$BENCH_KHET"
else
  echo "building khet (release)" >&2
  "$SWIFT" build -c release --product khet >&2
  KHET="$(pwd)/.build/release/khet"
fi

if [ ! -f "$CACHE/.complete" ]; then
  echo "generating $SCHOOLS schools into $CACHE (once)" >&2
  rm -rf "$CACHE"
  mkdir -p "$CACHE"
  start=$(date +%s.%N)
  "$KHET" sample --schools "$SCHOOLS" --seed "$SEED" "$CACHE" >/dev/null
  end=$(date +%s.%N)
  echo "generated in $(echo "$end - $start" | bc) s" >&2
  touch "$CACHE/.complete"
fi

RECORDS=$(ls "$CACHE"/pupils-*-records.csv | head -1)
RECORDS_NAME=$(basename "$RECORDS")
RECORDS_DATE=${RECORDS_NAME#pupils-}
RECORDS_DATE=${RECORDS_DATE%-records.csv}

# A batch that takes its pupils from the records file only (plus the schools it names).
sed -n '1,/^\[\[inputs.pupils\]\]/p' "$CACHE/batch.toml" | sed '$d' \
  | grep -v '^poor\|^boarders\|^action_plan' > "$CACHE/bench-records.toml"
cat >> "$CACHE/bench-records.toml" <<TOML
[[inputs.pupil_records]]
date = "$RECORDS_DATE"
file = "$RECORDS_NAME"
TOML

BYTES=$(stat -c %s "$RECORDS")
ROWS=$(( $(wc -l < "$RECORDS") - 1 ))

best_wall=""; best_rss=""
for run in $(seq 1 "$RUNS"); do
  log=$(mktemp)
  /usr/bin/time -v "$KHET" validate --import-only "$CACHE/bench-records.toml" >/dev/null 2>"$log" || {
    echo "khet validate failed:" >&2; tail -20 "$log" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  rm -f "$log"
  if [ -z "$best_wall" ] || [ "$(echo "$wall < $best_wall" | bc)" = 1 ]; then best_wall=$wall; fi
  if [ -z "$best_rss" ] || [ "$rss" -lt "$best_rss" ]; then best_rss=$rss; fi
done

printf '\n%-44s %14s\n' "Khet benchmark ($SCHOOLS schools, seed $SEED)" "value"
printf '%-44s %14s\n' "--------------------------------------------" "--------------"
printf '%-44s %14s\n' "pupil records: file" "$(echo "scale=1; $BYTES / 1000000" | bc) MB"
printf '%-44s %14s\n' "pupil records: rows" "$ROWS"
printf '%-44s %14s\n' "import (validate --import-only): best of $RUNS" "${best_wall} s"
printf '%-44s %14s\n' "import: MB/s" "$(echo "scale=1; $BYTES / 1000000 / $best_wall" | bc)"
printf '%-44s %14s\n' "import: records/s" "$(echo "$ROWS / $best_wall" | bc)"
printf '%-44s %14s\n' "import: peak RSS" "$(( best_rss / 1024 )) MB"
