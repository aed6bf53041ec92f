#!/usr/bin/env bash
# `make bench`: builds khet in release mode, generates a national data set once (cached in
# .bench-cache/, reused while its options are the same) and prints one table:
#   - pupil-record import: MB/s, records/s, peak RSS (`khet validate --import-only`);
#   - the whole national batch without notices: wall time, peak RSS;
#   - school notices: workbooks/s on 1 core (taskset -c 0) and on 2 cores, for Khet and for raw
#     libxlsxwriter writing the same cells (benchmarks/rawxlsx/), and their ratio;
#   - the pandas + XlsxWriter baseline (benchmarks/baseline/) doing the same national allocation,
#     its read of the records file alone, and Khet's speed and memory against it;
# each with its target and PASS/MISS. The bench fails when the baseline's free-education totals
# differ from Khet's, or when rawxlsx does not write the same cells as Khet's notices.
#
#   BENCH_SCHOOLS        schools in the national data set (default 29700, OBEC's count: about
#                        6.3 million pupil records, 362 MB)
#   BENCH_AREAS          areas (default 245, OBEC's primary area offices)
#   BENCH_NOTICE_AREAS   areas of a second, smaller national data set whose school notices are
#                        timed (default 12: about 1,450 notices); rawxlsx writes the same notices
#   BENCH_SEED           sample seed (default 2568)
#   BENCH_RUNS           timed runs of each Khet measurement; the best is reported (default 3)
#   BENCH_KHET           a khet binary to measure instead of building one (to compare before and after)
#   BENCH_SKIP_BASELINE  1 to leave out the pandas baseline (it takes minutes at national size)
#
# Quick end-to-end check: BENCH_SCHOOLS=2400 BENCH_AREAS=20 BENCH_NOTICE_AREAS=4 make bench
#
# Wall-clock figures: the machine has 2 cores; numbers taken while others compile are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHOOLS="${BENCH_SCHOOLS:-29700}"
AREAS="${BENCH_AREAS:-245}"
NOTICE_AREAS="${BENCH_NOTICE_AREAS:-12}"
SEED="${BENCH_SEED:-2568}"
RUNS="${BENCH_RUNS:-3}"
SWIFT="${SWIFT:-swift}"
PYTHON="${PYTHON:-python3}"
ROOT="$(pwd)"
CACHE="$ROOT/.bench-cache"
DATA="$CACHE/national-s${SCHOOLS}-a${AREAS}-seed${SEED}"
NOTICE_SCHOOLS=$(( SCHOOLS * NOTICE_AREAS / AREAS ))
NOTICE_DATA="$CACHE/national-s${NOTICE_SCHOOLS}-a${NOTICE_AREAS}-seed${SEED}"
WORK="$CACHE/work"

if [ -n "${BENCH_KHET:-}" ]; then
  KHET="$BENCH_KHET"
else
  echo "building khet (release)" >&2
  "$SWIFT" build -c release --product khet >&2
  KHET="$ROOT/.build/release/khet"
fi

# ---------------------------------------------------------------------------------------------
# The khet commands, in one place. The data sets come from `khet sample --national`, cached while
# the generator's options are the same: the national one (timed import and batch, and what the
# pandas baseline reads) and a smaller one of NOTICE_AREAS areas whose notices are timed.
# ---------------------------------------------------------------------------------------------
generate() {  # generate FOLDER AREAS SCHOOLS
  if [ ! -f "$1/.complete" ]; then
    echo "generating $3 schools in $2 areas into $1 (once)" >&2
    rm -rf "$1"
    "$KHET" sample --national --areas "$2" --schools "$3" --seed "$SEED" "$1" >/dev/null
    touch "$1/.complete"
  fi
}
generate_national() {
  generate "$DATA" "$AREAS" "$SCHOOLS"
  generate "$NOTICE_DATA" "$NOTICE_AREAS" "$NOTICE_SCHOOLS"
}
khet_import()      { "$KHET" validate --import-only "$DATA/bench-records.toml"; }
khet_batch()       { "$KHET" run "$DATA/batch.toml" --jobs 2 -o "$1" -q; }
# Notices are timed as (run with --notices) − (the same run without): what the notices add, on the
# same import and calculation. Counted from the files written.
khet_notices_on()  { "$KHET" run "$NOTICE_DATA/batch.toml" --notices --jobs "$2" -o "$1" -q; }
khet_notices_off() { "$KHET" run "$NOTICE_DATA/batch.toml" --jobs "$2" -o "$1" -q; }
# Measured through /usr/bin/time and taskset, which run programs: `bash -c` runs the functions.
export KHET DATA NOTICE_DATA
export -f khet_import khet_batch khet_notices_on khet_notices_off
# ---------------------------------------------------------------------------------------------

generate_national
mkdir -p "$WORK"

