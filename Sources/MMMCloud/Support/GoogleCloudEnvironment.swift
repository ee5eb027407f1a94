import Foundation

/// The file access credential discovery needs; tests inject an in-memory version.
public protocol CloudFileSystem: Sendable {
    /// The file's bytes, or `nil` when it does not exist.
    /// - Parameter path: An absolute path.
    /// - Throws: When the file exists but cannot be read.
    func contents(atPath path: String) throws -> Data?
}

/// The real file system.
public struct LocalCloudFileSystem: CloudFileSystem {
    /// Creates the accessor.
    public init() {}

    public func contents(atPath path: String) throws -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

/// Everything the Google clients read from their surroundings: environment variables, the home directory and
/// files. Passed in explicitly so nothing deep in the library reads the process state (tests stay hermetic).
public struct GoogleCloudEnvironment: Sendable {
    /// Environment variables (`GOOGLE_APPLICATION_CREDENTIALS`, `CLOUDSDK_CONFIG`, `GCE_METADATA_HOST`, …).
    public var variables: [String: String]
    /// The home directory, for `~/.config/gcloud`.
    public var homeDirectory: String
    /// File access.
    public var fileSystem: any CloudFileSystem

    /// Creates an environment.
    /// - Parameters:
    ///   - variables: Environment variables.
    ///   - homeDirectory: The home directory.
    ///   - fileSystem: File access (default: the real file system).
    public init(
        variables: [String: String], homeDirectory: String, fileSystem: any CloudFileSystem = LocalCloudFileSystem()
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.fileSystem = fileSystem
    }

    /// The running process's environment, home directory and file system (call this once, at the top).
    /// - Returns: The current environment.
    public static func current() -> GoogleCloudEnvironment {
        GoogleCloudEnvironment(
            variables: ProcessInfo.processInfo.environment,
            homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path)
    }

    /// A variable's value with surrounding white space removed, or `nil` when it is unset or blank.
    /// - Parameter name: The variable name.
    public func value(_ name: String) -> String? {
        guard let raw = variables[name] else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first of several variables that has a value.
    /// - Parameter names: Variable names in order of preference.
    /// - Returns: The name and value found, or `nil`.
    func firstValue(_ names: [String]) -> (name: String, value: String)? {
        for name in names {
            if let value = value(name) { return (name, value) }
        }
        return nil
    }
}
