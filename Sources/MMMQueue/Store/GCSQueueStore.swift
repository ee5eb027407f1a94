import Foundation
import MMMCloud
import MMMCore

/// A queue under a Cloud Storage prefix: `<prefix>/<queue>/jobs/<id>.json`, one object per job, every write
/// guarded by the object's generation (`ifGenerationMatch`: `0` to create, the generation read to replace), so a
/// writer that lost a race gets HTTP 412 and re-reads instead of overwriting (reference-system.md §9 item 13).
///
/// Guarded writes use multipart uploads (the upload type fake-gcs-server also checks preconditions on). Every write
/// carries its writer's identity and time, so the client's "412 after a retried upload whose first attempt did
/// land" check (same bytes read back) can only accept the writer's own bytes.
public struct GCSQueueStore: QueueStore {
    /// The client.
    public let client: GCSClient
    /// The queue's prefix, `gs://bucket/prefix/<queue>/`.
    public let prefix: GCSURI

    /// A store for queue `queue` under `root`.
    /// - Parameters:
    ///   - client: The Cloud Storage client.
    ///   - root: The queue root (`gs://bucket` or `gs://bucket/prefix`).
    ///   - queue: The queue's name.
    /// - Throws: ``GCSURIError`` when the names do not make a valid object name.
    public init(client: GCSClient, root: GCSURI, queue: String) throws(GCSURIError) {
        self.client = client
        let base = root.objectName.isEmpty || root.objectName.hasSuffix("/") ? root.objectName : root.objectName + "/"
        prefix = try GCSURI(bucket: root.bucket, objectName: base + queue + "/")
    }

    public var location: String { "gs://\(prefix.bucket)/\(prefix.objectName.dropLast())" }

    private func jobURI(_ id: String) throws -> GCSURI { try prefix.appending("jobs/\(id).json") }

    public func jobIds() async throws -> [String] {
        let listing = try await client.list(try prefix.appending("jobs/"), delimiter: "/")
        return listing.objects.compactMap { object -> String? in
            let name = object.uri.objectName.split(separator: "/").last.map(String.init) ?? ""
            guard name.hasSuffix(".json") else { return nil }
            let id = String(name.dropLast(5))
            return PathSegment.isSafe(id) ? id : nil
        }.sorted()
    }

    public func readJob(_ id: String) async throws -> VersionedObject? {
        guard let content = try await client.readIfExists(try jobURI(id)) else { return nil }
        guard let generation = content.generation else {
            throw QueueRuntimeError("Cloud Storage did not report the generation of \(try jobURI(id))")
        }
        return VersionedObject(data: content.data, version: generation)
    }

    public func createJob(_ id: String, _ data: Data) async throws -> Int64? {
        try await guarded { try await client.upload(data, to: try jobURI(id), contentType: "application/json", preconditions: .doesNotExist) }
    }

    public func replaceJob(_ id: String, _ data: Data, expected: Int64) async throws -> Int64? {
        try await guarded {
            try await client.upload(data, to: try jobURI(id), contentType: "application/json",
                                    preconditions: .generationMatches(expected))
        }
    }

    public func deleteJob(_ id: String, expected: Int64) async throws -> Bool {
        do {
            try await client.delete(try jobURI(id), preconditions: .generationMatches(expected))
            return true
        } catch let error as GoogleCloudError where error.kind == .preconditionFailed || error.kind == .notFound {
            return false
        }
    }

    public func putFile(_ name: String, _ data: Data) async throws -> String {
        let uri = try prefix.appending(name)
        if try await guarded({ try await client.upload(data, to: uri, contentType: "application/json", preconditions: .doesNotExist) })
            == nil
        {
            guard try await client.readIfExists(uri)?.data == data else {
                throw QueueUsageError("\(uri) exists with other content; a job id is used once per queue (choose another --id)")
            }
        }
        return uri.description
    }

    public func deleteFile(_ name: String) async throws {
        try await client.deleteIfExists(try prefix.appending(name))
    }

    /// The new generation, or nil when the precondition failed.
    private func guarded(_ write: () async throws -> GCSObject) async throws -> Int64? {
        do {
            return try await write().generation
        } catch let error as GoogleCloudError where error.kind == .preconditionFailed {
            return nil
        }
    }
}
