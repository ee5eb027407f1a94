import Foundation

/// Decodes jsonv2 `data` arrays straight into typed column builders, one partition at a time.
///
/// Feed it partition bodies in order with ``decodePartition(_:partition:)``; each body can be released as soon
/// as the call returns, so memory holds one partition's JSON plus the typed columns. Not thread-safe: use one
/// decoder per statement from one task.
public final class SnowflakeResultDecoder {
    /// The result columns (from `rowType`).
    public let columns: [SnowflakeColumnDescription]
    /// Stop after this many rows (`nil` = all).
    public let rowLimit: Int?
    /// Rows decoded so far.
    public private(set) var rowCount = 0
    private let builders: [ColumnBuilder]

    /// Creates a decoder.
    /// - Parameters:
    ///   - columns: The `rowType` entries of the result.
    ///   - rowLimit: Maximum rows to keep (`nil` for all).
    public init(columns: [SnowflakeColumnDescription], rowLimit: Int? = nil) {
        self.columns = columns
        self.rowLimit = rowLimit.map { max(0, $0) }
        self.builders = columns.map(ColumnBuilder.make(for:))
    }

    /// Whether the row limit has been reached (further partitions need not be fetched).
    public var isLimitReached: Bool { rowLimit.map { rowCount >= $0 } ?? false }

    /// Decodes the rows of one partition body: a ResultSet object (partition 0), a `{"data": [...]}` object
    /// (later partitions) or a bare `[[...], ...]` array.
    /// - Parameters:
    ///   - body: The (already decompressed) body.
    ///   - partition: The partition number, for error messages.
    /// - Returns: The number of rows decoded from this body (fewer than present if the row limit was hit).
    /// - Throws: ``SnowflakeError`` with kind ``SnowflakeError/Kind/invalidResponse``.
    @discardableResult
    public func decodePartition(_ body: Data, partition: Int = 0) throws -> Int {
        if body.starts(with: [0x1f, 0x8b]) {
            throw SnowflakeError(
                kind: .invalidResponse,
                message: "partition \(partition) is still gzip-compressed (no Content-Encoding header was sent); "
                    + "this client relies on the HTTP layer to decompress")
        }
        return try body.withUnsafeBytes { raw throws -> Int in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { throw invalid("partition \(partition) is empty") }
            var scanner = JSONByteScanner(base: base, start: 0, end: bytes.count)
            if scanner.peek() == 0x5B { return try decodeRows(&scanner, partition: partition) }
            // Walk the object once and decode "data" in place, so the rows are read in a single pass.
            do {
                try scanner.expect(0x7B, "'{'")
                while scanner.peek() != 0x7D {
                    guard scanner.peek() == 0x22 else {
                        throw JSONByteScanner.SyntaxError(reason: "expected a key", offset: scanner.position)
                    }
                    let key = try scanner.scanString()
                    try scanner.expect(0x3A, "':'")
                    let isData = key.end - key.start == 4 && base[key.start] == 0x64 && base[key.start + 1] == 0x61
                        && base[key.start + 2] == 0x74 && base[key.start + 3] == 0x61
                    if isData { return try decodeRows(&scanner, partition: partition) }
                    try scanner.skipValue()
                    switch scanner.peek() {
                    case 0x2C: scanner.position += 1
                    case 0x7D: break
                    default: throw JSONByteScanner.SyntaxError(reason: "expected ',' or '}'", offset: scanner.position)
                    }
                }
            } catch let error as JSONByteScanner.SyntaxError {
                throw invalid("partition \(partition) is not JSON: \(error.reason) at byte \(error.offset)")
            }
            throw invalid("partition \(partition) has no \"data\" array")
        }
    }

    /// The typed columns decoded so far.
    public func makeColumns() -> [SnowflakeColumn] {
        zip(columns, builders).map { SnowflakeColumn(description: $0, values: $1.makeValues()) }
    }

    /// Decodes the `data` array located at `range` of `body`.
    func decodeRows(in body: Data, range: Range<Int>, partition: Int) throws -> Int {
        let relative = (range.lowerBound - body.startIndex)..<(range.upperBound - body.startIndex)
        return try body.withUnsafeBytes { raw throws -> Int in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { throw invalid("partition \(partition) is empty") }
            var scanner = JSONByteScanner(base: base, start: relative.lowerBound, end: relative.upperBound)
            return try decodeRows(&scanner, partition: partition)
        }
    }

    private func decodeRows(_ scanner: inout JSONByteScanner, partition: Int) throws -> Int {
        let columnCount = builders.count
        var rows = 0
        var column = 0
        var scratch: [UInt8] = []
        // Rows are counted locally and published once: cheaper than touching the stored property per row.
        defer { rowCount += rows }
        let remaining = rowLimit.map { max(0, $0 - rowCount) } ?? Int.max
        do {
            // Tolerate "data": null (no rows) as well as an empty array.
            if scanner.peek() == 0x6E {
                try scanner.scanNull()
                return 0
            }
            try scanner.expect(0x5B, "'[' opening the data array")
            if scanner.peek() == 0x5D { return 0 }
            while true {
                if rows >= remaining { return rows }
                try scanner.expect(0x5B, "'[' opening a row")
                column = 0
                while column < columnCount {
                    if column > 0 { try scanner.expect(0x2C, "',' between cells") }
                    let byte = scanner.peek()
                    if byte == 0x22 {
                        let string = try scanner.scanString()
                        if string.escaped {
                            let length = try scanner.unescape(start: string.start, end: string.end, into: &scratch)
                            try scratch.withUnsafeBufferPointer { buffer throws(CellError) in
                                try builders[column].append(UnsafeBufferPointer(rebasing: buffer[..<length]))
                            }
                        } else {
                            try builders[column].append(
                                UnsafeBufferPointer(start: scanner.base + string.start, count: string.end - string.start))
                        }
                    } else {
                        try scanner.scanNull()
                        builders[column].appendNull()
                    }
                    column += 1
                }
                try scanner.expect(0x5D, "']' closing a row (too many cells?)")
                rows += 1
                guard let next = scanner.peek() else { throw JSONByteScanner.SyntaxError(reason: "unterminated data", offset: scanner.position) }
                scanner.position += 1
                if next == 0x5D { return rows }
                guard next == 0x2C else { throw JSONByteScanner.SyntaxError(reason: "expected ',' or ']' after a row", offset: scanner.position - 1) }
            }
        } catch let error as CellError {
            let described = columns[column]
            throw invalid("partition \(partition), row \(rows), column \(described.name) (\(described.type)): \(error.reason)")
        } catch let error as JSONByteScanner.SyntaxError {
            throw invalid("partition \(partition), row \(rows): malformed data array: \(error.reason) at byte \(error.offset)")
        }
    }

    private func invalid(_ message: String) -> SnowflakeError {
        SnowflakeError(kind: .invalidResponse, message: message)
    }
}
