import Foundation

/// Runs command-line tools (the `openssl` CLI as an independent oracle) from tests.
public enum Shell {
    public struct Failure: Error, CustomStringConvertible {
        public let command: String
        public let status: Int32
        public let stderr: String
        public var description: String { "\(command) exited \(status): \(stderr)" }
    }

    /// Runs `/bin/sh -c script`, feeding `input` on stdin.
    /// - Returns: Standard output bytes.
    @discardableResult
    public static func run(_ script: String, input: Data? = nil) throws -> Data {
        let result = try ProcessRunner.run("/bin/sh", ["-c", script], stdin: input)
        guard result.code == 0 else { throw Failure(command: script, status: result.code, stderr: result.stderr) }
        return result.stdoutData
    }

    /// Quotes a value for `/bin/sh`.
    public static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
