import MMMCore

/// A `gs://bucket/object` address. The object part may be empty (`gs://bucket`, `gs://bucket/`) or a prefix
/// ending in `/` for listings.
public struct GCSURI: Sendable, Hashable, CustomStringConvertible {
    /// The bucket name.
    public let bucket: String
    /// The object name (or prefix); empty for the bucket itself.
    public let objectName: String

    /// Parses `gs://BUCKET[/OBJECT]`.
    /// - Parameter text: The URI.
    /// - Throws: ``GCSURIError`` saying what is wrong with it.
    public init(_ text: String) throws(GCSURIError) {
        guard text.hasPrefix("gs://") else {
            let hint = text.lowercased().hasPrefix("gs:/") || text.lowercased().hasPrefix("gs://")
                ? "write the scheme as lowercase 'gs://' followed by the bucket" : "expected gs://BUCKET/OBJECT"
            throw GCSURIError(text: text, problem: "it does not start with gs://; \(hint)")
        }
        let rest = text.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        let object = rest.dropFirst(bucket.count + (rest.count > bucket.count ? 1 : 0))
        try self.init(bucket: String(bucket), objectName: String(object), text: text)
    }

    /// Builds a URI from its parts.
    /// - Parameters:
    ///   - bucket: The bucket name.
    ///   - objectName: The object name or prefix (may be empty).
    /// - Throws: ``GCSURIError`` when either part is not valid.
    public init(bucket: String, objectName: String) throws(GCSURIError) {
        try self.init(bucket: bucket, objectName: objectName, text: "gs://\(bucket)/\(objectName)")
    }

    private init(bucket: String, objectName: String, text: String) throws(GCSURIError) {
        if let problem = Self.bucketProblem(bucket) { throw GCSURIError(text: text, problem: problem) }
        if let problem = Self.objectProblem(objectName) { throw GCSURIError(text: text, problem: problem) }
        self.bucket = bucket
        self.objectName = objectName
    }

    /// `gs://bucket/object`.
    public var description: String { "gs://\(bucket)/\(objectName)" }

    /// Whether this names the bucket or a prefix (empty or ending in `/`) rather than one object.
    public var isPrefix: Bool { objectName.isEmpty || objectName.hasSuffix("/") }

    /// A URI below this one: `gs://b/runs/` + `a.json` → `gs://b/runs/a.json` (a `/` is inserted when missing).
    /// - Parameter path: A relative object path.
    /// - Returns: The combined URI.
    /// - Throws: ``GCSURIError`` when the combined name is not valid.
    public func appending(_ path: String) throws(GCSURIError) -> GCSURI {
        let separator = objectName.isEmpty || objectName.hasSuffix("/") ? "" : "/"
        return try GCSURI(bucket: bucket, objectName: objectName + separator + path)
    }

    /// Why a bucket name is invalid, or `nil` (Cloud Storage naming rules, simplified: 3–63 characters per
    /// dot-separated part and 222 in all, lowercase letters, digits, `-`, `_`, `.`, starting and ending with a letter
    /// or digit).
    static func bucketProblem(_ name: String) -> String? {
        if name.isEmpty { return "the bucket name is empty; expected gs://BUCKET/OBJECT" }
        guard (3...222).contains(name.count) else { return "bucket name '\(name)' must be 3 to 222 characters long" }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
        }
        guard allowed else {
            return "bucket name '\(name)' may only contain lowercase letters, digits, '-', '_' and '.'"
        }
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
            first.properties.isAlphabetic || ("0"..."9").contains(first),
            last.properties.isAlphabetic || ("0"..."9").contains(last)
        else { return "bucket name '\(name)' must start and end with a letter or digit" }
        if name.split(separator: ".", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0.count > 63 }) {
            return "bucket name '\(name)' has an empty or over-long (more than 63 characters) dot-separated part"
        }
        return nil
    }

    /// Why an object name is invalid, or `nil` (at most 1024 bytes of UTF-8, no CR/LF, not `.` or `..`).
    static func objectProblem(_ name: String) -> String? {
        if name.utf8.count > 1024 { return "the object name is longer than 1024 bytes" }
        if name.contains("\r") || name.contains("\n") { return "the object name contains a line break" }
        if name == "." || name == ".." { return "'\(name)' is not a valid object name" }
        return nil
    }
}

/// A `gs://` URI that could not be used.
public struct GCSURIError: CategorizedError, Equatable, Sendable {
    /// The text as given.
    public let text: String
    /// What is wrong with it.
    public let problem: String

    /// Creates an error.
    /// - Parameters:
    ///   - text: The text as given.
    ///   - problem: What is wrong with it.
    public init(text: String, problem: String) {
        self.text = text
        self.problem = problem
    }

    /// A bad URI is a usage error (exit code 2).
    public var category: ErrorCategory { .usage }

    public var description: String { "'\(text)' is not a usable gs:// URI: \(problem)" }
}
