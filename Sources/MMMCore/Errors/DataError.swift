/// A problem with input data: one line naming the file, row, column and value, and what to do.
public struct DataError: CategorizedError, Equatable {
    /// Machine-readable reason.
    public enum Reason: Sendable, Equatable {
        case malformedCSV
        case emptyFile
        case duplicateColumn(String)
        case missingColumn(String)
        case notANumber
        case unparseableDate
        case noDateColumn
        case noRowsLeft
        /// Values the data must have are missing (e.g. the dependent variable on some dates).
        case missingValues
        case irregularDates
        case invalidTable
        case invalidValue
    }

    /// Why the data was rejected.
    public var reason: Reason
    /// What is wrong, without location (e.g. "value 'abc' is not a number").
    public var message: String
    /// The file (or query) the data came from.
    public var file: String?
    /// 1-based line in the file (header is line 1), when known.
    public var line: Int?
    /// The column involved, when known.
    public var column: String?
    /// What the user can do about it.
    public var hint: String?

    /// Creates an error.
    public init(
        _ reason: Reason, _ message: String, file: String? = nil, line: Int? = nil, column: String? = nil,
        hint: String? = nil
    ) {
        self.reason = reason
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
    }

    public var category: ErrorCategory { reason == .invalidTable ? .runtime : .inputData }

    /// `file:line: column 'x': message; hint`.
    public var description: String {
        var location = file ?? ""
        if let line { location += (location.isEmpty ? "line " : ":") + String(line) }
        var text = location.isEmpty ? "" : location + ": "
        if let column { text += "column '\(column)': " }
        text += message
        if let hint { text += " — " + hint }
        return text
    }

    /// The same error with the file name filled in if it was unknown.
    public func inFile(_ name: String) -> DataError {
        var copy = self
        if copy.file == nil { copy.file = name }
        return copy
    }
}