# A batch that takes its pupils from the records file only (plus the schools it names).
RECORDS="$DATA/pupils-2568-06-10-records.csv"
cat > "$DATA/bench-records.toml" <<TOML
fiscal_year = 2568
framework = "fy2568"
date = "2568-07-15"
output = "out"
[area]
code = "0000"
name = "national records"
short_name = "national"
[inputs]
schools = "bench-schools.csv"
[[inputs.pupil_records]]
date = "2568-06-10"
file = "pupils-2568-06-10-records.csv"
TOML
# The national schools file without its area column: an ordinary batch's schools file.
cut -d, -f1,2,4- "$DATA/schools.csv" > "$DATA/bench-schools.csv"
BYTES=$(stat -c %s "$RECORDS")
ROWS=$(( $(wc -l < "$RECORDS") - 1 ))

# measure NAME RUNS OUTPUT command…: best wall (s) and lowest peak RSS (MB) of RUNS runs, into
# NAME_wall and NAME_rss; OUTPUT (a folder, or "-") is removed before each run, untimed. The
# command's output goes to $WORK/NAME.log.
measure() {
  local name=$1 runs=$2 output=$3; shift 3
  local best_wall="" best_rss="" log="$WORK/$name.time"
  for _ in $(seq 1 "$runs"); do
    [ "$output" = - ] || rm -rf "$output"
    /usr/bin/time -v -o "$log" "$@" >"$WORK/$name.log" 2>&1 || {
      echo "bench: '$name' failed:" >&2; tail -20 "$WORK/$name.log" >&2; exit 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$log")
    if [ -z "$best_wall" ] || [ "$(echo "$wall < $best_wall" | bc)" = 1 ]; then best_wall=$wall; fi
    if [ -z "$best_rss" ] || [ "$rss" -lt "$best_rss" ]; then best_rss=$rss; fi
  done
  printf -v "${name}_wall" '%s' "$best_wall"
  printf -v "${name}_rss" '%s' "$best_rss"
}
calc() { printf "%.${2:-2}f" "$(echo "scale=6; $1" | bc -l)"; }
ge() { [ "$(echo "$1 >= $2" | bc -l)" = 1 ]; }
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo MISS; fi; }

echo "timing the import" >&2
measure import "$RUNS" - bash -c khet_import
echo "timing the national batch" >&2
measure batch "$RUNS" "$WORK/batch-out" bash -c 'khet_batch "$0"' "$WORK/batch-out"

echo "timing the notices of $NOTICE_AREAS areas" >&2
measure notices_on1 "$RUNS" "$WORK/notices-out" taskset -c 0 bash -c 'khet_notices_on "$0" 1' "$WORK/notices-out"
NOTICES=$(find "$WORK/notices-out/areas" -path '*/schools/*.xlsx' | wc -l)
measure notices_off1 "$RUNS" "$WORK/notices-off" taskset -c 0 bash -c 'khet_notices_off "$0" 1' "$WORK/notices-off"
measure notices_on2 "$RUNS" "$WORK/notices-out" bash -c 'khet_notices_on "$0" 2' "$WORK/notices-out"
measure notices_off2 "$RUNS" "$WORK/notices-off" bash -c 'khet_notices_off "$0" 2' "$WORK/notices-off"

echo "dumping Khet's notices for rawxlsx and building it" >&2
KHET_ID=$(sha1sum "$KHET" | cut -c1-12)
DUMP="$DATA/notices-$KHET_ID.dump"
if [ ! -f "$DUMP" ]; then
  "$PYTHON" -c "import openpyxl" 2>/dev/null || "$PYTHON" -m pip install --quiet --disable-pip-version-check openpyxl >&2
  "$PYTHON" benchmarks/rawxlsx/dump_notices.py "$DUMP.tmp" "$WORK/notices-out" >&2
  mv "$DUMP.tmp" "$DUMP"
fi
cc -O2 -o "$WORK/rawxlsx" benchmarks/rawxlsx/rawxlsx.c -lxlsxwriter -lpthread
raw_rate() {  # best workbooks/s of RUNS runs of rawxlsx -j $1
  local best=0 rate
  for _ in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/raw-out"
    rate=$($2 "$WORK/rawxlsx" -j "$1" -o "$WORK/raw-out" "$DUMP" | awk '{ print $(NF-1) }')
    if ge "$rate" "$best"; then best=$rate; fi
  done
  echo "$best"
}
raw1=$(raw_rate 1 "taskset -c 0")
raw2=$(raw_rate 2 "")
first_notice=$(find "$WORK/notices-out/areas" -path '*/schools/*.xlsx' | sort | sed -n 1p)  # sed reads it all: head would end the pipe early (SIGPIPE under pipefail)
same_cells=$("$PYTHON" benchmarks/rawxlsx/compare_notice.py "$first_notice" "$WORK/raw-out/$(basename "$first_notice")") || {
  echo "bench: rawxlsx did not write the same cells as Khet:" >&2; echo "$same_cells" >&2; exit 1; }

