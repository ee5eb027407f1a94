import Foundation

/// Decoding and encoding of the contracts, with errors that name the file and JSON path.
public enum StrictJSON {
    /// Decodes `type` from JSON bytes.
    /// - Parameters:
    ///   - data: the JSON document.
    ///   - file: file name for error messages.
    /// - Throws: ``ConfigError`` naming the JSON path of the first problem.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String? = nil) throws -> T {
        if let path = DuplicateKeyScanner.firstDuplicate(in: data) {
            throw ConfigError(file: file, path: path, "the key appears twice; keep one")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw ConfigError(error, file: file)
        } catch let error as ConfigError {
            var copy = error
            if copy.file == nil { copy.file = file }
            throw copy
        }
    }

    /// Reads and decodes a JSON file.
    /// - Throws: ``ConfigError`` if the file is missing or invalid.
    public static func decode<T: Decodable>(_ type: T.Type, path: String) throws -> T {
        let data = try read(path: path)
        return try decode(type, from: data, file: path)
    }

    /// Reads a file's bytes.
    /// - Throws: ``ConfigError`` if it cannot be read.
    public static func read(path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(
                file: path, path: "$",
                FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        return data
    }

    /// Encodes a value as pretty-printed JSON with sorted keys and a final newline: stable bytes for stable inputs.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Whether the bytes parse as JSON at all.
    public static func isValidJSON(_ data: Data) -> Bool {
        (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    }

    /// The top-level keys of a JSON object document, or nil if it is not an object.
    public static func topLevelKeys(of data: Data) -> Set<String>? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return Set(object.keys)
    }
}
