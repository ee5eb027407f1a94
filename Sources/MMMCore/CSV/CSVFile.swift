import Foundation

/// A CSV file read whole: its table and its bytes (for a digest or a snapshot).
public enum CSVFile {
    /// Reads and parses the file at `path`.
    /// - Parameters:
    ///   - path: the file; errors name it as given.
    ///   - reader: the reader (options such as the delimiter).
    /// - Returns: the table and the file's bytes.
    /// - Throws: ``DataError`` when the file is missing, unreadable or malformed.
    public static func load(path: String, reader: CSVReader = CSVReader()) throws -> (table: DataTable, bytes: Data) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(.invalidValue, "no such file or not readable", file: path, hint: "check the path")
        }
        do {
            return (try reader.parse(data), data)
        } catch let error as DataError {
            throw error.inFile(path)
        }
    }
}
