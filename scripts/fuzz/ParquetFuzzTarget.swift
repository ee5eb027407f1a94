import Foundation
import MMMParquet

/// libFuzzer entry point: every input must end in a table or a DataError — a trap, an out-of-bounds access (ASan)
/// or a runaway allocation is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func parquetFuzzTarget(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    let reader = ParquetReader(limits: ParquetReadLimits(maximumPageBytes: 8 << 20, maximumCells: 1 << 20))
    _ = try? reader.readColumns(bytes, name: "fuzz.parquet")
    _ = try? reader.readTable(bytes, name: "fuzz.parquet")
    return 0
}
