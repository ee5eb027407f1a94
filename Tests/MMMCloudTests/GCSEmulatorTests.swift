import Foundation
import MMMCloud
import MMMTestSupport
import MMMTransport
import Testing

/// The GCS client against fake-gcs-server (the primary emulator; started once per test process).
@Suite(.timeLimit(.minutes(5)))
struct GCSEmulatorTests {
    private func setUp(_ transfer: GCSTransferOptions = GCSTransferOptions()) async throws -> (GCSClient, String)? {
        guard let emulator = try await FakeGCSServer.get() else { return nil }
        return (try await emulator.client(transfer: transfer), try await emulator.newBucket())
    }

    /// Bytes from a seeded generator, so every run uploads the same content.
    private func content(_ count: Int, seed: UInt64) -> Data {
        var generator = SeededRandom(seed: seed)
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    @Test func emulatorClientIsAnonymous() async throws {
        guard let (client, _) = try await setUp() else { return }
        #expect(client.credentials.isAnonymous)
        #expect(client.endpoints.storageIsEmulator)
        #expect(try await client.credentials.accessToken() == nil)
    }

    @Test func multipartUploadReadAndMetadata() async throws {
        guard let (client, bucket) = try await setUp() else { return }
        let uri = try GCSURI("gs://\(bucket)/runs/r1/model summary+é.json")
        let data = Data(#"{"best":"1_2_3"}"#.utf8)
        let written = try await client.upload(data, to: uri, contentType: "application/json", metadata: ["run": "r1"])
        #expect(written.uri == uri)
        #expect(written.size == Int64(data.count))
        #expect(written.crc32c == CRC32C.checksum(data))
        #expect(written.md5 == StreamingDigest.hash(.md5, data))
        let read = try await client.read(uri)
        #expect(read.data == data)
        #expect(read.generation == written.generation)
        let metadata = try await client.metadata(uri)
        #expect(metadata.contentType == "application/json")
        #expect(metadata.metadata == ["run": "r1"])
        #expect(metadata.generation == written.generation)
        #expect(try await client.metadataIfExists(uri.appending("nope")) == nil)
        #expect(try await client.readIfExists(uri.appending("nope")) == nil)
        #expect(try await client.readIfExists(uri)?.data == data)
        let missing = await #expect(throws: GoogleCloudError.self) { try await client.read(try uri.appending("nope")) }
        #expect(missing?.kind == .notFound)
    }

    @Test func resumableUploadAndStreamedDownloadOfALargeFile() async throws {
        guard let (client, bucket) = try await setUp(
            GCSTransferOptions(multipartThreshold: 256 * 1024, resumableChunkSize: 256 * 1024)) else { return }
        let folder = try TemporaryDirectory.make("gcs-resumable")
        let source = folder.appendingPathComponent("big.bin")
        let data = content(1_300_000, seed: 7)  // five chunks, the last one partial
        try data.write(to: source)
        let uri = try GCSURI("gs://\(bucket)/data/big.bin")
        let written = try await client.upload(fileAt: source, to: uri, preconditions: .doesNotExist)
        #expect(written.size == 1_300_000)
        let target = folder.appendingPathComponent("copy.bin")
        try Data("old".utf8).write(to: target)
        let downloaded = try await client.download(uri, to: target)
        #expect(downloaded.generation == written.generation)
        #expect(try ProcessRunner.pythonSHA256(target.path) == SHA256Digest.hex(data), "independent hash")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["big.bin", "copy.bin"],
                "no temporary files left")
        let nowhere = await #expect(throws: GoogleCloudError.self) {
            try await client.download(uri, to: folder.appendingPathComponent("missing/dir/x.bin"))
        }
        #expect(nowhere?.kind == .invalidInput)
    }

    @Test func createOnlyAndGenerationGuardedWrites() async throws {
        guard let (client, bucket) = try await setUp() else { return }
        let uri = try GCSURI("gs://\(bucket)/runs/r2/status.json")
        let first = try await client.upload(Data("RUNNING".utf8), to: uri, preconditions: .doesNotExist)
        let exists = await #expect(throws: GoogleCloudError.self) {
            try await client.upload(Data("other".utf8), to: uri, preconditions: .doesNotExist)
        }
        #expect(exists?.kind == .preconditionFailed)
        #expect(exists?.isPreconditionFailure == true)
        #expect(exists?.httpStatus == 412)
        #expect(exists?.description.contains("already exists (create-only write)") == true)
        let second = try await client.upload(Data("SUCCEEDED".utf8), to: uri,
                                             preconditions: .generationMatches(first.generation))
        #expect(second.generation != first.generation)
        let stale = await #expect(throws: GoogleCloudError.self) {
            try await client.upload(Data("FAILED".utf8), to: uri, preconditions: .generationMatches(first.generation))
        }
        #expect(stale?.kind == .preconditionFailed)
        #expect(stale?.description.contains("no longer at generation \(first.generation)") == true)
        #expect(try await client.read(uri).data == Data("SUCCEEDED".utf8))
    }

    @Test func listingWithPrefixDelimiterAndPages() async throws {
        guard let (client, bucket) = try await setUp() else { return }
        let names = ["runs/a/status.json", "runs/a/log.txt", "runs/b/status.json", "runs/c.json", "runs/d.json",
                     "other/x.json"]
        for name in names { try await client.upload(Data(name.utf8), to: GCSURI(bucket: bucket, objectName: name)) }
        let prefix = try GCSURI("gs://\(bucket)/runs/")
        let all = try await client.list(prefix, pageSize: 2)
        #expect(all.objects.map(\.uri.objectName) == names.filter { $0.hasPrefix("runs/") }.sorted())
        #expect(all.objects.allSatisfy { $0.generation > 0 && $0.size > 0 })
        let level = try await client.list(prefix, delimiter: "/")
        #expect(level.objects.map(\.uri.objectName) == ["runs/c.json", "runs/d.json"])
        #expect(level.prefixes == ["runs/a/", "runs/b/"])
        let page = try await client.listPage(prefix, maxResults: 2)
        #expect(page.objects.count == 2)
        #expect(page.nextPageToken != nil)
        #expect(try await client.list(GCSURI("gs://\(bucket)/none/")).objects.isEmpty)
        #expect(try await client.list(GCSURI("gs://\(bucket)")).objects.count == names.count)
    }

    @Test func deleteCopyAndNames() async throws {
        guard let (client, bucket) = try await setUp() else { return }
        let source = try GCSURI("gs://\(bucket)/in/a b+c/ü.csv")
        try await client.upload(Data("x,y\n1,2\n".utf8), to: source, contentType: "text/csv")
        let copy = try await client.copy(source, to: try GCSURI("gs://\(bucket)/out/copy.csv"))
        #expect(copy.size == 8)
        #expect(try await client.read(copy.uri).data == Data("x,y\n1,2\n".utf8))
        try await client.delete(source)
        #expect(try await client.metadataIfExists(source) == nil)
        #expect(try await client.deleteIfExists(source) == false)
        let missing = await #expect(throws: GoogleCloudError.self) { try await client.delete(source) }
        #expect(missing?.kind == .notFound)
        let bucketOnly = await #expect(throws: GoogleCloudError.self) { try await client.read(try GCSURI("gs://\(bucket)")) }
        #expect(bucketOnly?.kind == .invalidInput)
    }
}
