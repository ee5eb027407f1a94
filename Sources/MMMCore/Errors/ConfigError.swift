import Foundation

/// A configuration problem: one line naming the file, the JSON path and what is wrong.
public struct ConfigError: CategorizedError, Equatable {
    /// The file the configuration came from, if any.
    public var file: String?
    /// JSON path in `$.a.b[2].c` form; `$` for the whole document.
    public var path: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String? = nil, path: String, _ message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var category: ErrorCategory { .usage }

    public var description: String {
        (file.map { $0 + ": " } ?? "") + path + ": " + message
    }

    /// Renders a coding path as a JSON path.
    public static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var path = "$"
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += "." + key.stringValue
            }
        }
        return path
    }

    /// Converts a Foundation decoding error into a one-line configuration error.
    public init(_ error: DecodingError, file: String? = nil) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(file: file, path: Self.jsonPath(context.codingPath + [key]), "required key is missing")
        case .typeMismatch(let type, let context):
            let expected = Self.describe(type)
            let detail = context.debugDescription.hasPrefix("Expected to decode") ? "expected \(expected)" : context.debugDescription
            self.init(file: file, path: Self.jsonPath(context.codingPath), detail)
        case .valueNotFound(let type, let context):
            self.init(file: file, path: Self.jsonPath(context.codingPath), "expected \(Self.describe(type)), found null")
        case .dataCorrupted(let context):
            let message = context.codingPath.isEmpty && context.underlyingError != nil
                ? "not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))" : context.debugDescription
            self.init(file: file, path: Self.jsonPath(context.codingPath), message)
        @unknown default:
            self.init(file: file, path: "$", "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [String].Type: return "a list of strings"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") || name.hasPrefix("[") ? "a list" : (name.hasPrefix("Dictionary") ? "an object" : name)
        }
    }
}
