import Foundation

/// Reads RFC 4180 CSV into a typed ``DataTable``.
///
/// Each column is typed by its cells: **number** if every non-empty cell is a number (cells spelled `NA`, `NaN`,
/// `N/A`, `#N/A` or `null` count as missing), else **date** if every non-empty cell is a date in one of the
/// ``DateFormat`` spellings, else **text**. Empty cells are missing. Numbers are parsed exactly (correctly rounded).
public struct CSVReader: Sendable {
    /// Reader options.
    public struct Options: Sendable {
        /// Field separator; `,` by default.
        public var delimiter: UInt8 = 0x2C
        /// When false every column is read as text.
        public var inferTypes = true

        /// Default options.
        public init() {}
    }

    /// The options in use.
    public var options: Options

    /// Creates a reader.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads a file.
    /// - Parameter path: file path; its last component names the file in error messages.
    /// - Throws: ``DataError`` for unreadable, empty or malformed files.
    public func read(path: String) throws -> DataTable {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw DataError(
                .invalidValue, exists ? "cannot read the file" : "no such file", file: path,
                hint: exists ? "check its permissions" : "check the path")
        }
        do {
            return try parse(data)
        } catch let error as DataError {
            throw error.inFile(name)
        }
    }

    /// Parses CSV bytes.
    /// - Throws: ``DataError``.
    public func parse(_ data: Data) throws -> DataTable {
        try data.withUnsafeBytes { raw in
            try parse(bytes: raw.bindMemory(to: UInt8.self))
        }
    }

    /// Parses CSV text.
    public func parse(_ text: String) throws -> DataTable {
        try parse(Data(text.utf8))
    }

    private func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> DataTable {
        let tokens = try CSVTokenizer(bytes: bytes, delimiter: options.delimiter)
        guard tokens.recordCount > 0 else {
            throw DataError(.emptyFile, "the file is empty", hint: "export the data with a header row")
        }
        let width = tokens.fieldCount(0)
        let header = (0..<width).map { tokens.text(tokens.recordStarts[0] + $0, in: bytes) }
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DataError(
                    .malformedCSV, "column \(index + 1) has an empty name", line: 1, hint: "give every column a header")
            }
            if let first = seen[name] {
                throw DataError(
                    .duplicateColumn(name),
                    "duplicate column name '\(name)' (columns \(first + 1) and \(index + 1))", line: 1,
                    hint: "rename one of them")
            }
            seen[name] = index
        }
        let rows = tokens.recordCount - 1
        guard rows > 0 else {
            throw DataError(.emptyFile, "the file has a header but no data rows", line: 1)
        }
        for r in 1...rows where tokens.fieldCount(r) != width {
            throw DataError(
                .malformedCSV, "expected \(width) fields as in the header, found \(tokens.fieldCount(r))",
                line: tokens.recordLines[r], hint: "quote fields that contain the delimiter")
        }
        var columns: [Column] = []
        columns.reserveCapacity(width)
        for c in 0..<width {
            let fields = (1...rows).lazy.map { tokens.recordStarts[$0] + c }
            columns.append(
                ColumnTyper.column(
                    name: header[c], fields: Array(fields), tokens: tokens, bytes: bytes, infer: options.inferTypes))
        }
        return try DataTable(columns: columns, sourceLines: (1...rows).map { tokens.recordLines[$0] })
    }
}
