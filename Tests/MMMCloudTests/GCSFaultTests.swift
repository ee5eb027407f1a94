import Foundation
import MMMCloud
import MMMTestSupport
import MMMTransport
import Testing

/// What fake-gcs-server cannot show (cloud-apis.md §8.2), against the hand-written GCS fake: preconditions on
/// resumable uploads, resumable recovery through status queries, and retries after injected faults.
@Suite(.timeLimit(.minutes(5)))
struct GCSFaultTests {
    static let small = GCSTransferOptions(multipartThreshold: 256 * 1024, resumableChunkSize: 256 * 1024)

    static func setUp(_ options: GoogleClientOptions = fastOptions(), credentials: GoogleCredentials? = nil)
        async throws -> (FakeGoogle, GCSClient, String)?
    {
        guard let fake = try await FakeGoogle.get() else { return nil }
        let client = GCSClient(credentials: credentials ?? .anonymous(), endpoints: fake.endpoints, options: options,
                               transfer: small)
        return (fake, client, uniqueName("bkt"))
    }

    static func file(_ size: Int, seed: UInt64) throws -> (URL, Data) {
        var generator = SeededRandom(seed: seed)
        let data = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let url = try TemporaryDirectory.make("gcs-faults").appendingPathComponent("upload.bin")
        try data.write(to: url)
        return (url, data)
    }

