import Foundation

/// A Python HTTP server from `Tests/Fixtures/snowflake`, started on 127.0.0.1 with an ephemeral port.
///
/// The script prints `PORT <n>` on stdout once it listens; ``stop()`` terminates exactly the process started here.
public final class PythonServer {
    public struct StartFailure: Error, CustomStringConvertible { public let description: String }

    public let process: Process
    public let port: Int
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    public static func fixturesDirectory(filePath: String = #filePath) -> URL {
        // Tests/MMMTestSupport/PythonServer.swift → Tests/Fixtures/snowflake
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/snowflake")
    }

    public init(script: String, arguments: [String] = []) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.fixturesDirectory().appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        self.process = process
        let line = await Self.readLine(output.fileHandleForReading)
        guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw StartFailure(description: "\(script) did not report a port (got \(line ?? "EOF"))")
        }
        self.port = port
    }

    /// Stops the server: SIGTERM, a bounded wait, then SIGKILL to the same pid if it is still running.
    public func stop() {
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
                while bytes.count < 200 {
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
