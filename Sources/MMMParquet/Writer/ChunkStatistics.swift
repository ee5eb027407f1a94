/// Column chunk statistics: null count and PLAIN-encoded min/max in the type's order (TYPE_ORDER).
enum ChunkStatistics {
    /// Strings longer than this leave min/max out rather than bloat the footer.
    static let maxStringBytes = 64

    static func compute(_ values: ValueStore, _ range: Range<Int>, nulls: Int) -> Statistics {
        var stats = Statistics(nullCount: Int64(nulls))
        guard !range.isEmpty else { return stats }
        let bounds: ([UInt8], [UInt8])?
        switch values.kind {
        case .boolean:
            let slice = values.booleans[range]
            bounds = ([slice.contains(false) ? 0 : 1], [slice.contains(true) ? 1 : 0])
        case .int64, .timestamp:
            let slice = values.integers[range]
            bounds = slice.min().flatMap { lo in slice.max().map { (PlainEncoder.bytes(of: lo), PlainEncoder.bytes(of: $0)) } }
        case .date:
            let slice = values.days[range]
            bounds = slice.min().flatMap { lo in slice.max().map { (PlainEncoder.bytes(of: lo), PlainEncoder.bytes(of: $0)) } }
        case .double:
            var lo = Double.infinity, hi = -Double.infinity, any = false
            for v in values.doubles[range] where !v.isNaN {
                any = true
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
            // The format asks for -0.0 as a zero minimum and +0.0 as a zero maximum.
            if lo == 0 { lo = -0.0 }
            if hi == 0 { hi = 0.0 }
            bounds = any ? (PlainEncoder.bytes(of: lo), PlainEncoder.bytes(of: hi)) : nil
        case .string:
            var lo = values.strings[range.lowerBound], hi = lo
            for s in values.strings[range] {
                if StringOrder.less(s, lo) { lo = s }
                if StringOrder.less(hi, s) { hi = s }
            }
            bounds = lo.utf8.count <= maxStringBytes && hi.utf8.count <= maxStringBytes ? (Array(lo.utf8), Array(hi.utf8)) : nil
        }
        if let bounds {
            stats.minValue = bounds.0
            stats.maxValue = bounds.1
        }
        return stats
    }
}
