import Foundation
import MMMTestSupport
import Testing

/// Locates and runs the built `mmm-cli` binary.
enum CLI {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (SwiftPM builds it because this target depends on it).
    static var binary: String { BuiltExecutable.path("mmm-cli", repoRoot: repoRoot) }

    static func path(_ relative: String) -> String { repoRoot.appendingPathComponent(relative).path }

    /// Runs `mmm-cli` with arguments.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> ProcessOutput {
        try ProcessRunner.run(binary, arguments, environment: environment)
    }

    /// Runs `mmm-cli` from an async test without blocking a Swift concurrency thread while it runs.
    static func launch(_ arguments: [String], environment: [String: String]? = nil) async throws -> ProcessOutput {
        try await ProcessRunner.runOffPool(binary, arguments, environment: environment)
    }
}

/// A fresh temporary directory.
func scratchDirectory() throws -> URL { try TemporaryDirectory.make("mmm-cli-tests") }

/// Writes text to a file in `directory` and returns its path.
func write(_ text: String, _ name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// The JSON object printed on stdout.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}
