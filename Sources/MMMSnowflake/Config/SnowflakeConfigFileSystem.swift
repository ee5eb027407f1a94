import Foundation

/// The file access the configuration resolver needs; tests inject an in-memory version.
public protocol SnowflakeConfigFileSystem: Sendable {
    /// The file's bytes, or `nil` when it does not exist.
    /// - Parameter path: An absolute path.
    /// - Throws: When the file exists but cannot be read.
    func contents(atPath path: String) throws -> Data?
    /// Whether group or others may read the file (connections files holding passphrases should be 0600).
    /// - Parameter path: An absolute path.
    func isReadableByOthers(atPath path: String) -> Bool
}

/// The real file system.
public struct LocalConfigFileSystem: SnowflakeConfigFileSystem {
    /// Creates the accessor.
    public init() {}

    public func contents(atPath path: String) throws -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    public func isReadableByOthers(atPath path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? NSNumber
        else { return false }
        return mode.intValue & 0o044 != 0
    }
}
