import MMMCore

/// A problem found while reading or writing Parquet bytes, before it is placed in a file.
///
/// The public API turns it into Core's ``DataError`` (file and column filled in), so a bad Parquet file reads like a
/// bad CSV file: one line saying where and what, never a crash.
struct ParquetError: Error, Equatable {
    /// What is wrong.
    var message: String
    /// The column involved, when known.
    var column: String?
    /// What the user can do.
    var hint: String?

    init(_ message: String, column: String? = nil, hint: String? = nil) {
        self.message = message
        self.column = column
        self.hint = hint
    }

    /// A structural defect: the bytes do not follow the format.
    static func corrupt(_ message: String, column: String? = nil) -> ParquetError {
        ParquetError(
            message, column: column,
            hint: "the file is damaged or not Parquet; export it again (e.g. pyarrow.parquet.write_table)")
    }

    /// The same error naming a column if it named none.
    func inColumn(_ name: String) -> ParquetError {
        var copy = self
        if copy.column == nil { copy.column = name }
        return copy
    }

    /// As Core's error for a file.
    func dataError(file: String?) -> DataError {
        DataError(.invalidValue, message, file: file, column: column, hint: hint)
    }
}

/// Runs `body`, converting ``ParquetError`` to ``DataError`` for the named file.
func reportingParquetErrors<T>(file: String?, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ParquetError {
        throw error.dataError(file: file)
    } catch let error as DataError {
        throw file.map { error.inFile($0) } ?? error
    }
}
