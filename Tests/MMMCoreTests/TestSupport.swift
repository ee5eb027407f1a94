import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore

/// Paths to the repository, found from this file's location.
enum TestPaths {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func repo(_ relative: String) -> String { repoRoot.appendingPathComponent(relative).path }
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
