import Foundation
import MMMCloud
import MMMCore
import MMMQueue
import Testing

/// The compare-and-swap contract, the same for the local directory and for Cloud Storage (fake-gcs-server).
@Suite(.timeLimit(.minutes(5)))
struct QueueStoreTests {
    private func job(_ id: String, _ fixture: QueueFixture) -> QueueJob {
        QueueJob(id: id, queue: fixture.name, spec: fixture.spec(id, results: "/tmp/results"), maxAttempts: 1, now: Date(),
                 by: "test")
    }

    @Test(arguments: StoreKind.allCases)
    func createIsExclusiveAndReplaceNeedsTheVersionRead(_ kind: StoreKind) async throws {
        guard let fixture = try await QueueFixture.make(kind) else { return }
        let store = try await fixture.makeStore()
        let bytes = try StrictJSON.encode(job("a", fixture))
        let first = try #require(try await store.createJob("a", bytes))
        #expect(try await store.createJob("a", bytes) == nil, "a second create of the same id must fail")
        let read = try #require(try await store.readJob("a"))
        #expect(read.version == first && read.data == bytes)
        let second = try #require(try await store.replaceJob("a", Data("{}\n".utf8), expected: first))
        #expect(second != first)
        #expect(try await store.replaceJob("a", Data("[]\n".utf8), expected: first) == nil, "a stale version must lose")
        #expect(try await store.readJob("a")?.data == Data("{}\n".utf8))
        #expect(try await store.jobIds() == ["a"])
        #expect(try await store.readJob("missing") == nil)
        #expect(try await store.replaceJob("missing", bytes, expected: 1) == nil)
    }

    /// A writer that read long ago must lose even after many newer versions (the local store empties old versions
    /// but never frees their names).
    @Test(arguments: StoreKind.allCases)
    func aLongStaleWriterStillLoses(_ kind: StoreKind) async throws {
        guard let fixture = try await QueueFixture.make(kind) else { return }
        let store = try await fixture.makeStore()
        var version = try #require(try await store.createJob("s", Data("0\n".utf8)))
        let stale = version
        for n in 1...6 { version = try #require(try await store.replaceJob("s", Data("\(n)\n".utf8), expected: version)) }
        #expect(try await store.replaceJob("s", Data("stale\n".utf8), expected: stale) == nil)
        let middle = try #require(try await store.readJob("s")).version
        #expect(try await store.readJob("s")?.data == Data("6\n".utf8))
        #expect(middle == version)
    }

    /// Many writers (each with its own store, as separate processes have) increment one job at once: every
    /// increment lands, so the count and the revision are exact.
    @Test(arguments: StoreKind.allCases)
    func concurrentUpdatesAreNeverLost(_ kind: StoreKind) async throws {
        guard let fixture = try await QueueFixture.make(kind) else { return }
        let queue = try await fixture.queue()
        #expect(try await queue.submit(job("counter", fixture)))
        let writers = 6
        let each = 15
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<writers {
                group.addTask {
                    let mine = try await fixture.queue()
                    for _ in 0..<each {
                        let result = try await mine.update("counter", by: "writer \(w)") { job in
                            job.maxAttempts += 1
                            return true
                        }
                        #expect(result.wasWritten)
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try #require(try await queue.job("counter")?.job)
        #expect(final.maxAttempts == 1 + writers * each)
        #expect(final.revision == 1 + writers * each)
    }

    @Test(arguments: StoreKind.allCases)
    func sideFilesAreWriteOnce(_ kind: StoreKind) async throws {
        guard let fixture = try await QueueFixture.make(kind) else { return }
        let store = try await fixture.makeStore()
        let location = try await store.putFile("configs/x.json", Data("{\"a\":1}".utf8))
        #expect(location.hasSuffix("/q/configs/x.json"))
        #expect(try await store.putFile("configs/x.json", Data("{\"a\":1}".utf8)) == location, "same bytes: accepted")
        await #expect(throws: QueueUsageError.self) { try await store.putFile("configs/x.json", Data("{\"a\":2}".utf8)) }
        #expect(try await fixture.files.read(location) == Data("{\"a\":1}".utf8))
    }

    @Test(arguments: StoreKind.allCases)
    func cleanupDeletesOnlyOldTerminalJobs(_ kind: StoreKind) async throws {
        guard let fixture = try await QueueFixture.make(kind) else { return }
        let queue = try await fixture.queue()
        for id in ["old", "new", "open"] { #expect(try await queue.submit(job(id, fixture))) }
        for id in ["old", "new"] {
            try await queue.update(id, by: "test") { job in
                job.move(to: .succeeded, by: "test", at: Date().addingTimeInterval(id == "old" ? -7200 : 0), note: nil)
                return true
            }
        }
        #expect(try await queue.cleanup(olderThan: 3600) == ["old"])
        #expect(try await queue.store.jobIds() == ["new", "open"])
    }

    @Test func queueRootsAndNames() throws {
        #expect(try QueueRoot("gs://bucket/queues") == .gcs(try GCSURI("gs://bucket/queues")))
        #expect(try QueueRoot("/tmp/q") == .local("/tmp/q"))
        #expect(throws: QueueUsageError.self) { try QueueRoot("GS:/bucket") }
        #expect(throws: QueueUsageError.self) { try QueueRoot.checkQueueName("my queue") }
        #expect(throws: QueueUsageError.self) { try QueueRoot.resolve(flag: nil, environment: [:]) }
        #expect(try QueueRoot.resolve(flag: nil, environment: ["MMM_QUEUE_ROOT": "/srv/q"]) == .local("/srv/q"))
    }
}
