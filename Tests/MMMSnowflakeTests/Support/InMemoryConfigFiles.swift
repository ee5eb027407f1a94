import Foundation
import MMMSnowflake

/// An in-memory file system for configuration tests.
struct InMemoryConfigFiles: SnowflakeConfigFileSystem {
    var files: [String: String] = [:]
    var worldReadable: Set<String> = []
    var unreadable: Set<String> = []

    struct Unreadable: Error {}

    func contents(atPath path: String) throws -> Data? {
        if unreadable.contains(path) { throw Unreadable() }
        return files[path].map { Data($0.utf8) }
    }

    func isReadableByOthers(atPath path: String) -> Bool { worldReadable.contains(path) }
}