if [ "${BENCH_SKIP_BASELINE:-0}" != 1 ]; then
  "$PYTHON" -c "import pandas, xlsxwriter, numpy, openpyxl" 2>/dev/null || {
    echo "installing pandas, XlsxWriter, numpy, openpyxl for the baseline" >&2
    "$PYTHON" -m pip install --quiet --disable-pip-version-check pandas XlsxWriter numpy openpyxl >&2; }
  echo "timing the pandas baseline (once: it takes a while)" >&2
  measure pandas_read 1 - "$PYTHON" benchmarks/baseline/allocate.py --read-only "$RECORDS"
  measure baseline 1 "$WORK/baseline-out" "$PYTHON" benchmarks/baseline/allocate.py "$DATA" "$WORK/baseline-out" --totals "$WORK/baseline-totals.json"
  totals=$("$PYTHON" benchmarks/baseline/compare_totals.py "$WORK/batch-out/national-summary-2568.xlsx" "$WORK/baseline-totals.json") || {
    echo "bench: FAILED: the baseline's free-education totals differ from Khet's: $totals" >&2; exit 1; }
fi

# ---------------------------------------------------------------------------------------------
row() { printf '%-52s %16s %14s %6s\n' "$@"; }
line=$(printf '%.0s-' $(seq 1 91))
echo
echo "Khet benchmark: $SCHOOLS schools in $AREAS areas (seed $SEED), $ROWS pupil records ($(calc "$BYTES / 1000000" 1) MB); best of $RUNS"
echo "$line"
row "measure" "value" "target" ""
echo "$line"
mbs=$(calc "$BYTES / 1000000 / $import_wall" 1)
row "import: MB/s" "$mbs" ">= 300" "$(verdict "$(ge "$mbs" 300 && [ "$import_rss" -lt 300 ] && echo 1)")"
row "import: records/s" "$(calc "$ROWS / $import_wall" 0)" "" ""
row "import: peak RSS" "$import_rss MB" "< 300 MB" "$(verdict "$([ "$import_rss" -lt 300 ] && echo 1)")"
row "national batch, no notices: wall" "$batch_wall s" "< 10 s" "$(verdict "$(ge 10 "$batch_wall" && echo 1)")"
row "national batch, no notices: peak RSS" "$batch_rss MB" "" ""
k1=$(calc "$NOTICES / ($notices_on1_wall - $notices_off1_wall)" 1)
k2=$(calc "$NOTICES / ($notices_on2_wall - $notices_off2_wall)" 1)
row "notices ($NOTICES, $NOTICE_AREAS areas), Khet 1 core" "$k1 wb/s" "" ""
row "notices, raw libxlsxwriter 1 core" "$raw1 wb/s" "" ""
row "notices, Khet / raw, 1 core" "$(calc "100 * $k1 / $raw1" 0) %" "" ""
row "notices, Khet 2 cores" "$k2 wb/s" "" ""
row "notices, raw libxlsxwriter 2 cores (-j 2)" "$raw2 wb/s" "" ""
ratio2=$(calc "100 * $k2 / $raw2" 0)
row "notices, Khet / raw, 2 cores" "$ratio2 %" ">= 80 %" "$(verdict "$(ge "$ratio2" 80 && echo 1)")"
if [ "${BENCH_SKIP_BASELINE:-0}" != 1 ]; then
  row "baseline pandas read of the records: MB/s" "$(calc "$BYTES / 1000000 / $pandas_read_wall" 1)" "(~50)" ""
  row "baseline pandas read of the records: peak RSS" "$pandas_read_rss MB" "(~1400 MB)" ""
  row "baseline whole batch (pandas + XlsxWriter): wall" "$baseline_wall s" "" ""
  row "baseline whole batch: peak RSS" "$baseline_rss MB" "" ""
  speed=$(calc "$baseline_wall / $batch_wall" 1)
  memory=$(calc "$batch_rss / $baseline_rss" 3)
  # ≤ 1/5 of the baseline's peak memory.
  row "Khet vs baseline: speed (baseline / Khet wall)" "${speed}x" ">= 5x" "$(verdict "$(ge "$speed" 5 && echo 1)")"
  row "Khet vs baseline: peak memory (Khet / baseline)" "$memory" "<= 0.2" "$(verdict "$(ge 0.2 "$memory" && echo 1)")"
  row "free-education totals, Khet vs baseline" "agree" "agree" "PASS"
fi
echo "$line"
echo "rawxlsx check: $same_cells ($(basename "$first_notice"))"
[ "${BENCH_SKIP_BASELINE:-0}" != 1 ] && echo "baseline check: $totals"
echo "notices: Khet's rate is $NOTICES / (run with --notices − run without), same areas; raw: write time only"
