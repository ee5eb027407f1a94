import Foundation
import MMMCore
import MMMJobs
import MMMTestSupport
import Testing

@Suite struct LocalRunStoreTests {
    @Test func chosenRunFoldersAreNeverTakenTwice() async throws {
        let store = LocalRunStore(root: try TemporaryDirectory.make().path)
        let first = try await store.createRun(id: "q1", allowSuffix: false)
        #expect(first.runId == "q1")
        await #expect(throws: ConfigError.self) { try await store.createRun(id: "q1", allowSuffix: false) }
        #expect(try await store.createRun(id: "q1", allowSuffix: true).runId == "q1-2")
        await #expect(throws: ConfigError.self) { try await store.createRun(id: "../x", allowSuffix: true) }
        #expect(try await store.runIds() == ["q1", "q1-2"])
    }

    @Test func filesAreWrittenWholeReadBackAndListed() async throws {
        let store = LocalRunStore(root: try TemporaryDirectory.make().path)
        let folder = try await store.createRun(id: "r", allowSuffix: false)
        try await folder.write(Data("one".utf8), to: "a.txt")
        try await folder.write(Data("two".utf8), to: "a.txt")
        try await folder.append(Data("x\n".utf8), to: "log.txt")
        try await folder.append(Data("y\n".utf8), to: "log.txt")
        try await folder.writeStreaming(to: "t.csv") { emit in
            try emit(Array("h\n".utf8))
            try emit(Array("1\n".utf8))
        }
        await #expect(throws: FileWriteError.self) {
            try await folder.writeStreaming(to: "broken.csv") { emit in
                try emit(Array("h\n".utf8))
                throw CancellationError()
            }
        }
        #expect(try await folder.read("a.txt") == Data("two".utf8))
        #expect(try await folder.read("log.txt") == Data("x\ny\n".utf8))
        #expect(try await folder.read("missing") == nil)
        // No temporary file and no half-written table is left behind.
        #expect(try await folder.fileNames() == ["a.txt", "log.txt", "t.csv"])
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.location).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty)
        await #expect(throws: FileWriteError.self) { try await folder.write(Data(), to: "../escape") }
        let reopened = try #require(try await store.openRun(id: "r"))
        #expect(try await reopened.read("t.csv") == Data("h\n1\n".utf8))
        #expect(try await store.openRun(id: "nope") == nil)
    }
}
