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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(command: script, status: process.terminationStatus,
                          stderr: String(decoding: err, as: UTF8.self))
        }
        return out
    }

    /// Quotes a value for `/bin/sh`.
    public static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
