#!/usr/bin/env bash
# Fuzzes the Parquet reader with libFuzzer + AddressSanitizer for a bounded time.
#
#   scripts/fuzz-parquet.sh [SECONDS]      (default 120)
#
# Builds MMMCore and MMMParquet with `swiftc -sanitize=fuzzer,address` into .build-fuzz/, seeds the corpus with the
# committed golden files (Tests/Fixtures/parquet/golden), runs the target, and exits non-zero if libFuzzer found a
# crash, a leak-free out-of-memory or a timeout; the input is saved under .build-fuzz/artifacts/.
# Needs: the Swift toolchain (its libFuzzer), zlib1g-dev, libzstd-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
build=.build-fuzz
mkdir -p "$build/corpus" "$build/artifacts"
flags=(-O -g -swift-version 6 -parse-as-library -sanitize=fuzzer,address
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility)

echo "== building MMMCore and MMMParquet with -sanitize=fuzzer,address"
swiftc "${flags[@]}" -module-name MMMCore -emit-module -emit-module-path "$build/MMMCore.swiftmodule" \
    -emit-library -static -o "$build/libMMMCore.a" $(find Sources/MMMCore -name '*.swift' | sort)
swiftc "${flags[@]}" -module-name MMMParquet -I "$build" -I Sources/CZlib -I Sources/CZstd \
    -emit-module -emit-module-path "$build/MMMParquet.swiftmodule" \
    -emit-library -static -o "$build/libMMMParquet.a" $(find Sources/MMMParquet -name '*.swift' | sort)
swiftc "${flags[@]}" -module-name ParquetFuzz -I "$build" -I Sources/CZlib -I Sources/CZstd \
    scripts/fuzz/ParquetFuzzTarget.swift "$build/libMMMParquet.a" "$build/libMMMCore.a" -lz -lzstd \
    -o "$build/parquet-fuzz"

echo "== seed corpus"
cp Tests/Fixtures/parquet/golden/*.parquet "$build/corpus/"
printf 'PAR1' > "$build/corpus/magic-only"

echo "== fuzzing for ${seconds}s"
ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=0 "$build/parquet-fuzz" "$build/corpus" \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=3072 -malloc_limit_mb=1024 \
    -artifact_prefix="$build/artifacts/" -print_final_stats=1 \
    -dict=scripts/fuzz/parquet.dict
