import MMMCloud

/// Where a file or folder named on the command line (or in a config) lives: the local file system or Cloud Storage.
///
/// The one place that decides "is this gs://": every `--data`, `--config`, `--holidays` and `--output` goes through
/// ``init(_:)``, so a misspelt scheme (`GS://`, `gs:/bucket`) is an error instead of a local path.
public enum StorageLocation: Sendable, Hashable, CustomStringConvertible {
    /// A local path, as given.
    case local(String)
    /// A Cloud Storage object or prefix.
    case gcs(GCSURI)

    /// Classifies `text`.
    /// - Parameter text: A path or a `gs://bucket/name` URI.
    /// - Throws: ``GCSURIError`` when the text looks like a `gs:` URI but is not a valid one.
    public init(_ text: String) throws(GCSURIError) {
        if Self.looksLikeGCS(text) {
            self = .gcs(try GCSURI(text))
        } else {
            self = .local(text)
        }
    }

    /// Whether `text` is meant as a Cloud Storage URI (`gs:` in any case, so typos are caught rather than written
    /// to a local folder called `gs:`).
    /// - Parameter text: A path or URI.
    /// - Returns: `true` for anything starting with `gs:`.
    public static func looksLikeGCS(_ text: String) -> Bool {
        text.prefix(3).lowercased() == "gs:"
    }

    /// The Cloud Storage URI, or nil for a local path.
    public var gcsURI: GCSURI? {
        if case .gcs(let uri) = self { return uri }
        return nil
    }

    /// The path or URI as text.
    public var description: String {
        switch self {
        case .local(let path): path
        case .gcs(let uri): uri.description
        }
    }

    /// The last path segment (file name), e.g. for messages and temporary files.
    public var fileName: String {
        let text: String
        switch self {
        case .local(let path): text = path
        case .gcs(let uri): text = uri.objectName
        }
        return text.split(separator: "/").last.map(String.init) ?? text
    }
}
