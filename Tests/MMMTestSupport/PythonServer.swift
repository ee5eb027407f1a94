import Foundation

/// A Python HTTP server from `Tests/Fixtures/<area>` (default `snowflake`), started on 127.0.0.1 with an ephemeral
/// port.
///
/// The script prints `PORT <n>` on stdout once it listens, or `SKIP <reason>` when a dependency it needs is missing
/// (then ``Unavailable`` is thrown so the test can print a loud SKIPPED line). ``stop()`` terminates exactly the
/// process started here. With `exitWhenTestsExit`, the script's stdin is a pipe this process holds open: scripts
/// that watch stdin exit when the test process ends, so a server shared by a whole suite never outlives it.
public final class PythonServer: Sendable {
    public struct StartFailure: Error, CustomStringConvertible { public let description: String }

    /// The script reported that a dependency is missing (e.g. a PyPI package).
    public struct Unavailable: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    public let process: Process
    public let port: Int
    /// Held open so the child's stdin reaches EOF only when this process exits (or the server is stopped).
    private let stdinPipe: Pipe?
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    /// The fixtures folder of an area.
    /// - Parameter area: A folder under `Tests/Fixtures`, e.g. `snowflake` or `gcp`.
    public static func fixturesDirectory(_ area: String = "snowflake", filePath: String = #filePath) -> URL {
        // Tests/MMMTestSupport/PythonServer.swift → Tests/Fixtures/<area>
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(area)
    }

    /// Starts a script and waits for its `PORT` line.
    /// - Parameters:
    ///   - script: The file name inside the fixtures folder.
    ///   - fixtures: The fixtures area (default `snowflake`).
    ///   - arguments: Script arguments.
    ///   - exitWhenTestsExit: Give the script a stdin pipe held by this process (see the type's documentation).
    /// - Throws: ``Unavailable`` when the script reports a missing dependency, ``StartFailure`` otherwise.
    public init(
        script: String, fixtures: String = "snowflake", arguments: [String] = [], exitWhenTestsExit: Bool = false
    ) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.fixturesDirectory(fixtures).appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        let input = exitWhenTestsExit ? Pipe() : nil
        if let input { process.standardInput = input }
        try process.run()
        self.process = process
        self.stdinPipe = input
        let line = await Self.readLine(output.fileHandleForReading)
        if let line, line.hasPrefix("SKIP ") {
            process.waitUntilExit()
            throw Unavailable(reason: String(line.dropFirst(5)))
        }
        guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw StartFailure(description: "\(script) did not report a port (got \(line ?? "EOF"))")
        }
        self.port = port
    }

    /// Stops the server: SIGTERM, a bounded wait, then SIGKILL to the same pid if it is still running.
    public func stop() {
        try? stdinPipe?.fileHandleForWriting.close()
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<100 where process.isRunning { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// Reads one line on a background queue so the cooperative thread pool is never blocked.
    private static func readLine(_ handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while bytes.count < 400 {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first else { break }
                    if byte == UInt8(ascii: "\n") {
                        continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
                        return
                    }
                    bytes.append(byte)
                }
                continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