    @Test func resumableChunkFailuresResumeFromThePersistedOffset() async throws {
        let logs = LogCapture()
        guard let (fake, client, bucket) = try await Self.setUp(fastOptions(log: logs.handler)) else { return }
        let (url, data) = try Self.file(1_000_000, seed: 1)  // chunks 0, 262144, 524288, 786432
        let uri = try GCSURI("gs://\(bucket)/big.bin")
        // Chunk 2 is stored but its answer is lost; chunk 3 gets a 503; the status query after it is reset.
        try await fake.faults(bucket, method: "PUT", [[:], ["reset": "after"], [:], ["status": 503], ["reset": "before"]])
        let object = try await client.upload(fileAt: url, to: uri, preconditions: .doesNotExist)
        #expect(object.size == 1_000_000)
        #expect(try await client.read(uri).data == data)
        let ranges = try await fake.requests(bucket).filter { $0.method == "PUT" }.compactMap { $0.headers["content-range"] }
        let log = await logs.finish()
        #expect(ranges == [
            "bytes 0-262143/1000000", "bytes 262144-524287/1000000", "bytes */1000000",
            "bytes 524288-786431/1000000", "bytes */1000000", "bytes */1000000",
            "bytes 524288-786431/1000000", "bytes 786432-999999/1000000",
        ], "chunk 2 is not resent: the status query said it was stored; log: \(log)")
        let start = try #require(try await fake.requests(bucket).first { $0.method == "POST" })
        #expect(start.query["ifGenerationMatch"] == "0", "the precondition goes on the session start")
        #expect(start.query["uploadType"] == "resumable")
    }

    @Test func resumablePreconditionsAtStartAndAtCompletion() async throws {
        guard let (fake, client, bucket) = try await Self.setUp() else { return }
        let (url, _) = try Self.file(600_000, seed: 2)
        let existing = try GCSURI("gs://\(bucket)/exists.bin")
        try await client.upload(Data("x".utf8), to: existing)
        let atStart = await #expect(throws: GoogleCloudError.self) {
            try await client.upload(fileAt: url, to: existing, preconditions: .doesNotExist)
        }
        #expect(atStart?.kind == .preconditionFailed)

        // Someone creates the object while the last chunk is in flight: completion fails with 412.
        let racing = try GCSURI("gs://\(bucket)/race.bin")
        let hold = uniqueName("hold")
        try await fake.faults(bucket, method: "PUT", header: ("content-range", "bytes 524288-"), [["hold": hold]])
        let upload = Task { try await client.upload(fileAt: url, to: racing, preconditions: .doesNotExist) }
        // Wait (bounded) until the last chunk is held at the server, write the object, then let the chunk go on.
        var polls = 0
        while try await !fake.requests(bucket).contains(where: { $0.headers["content-range"]?.hasPrefix("bytes 524288-") == true }),
            polls < 3000 {
            polls += 1
            try await Task.sleep(for: .milliseconds(10))
        }
        try await client.upload(Data("first".utf8), to: racing)
        try await fake.post("/_fake/release", ["name": hold])
        let atEnd = await #expect(throws: GoogleCloudError.self) { try await upload.value }
        #expect(atEnd?.kind == .preconditionFailed)
        #expect(try await client.read(racing).data == Data("first".utf8))
    }

    @Test func multipartRetriesOnlyWhenGuarded() async throws {
        guard let (fake, client, bucket) = try await Self.setUp() else { return }
        let unguarded = try GCSURI("gs://\(bucket)/unguarded.json")
        try await fake.faults(bucket, method: "POST", [["status": 503]])
        let error = await #expect(throws: GoogleCloudError.self) { try await client.upload(Data("{}".utf8), to: unguarded) }
        #expect(error?.kind == .serverError)
        #expect(try await fake.requests(bucket).count == 1, "an unconditional write is not repeated")

        let guarded = try GCSURI("gs://\(bucket)/guarded.json")
        try await fake.faults(bucket, method: "POST", [["status": 503], ["status": 429, "headers": ["Retry-After": "0"]]])
        try await client.upload(Data("{}".utf8), to: guarded, preconditions: .doesNotExist)
        #expect(try await client.read(guarded).data == Data("{}".utf8))

        // The first attempt is stored but answered 503; the retry's 412 is recognised as our own write.
        let lost = try GCSURI("gs://\(bucket)/lost.json")
        try await fake.faults(bucket, method: "POST", [["status": 503, "process": true]])
        let object = try await client.upload(Data("[1]".utf8), to: lost, preconditions: .doesNotExist)
        #expect(object.size == 3)
        let posts = try await fake.requests(bucket).filter { $0.method == "POST" && $0.bodySize > 0 }
        #expect(posts.count == 1 + 3 + 2)

        // A real conflict (someone else's object) is a typed 412, sent once and never retried.
        let conflict = await #expect(throws: GoogleCloudError.self) {
            try await client.upload(Data("[2]".utf8), to: lost, preconditions: .doesNotExist)
        }
        #expect(conflict?.isPreconditionFailure == true)
        #expect(try await fake.requests(bucket).filter { $0.method == "POST" && $0.bodySize > 0 }.count == 7)
        #expect(try await client.read(lost).data == Data("[1]".utf8))
    }

    @Test func deletesPinTheGenerationAndAnswer204() async throws {
        guard let (fake, client, bucket) = try await Self.setUp() else { return }
        let uri = try GCSURI("gs://\(bucket)/a.json")
        let object = try await client.upload(Data("a".utf8), to: uri)
        try await client.delete(uri)
        let delete = try #require(try await fake.requests(bucket).last { $0.method == "DELETE" })
        #expect(delete.query["ifGenerationMatch"] == String(object.generation))
        #expect(try await client.metadataIfExists(uri) == nil)

        let replaced = try await client.upload(Data("b".utf8), to: uri)
        let stale = await #expect(throws: GoogleCloudError.self) {
            try await client.delete(uri, preconditions: .generationMatches(object.generation))
        }
        #expect(stale?.kind == .preconditionFailed)
        // Deleted, but the answer was lost: the retry's 404 means done.
        try await fake.faults(bucket, method: "DELETE", [["reset": "after"]])
        try await client.delete(uri, preconditions: .generationMatches(replaced.generation))
        #expect(try await client.metadataIfExists(uri) == nil)
    }

    @Test func readsAndDownloadsRecoverFromTruncationCorruptionAndTimeouts() async throws {
        guard let (fake, client, bucket) = try await Self.setUp() else { return }
        let (url, data) = try Self.file(300_000, seed: 3)
        let uri = try GCSURI("gs://\(bucket)/data.bin")
        try await client.upload(fileAt: url, to: uri)
        try await fake.faults(bucket + "/o/data.bin?alt=media", [["truncate": true], ["corrupt": true], ["status": 500]])
        #expect(try await client.read(uri).data == data)
        let target = url.deletingLastPathComponent().appendingPathComponent("down.bin")
        try await fake.faults(bucket + "/o/data.bin?alt=media", [["corrupt": true], ["truncate": true],
                                                                 ["reset": "before"]])
        try await client.download(uri, to: target)
        #expect(try Data(contentsOf: target) == data)

        let slow = GoogleClientOptions(retryPolicy: fastOptions().retryPolicy, requestTimeout: 1, transferTimeout: 1)
        let impatient = GCSClient(credentials: .anonymous(), endpoints: fake.endpoints, options: slow)
        try await fake.faults(bucket + "/o/data.bin?alt=media", [["delay": 3]])
        #expect(try await impatient.read(uri).data == data)
    }

    @Test func persistentFailuresAreClearAndLeaveTheDestinationAlone() async throws {
        guard let (fake, client, bucket) = try await Self.setUp() else { return }
        let uri = try GCSURI("gs://\(bucket)/data.bin")
        try await client.upload(Data("content".utf8), to: uri)
        try await fake.faults(bucket + "/o/data.bin?alt=media", Array(repeating: ["corrupt": true], count: 4))
        let corrupt = await #expect(throws: GoogleCloudError.self) { try await client.read(uri) }
        #expect(corrupt?.kind == .dataCorruption)
        #expect(corrupt?.description.contains("truncated or corrupted") == true)

        let folder = try TemporaryDirectory.make("gcs-dest")
        let target = folder.appendingPathComponent("keep.txt")
        try Data("previous".utf8).write(to: target)
        try await fake.faults(bucket + "/o/data.bin?alt=media", Array(repeating: ["status": 503], count: 4))
        let outage = await #expect(throws: GoogleCloudError.self) { try await client.download(uri, to: target) }
        #expect(outage?.kind == .serverError)
        #expect(outage?.httpStatus == 503)
        #expect(try Data(contentsOf: target) == Data("previous".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.txt"])
    }

    @Test func authenticatedBucketsRefreshAnExpiredTokenOnce() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let email = FakeGoogle.newAccount("gcs")
        let credentials = try await fake.serviceAccount(email)
        guard let (_, client, bucket) = try await Self.setUp(credentials: credentials) else { return }
        try await fake.post("/_fake/gcs/buckets", ["name": bucket, "requireAuth": true])
        let uri = try GCSURI("gs://\(bucket)/private.json")
        try await client.upload(Data("{}".utf8), to: uri, preconditions: .doesNotExist)
        try await fake.revoke(subject: email)
        #expect(try await client.read(uri).data == Data("{}".utf8))
        #expect(await credentials.fetchCount == 2)
        let anonymous = GCSClient(credentials: .anonymous(), endpoints: fake.endpoints, options: fastOptions())
        let denied = await #expect(throws: GoogleCloudError.self) { try await anonymous.read(uri) }
        #expect(denied?.kind == .unauthenticated)
    }

    @Test func listingPagesAcrossPrefixes() async throws {
        guard let (_, client, bucket) = try await Self.setUp() else { return }
        for name in ["r/1/a", "r/1/b", "r/2/a", "r/x", "r/y", "r/z"] {
            try await client.upload(Data(name.utf8), to: GCSURI(bucket: bucket, objectName: name))
        }
        let listing = try await client.list(GCSURI("gs://\(bucket)/r/"), delimiter: "/", pageSize: 2)
        #expect(listing.prefixes == ["r/1/", "r/2/"])
        #expect(listing.objects.map(\.uri.objectName) == ["r/x", "r/y", "r/z"])
    }
}
