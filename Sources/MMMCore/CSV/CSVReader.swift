import Foundation

/// Reads RFC 4180 CSV into a typed ``DataTable``.
///
/// Each column is typed by its cells: **number** if every non-empty cell is a number (cells spelled `NA`, `NaN`,
/// `N/A`, `#N/A` or `null` count as missing), else **date** if every non-empty cell is a date in one of the
/// ``DateFormat`` spellings, else **text**. Empty cells are missing. Numbers are parsed exactly (correctly rounded).
/// The delimiter (comma, semicolon or tab) is detected from the header line unless set; a decimal comma must be
/// asked for (``Options/decimal``), because `1,5` is ambiguous.
public struct CSVReader: Sendable {
    /// Reader options.
    public struct Options: Sendable {
        /// Field separator; detected from the header line by default.
        public var delimiter: CSVDelimiter = .auto
        /// Decimal mark of numbers; `.` by default.
        public var decimal: CSVDecimalMark = .point
        /// When false every column is read as text.
        public var inferTypes = true
        /// Drop a first column whose header is empty: the row names R's `write.csv` writes (Robyn's own CSVs).
        public var dropsRowNames = false
        /// Only these columns are typed and kept, in file order (nil: all). The header and the row widths are still
        /// checked in full; a kept column is read exactly as it would be with all columns.
        package var columns: Set<String>?

        /// Default options.
        public init() {}

        /// Options from a job configuration's `csv` object (nil: the defaults).
        public init(_ settings: CSVSettings?) {
            delimiter = settings?.delimiter ?? .auto
            decimal = settings?.decimal ?? .point
        }
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
        if let (line, byte) = Self.firstInvalidUTF8(bytes) {
            throw DataError(
                .malformedCSV, "the file is not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))", line: line,
                hint: "save the file as UTF-8 (e.g. 'iconv -f latin1 -t utf-8')")
        }
        let delimiter = options.delimiter.byte ?? Self.detectDelimiter(bytes).byte ?? 0x2C
        let tokens = try CSVTokenizer(bytes: bytes, delimiter: delimiter)
        guard tokens.recordCount > 0 else {
            throw DataError(.emptyFile, "the file is empty", hint: "export the data with a header row")
        }
        let width = tokens.fieldCount(0)
        let header = (0..<width).map { tokens.text(tokens.recordStarts[0] + $0, in: bytes) }
        let firstColumn = options.dropsRowNames && width > 1 && header[0].trimmingCharacters(in: .whitespaces).isEmpty ? 1 : 0
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() where index >= firstColumn {
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DataError(
                    .malformedCSV, "column \(index + 1) has an empty name", line: 1,
                    hint: index == header.count - 1
                        ? "is there a delimiter at the end of every line? Remove it, or give the column a header"
                        : "give every column a header")
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
            var hint = "quote fields that contain the delimiter"
            if delimiter == 0x2C, tokens.fieldCount(r) > width {
                hint += "; if numbers use a decimal comma, export with ';' as the separator and read with csv.decimal ','"
            }
            throw DataError(
                .malformedCSV, "expected \(width) fields as in the header, found \(tokens.fieldCount(r))",
                line: tokens.recordLines[r], hint: hint)
        }
        var columns: [Column] = []
        columns.reserveCapacity(width)
        for c in firstColumn..<width where options.columns?.contains(header[c]) ?? true {
            let fields = (1...rows).lazy.map { tokens.recordStarts[$0] + c }
            columns.append(
                ColumnTyper.column(
                    name: header[c], fields: Array(fields), tokens: tokens, bytes: bytes, infer: options.inferTypes,
                    decimalMark: options.decimal.byte))
        }
        return try DataTable(columns: columns, sourceLines: (1...rows).map { tokens.recordLines[$0] })
    }

    /// The line and value of the first byte that is not valid UTF-8, or nil. (Decoding would silently replace it with
    /// U+FFFD, turning `Köln` in a Latin-1 export into `K�ln`.)
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, byte: UInt8)? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            guard length > 0, i + length <= n, (1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }),
                String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self) != nil
            else {
                return (1 + bytes[0..<i].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, b)
            }
            i += length
        }
        return nil
    }
}
