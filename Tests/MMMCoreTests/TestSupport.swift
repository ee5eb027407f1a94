import Foundation
import Testing

@testable import MMMCore

/// Paths to the repository and to ../shared, found from this file's location.
enum TestPaths {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static func repo(_ relative: String) -> String { repoRoot.appendingPathComponent(relative).path }
    static func shared(_ relative: String) -> String { shared.appendingPathComponent(relative).path }
}

/// A fresh temporary directory per call.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs a program and returns its exit code and outputs.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], stdin: Data? = nil) throws -> (code: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
    } else {
        try process.run()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Decodes JSON text with the strict decoder, for contract tests.
func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try StrictJSON.decode(type, from: Data(json.utf8))
}

/// The configuration error a decode throws, or nil.
func configError<T: Decodable>(_ type: T.Type, _ json: String) -> ConfigError? {
    do {
        _ = try decode(type, json)
        return nil
    } catch let error as ConfigError {
        return error
    } catch {
        return ConfigError(path: "?", "unexpected \(error)")
    }
}
