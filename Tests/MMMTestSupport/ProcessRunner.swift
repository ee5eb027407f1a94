import Foundation

/// What a finished process printed.
public struct ProcessOutput: Sendable {
    public var code: Int32
    /// Standard output as raw bytes (binary-safe) and as UTF-8 text.
    public var stdoutData: Data
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    public var stderr: String
}

/// Runs programs from tests (the built CLI, python3 oracles, openssl).
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, feeding `stdin`, and waits for it.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil
    ) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessOutput(code: process.terminationStatus, stdoutData: o, stderr: String(decoding: e, as: UTF8.self))
    }

    /// ``run(_:_:stdin:environment:)`` waiting on a dispatch queue instead of a Swift concurrency thread, so a long
    /// child process (a training run) does not hold one of the few cooperative threads that every other test in the
    /// process shares.
    public static func runOffPool(
        _ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil
    ) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try run(executable, arguments, stdin: stdin, environment: environment)
                })
            }
        }
    }

    /// The SHA-256 of a file as Python's hashlib computes it (an independent oracle).
    public static func pythonSHA256(_ path: String) throws -> String {
        let script = "import hashlib,sys;print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())"
        return try run("/usr/bin/env", ["python3", "-c", script, path]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Fresh temporary directories for tests.
public enum TemporaryDirectory {
    public static func make(_ prefix: String = "mmm-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
