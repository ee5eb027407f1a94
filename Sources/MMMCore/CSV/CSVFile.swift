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
        let data = try bytes(path: path)
        do {
            return (try reader.parse(data), data)
        } catch let error as DataError {
            throw error.inFile(path)
        }
    }

    /// The bytes of an input file.
    /// - Throws: ``DataError`` saying whether the file is missing or unreadable.
    public static func bytes(path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw DataError(
                .invalidValue, exists ? (isDirectory.boolValue ? "is a folder, not a file" : "cannot read the file") : "no such file",
                file: path, hint: exists ? (isDirectory.boolValue ? "give the file's path" : "check its permissions") : "check the path")
        }
        return data
    }
}
