import Foundation

extension ProcessRunner {
    /// Runs a program like ``run(_:_:stdin:environment:)``, but waits on a thread of its own: a test awaiting a child
    /// process then does not hold one of the few threads of Swift's cooperative pool (two on a 2-core machine), which
    /// every other running test needs to make progress.
    /// - Parameters:
    ///   - executable: absolute path of the program.
    ///   - arguments: its arguments.
    ///   - stdin: bytes fed on standard input.
    ///   - environment: the environment; nil inherits this process's.
    /// - Returns: the exit code and output.
    /// - Throws: when the program cannot be started.
    public static func runDetached(
        _ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil
    ) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try run(executable, arguments, stdin: stdin, environment: environment)
                })
            }.start()
        }
    }
}
