import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMTestSupport
import Testing

/// The Cloud Storage run store against fake-gcs-server (which honours `ifGenerationMatch` on the multipart uploads
/// the store uses for every guarded write).
@Suite(.timeLimit(.minutes(5)))
struct GCSRunStoreTests {
    @Test func concurrentClaimsNeverShareAFolder() async throws {
        guard let (client, bucket, _) = try await emulatorBucket() else { return }
        let store = try GCSRunStore(client: client, root: GCSURI("gs://\(bucket)/runs"))
        #expect(store.location == "gs://\(bucket)/runs")
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await store.createRun(id: "race", allowSuffix: true).runId } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(ids.sorted() == (["race"] + (2...8).map { "race-\($0)" }).sorted())
        // A caller-chosen id: exactly one of four concurrent claims wins; the others are told the id is taken.
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do {
                        return try await store.createRun(id: "fixed", allowSuffix: false).runId
                    } catch let error as ConfigError {
                        return "taken: " + error.message
                    } catch {
                        return "other: \(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == "fixed" }.count == 1)
        #expect(outcomes.filter { $0.hasPrefix("taken: ") && $0.contains("gs://\(bucket)/runs/fixed") }.count == 3, "\(outcomes)")
        // Each claimed folder holds one claim marker naming its own run.
        for id in ids {
            let marker = try await client.read(GCSURI("gs://\(bucket)/runs/\(id)/\(GCSRunStore.claimMarker)"))
            let json = try #require(try JSONSerialization.jsonObject(with: marker.data) as? [String: Any])
            #expect(json["run_id"] as? String == id)
        }
        // A folder someone filled without a claim (copied in by hand) is taken too.
        try await client.upload(Data("x".utf8), to: GCSURI("gs://\(bucket)/runs/copied/data.csv"))
        #expect(try await store.createRun(id: "copied", allowSuffix: true).runId == "copied-2")
        await #expect(throws: ConfigError.self) { try await store.createRun(id: "copied", allowSuffix: false) }
        await #expect(throws: ConfigError.self) { try await store.createRun(id: "../x", allowSuffix: true) }
        #expect(try await store.runIds() == (ids + ["copied", "copied-2", "fixed"]).sorted())
    }

    @Test func filesAreWrittenWholeReadBackAndListed() async throws {
        guard let (client, bucket, _) = try await emulatorBucket() else { return }
        let store = try GCSRunStore(client: client, root: GCSURI("gs://\(bucket)/nested/runs/"))
        let folder = try await store.createRun(id: "r", allowSuffix: false)
        #expect(folder.location == "gs://\(bucket)/nested/runs/r")
        try await folder.write(Data("one".utf8), to: "a.txt")
        try await folder.write(Data("two".utf8), to: "a.txt")  // replaces exactly the generation written before
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
        // The claim marker is hidden; no half-written table exists.
        #expect(try await folder.fileNames() == ["a.txt", "log.txt", "t.csv"])
        let stored = try await client.list(GCSURI("gs://\(bucket)/nested/runs/r/")).objects.map(\.uri.objectName)
        #expect(stored.sorted() == ["a.txt", "log.txt", "t.csv", GCSRunStore.claimMarker].map { "nested/runs/r/" + $0 }.sorted())
        #expect(try await client.metadata(GCSURI("gs://\(bucket)/nested/runs/r/t.csv")).contentType == "text/csv")
        await #expect(throws: FileWriteError.self) { try await folder.write(Data(), to: "../escape") }
        let reopened = try #require(try await store.openRun(id: "r"))
        #expect(try await reopened.read("t.csv") == Data("h\n1\n".utf8))
        try await reopened.write(Data("three".utf8), to: "a.txt")  // a reopened folder replaces what is there
        #expect(try await folder.read("a.txt") == Data("three".utf8))
        #expect(try await store.openRun(id: "nope") == nil)
        #expect(try await store.openRun(id: "../r") == nil)
    }

    @Test func aSecondWriterIsDetectedNotOverwritten() async throws {
        guard let (client, bucket, _) = try await emulatorBucket() else { return }
        let store = try GCSRunStore(client: client, root: GCSURI("gs://\(bucket)/runs"))
        let mine = try await store.createRun(id: "r", allowSuffix: false)
        try await mine.write(Data("RUNNING".utf8), to: "status.json")
        let other = try #require(try await store.openRun(id: "r"))
        try await other.write(Data("someone else".utf8), to: "status.json")
        let conflict = await #expect(throws: FileWriteError.self) { try await mine.write(Data("SUCCEEDED".utf8), to: "status.json") }
        #expect(conflict?.reason.contains("412") == true)
        #expect(try await other.read("status.json") == Data("someone else".utf8))
        // A file this run never wrote but someone else created is not overwritten by a create-only write either.
        try await other.write(Data("theirs".utf8), to: "model_summary.json")
        await #expect(throws: FileWriteError.self) { try await mine.write(Data("mine".utf8), to: "model_summary.json") }
    }

    @Test func concurrentAppendsLoseNoLine() async throws {
        guard let (client, bucket, _) = try await emulatorBucket() else { return }
        let store = try GCSRunStore(client: client, root: GCSURI("gs://\(bucket)/runs"))
        _ = try await store.createRun(id: "r", allowSuffix: false)
        let a = try #require(try await store.openRun(id: "r"))
        let b = try #require(try await store.openRun(id: "r"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (writer, folder) in [("a", a), ("b", b)] {
                group.addTask { for i in 0..<4 { try await folder.append(Data("\(writer)\(i)\n".utf8), to: "console.log") } }
            }
            try await group.waitForAll()
        }
        let lines = String(decoding: try #require(try await a.read("console.log")), as: UTF8.self).split(separator: "\n")
        #expect(lines.sorted() == ["a0", "a1", "a2", "a3", "b0", "b1", "b2", "b3"])
        #expect(lines.filter { $0.hasPrefix("a") } == ["a0", "a1", "a2", "a3"], "each writer's lines stay in order")
    }
}
