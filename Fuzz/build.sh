#!/usr/bin/env bash
# Builds one libFuzzer binary per reader: csv, records, schoolxml, framework, xlsx (the zip and
# sheet reader under the per-grade importer), xlsxsheet (any sheet XML in a sound workbook), and toml (the batch file: KhetBatch's TOML parser
# and manifest reader).
# SwiftPM would put -sanitize=fuzzer on every target and clash with khet's own main, so the
# reader modules are compiled here with swiftc: KhetCore, then KhetImport (with a stand-in for
# the KhetTemplates resource bundle), then each target linked against them and libxml2.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${FUZZ_BUILD:-.build/fuzz}"
SANITIZE="${FUZZ_SANITIZE:-fuzzer,address}"
mkdir -p "$OUT"
FLAGS=(-sanitize="$SANITIZE" -parse-as-library -O -gline-tables-only -swift-version 5
       -I "$OUT" -I Sources/CLibXML2 -I Sources/CZlib -Xcc -I/usr/include/libxml2)

module() { # name, sources...
  local name="$1"; shift
  swiftc "${FLAGS[@]}" -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
    -wmo -c -o "$OUT/$name.o" "$@"
}

module KhetCore Sources/KhetCore/*.swift
module KhetTemplates Fuzz/Support/KhetTemplates.swift
module KhetImport $(find Sources/KhetImport -name '*.swift' | sort)

for target in csv records schoolxml framework xlsx xlsxsheet; do
  swiftc "${FLAGS[@]}" -module-name "Fuzz_$target" Fuzz/Targets/$target.swift \
    "$OUT/KhetCore.o" "$OUT/KhetTemplates.o" "$OUT/KhetImport.o" -lxml2 -lz -o "$OUT/fuzz-$target" 2> >(grep -v "Cannot export local symbol" >&2)
  echo "built $OUT/fuzz-$target"
done

swiftc "${FLAGS[@]}" -module-name Fuzz_toml \
  Sources/KhetBatch/BatchManifest.swift Sources/KhetBatch/BatchManifestReader.swift Sources/KhetBatch/TOML/*.swift \
  Fuzz/Targets/toml.swift "$OUT/KhetCore.o" "$OUT/KhetTemplates.o" "$OUT/KhetImport.o" \
  -lxml2 -lz -o "$OUT/fuzz-toml" 2> >(grep -v "Cannot export local symbol" >&2)
echo "built $OUT/fuzz-toml"
