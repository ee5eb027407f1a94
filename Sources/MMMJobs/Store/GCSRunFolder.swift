import Foundation
import MMMCloud
import MMMCore

/// One run folder on Cloud Storage. Every file is one object, uploaded whole and guarded by a generation
/// precondition: create-only for a file this run has not written yet, "still the generation I wrote or read" for a
/// replacement. Guarded uploads are safe to retry, and a concurrent writer makes the upload fail (412) instead of
/// being overwritten silently.
///
/// `status.json` is written first (RUNNING) and last (terminal) by the job; each write completes before the next
/// starts, so a reader that sees a terminal status sees every file of the run.
public struct GCSRunFolder: RunFolder {
    /// The client.
    public let client: GCSClient
    /// The folder's prefix (`gs://bucket/runs/<run id>/`).
    public let prefix: GCSURI
    public let runId: String
    /// Whether this process claimed the folder (then it was empty, and files without a known generation are new).
    public let claimed: Bool
    private let generations = GenerationCache()

    /// Bounded retries of `append` when other writers append at the same moment.
    static let appendAttempts = 8

    /// A folder handle.
    /// - Parameters:
    ///   - client: The Cloud Storage client.
    ///   - prefix: The folder (ending in `/`).
    ///   - runId: The run id (the folder name).
    ///   - claimed: Whether this process claimed it (see ``GCSRunStore/claim(id:allowSuffix:)``).
    public init(client: GCSClient, prefix: GCSURI, runId: String, claimed: Bool) {
        self.client = client
        self.prefix = prefix
        self.runId = runId
        self.claimed = claimed
    }

    public var location: String { GCSRunStore.folderText(prefix) }

    /// Uploads the file whole. After the job was cancelled (Ctrl-C) the upload still runs — it is the final log
    /// flush or the FAILED status — bounded by the client's timeouts and retries.
    public func write(_ data: Data, to name: String) async throws {
        let uri = try objectURI(name)
        try await outlivingCancellation { [self] in
            try await guarded(uri) {
                let object = try await client.upload(
                    data, to: uri, contentType: LocationFiles.contentType(for: name),
                    preconditions: try await precondition(for: name, uri))
                generations.set(name, object.generation)
            }
        }
    }

    /// Appends by reading the object and writing it back guarded by the generation read; a concurrent append makes
    /// the write fail with 412, and the read-append-write is repeated (bounded). Runs after cancellation too.
    public func append(_ data: Data, to name: String) async throws {
        let uri = try objectURI(name)
        try await outlivingCancellation { [self] in try await appendGuarded(data, to: uri) }
    }

    private func appendGuarded(_ data: Data, to uri: GCSURI) async throws {
        let name = String(uri.objectName.dropFirst(prefix.objectName.count))
        for _ in 0..<Self.appendAttempts {
            let current = try await client.metadataIfExists(uri)
            var content = Data()
            do {
                if let current { content = try await client.read(uri, generation: current.generation).data }
            } catch let error as GoogleCloudError where error.kind == .notFound {
                continue  // that generation was replaced between the two requests: look again
            }
            content.append(data)
            do {
                let object = try await client.upload(
                    content, to: uri, contentType: LocationFiles.contentType(for: name),
                    preconditions: current.map { .generationMatches($0.generation) } ?? .doesNotExist)
                generations.set(name, object.generation)
                return
            } catch let error as GoogleCloudError where error.isPreconditionFailure {
                continue  // someone appended in between: read again
            }
        }
        throw FileWriteError(path: uri.description, reason: "other writers kept changing it; gave up appending")
    }

    /// Streams the chunks into a temporary local file, then uploads the file (resumably when large).
    public func writeStreaming(to name: String, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) async throws {
        let uri = try objectURI(name)
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("mmm-run-\(runId)-\(name)-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw FileWriteError(path: uri.description, reason: "cannot create a temporary file in \(temporary.deletingLastPathComponent().path)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try produce { chunk in try handle.write(contentsOf: chunk) }
            try handle.close()
        } catch {
            try? handle.close()
            throw FileWriteError(path: uri.description, reason: "\(error)")
        }
        try await guarded(uri) {
            let object = try await client.upload(
                fileAt: temporary, to: uri, contentType: LocationFiles.contentType(for: name),
                preconditions: try await precondition(for: name, uri))
            generations.set(name, object.generation)
        }
    }

    public func read(_ name: String) async throws -> Data? {
        guard let content = try await client.readIfExists(try objectURI(name)) else { return nil }
        if let generation = content.generation { generations.set(name, generation) }
        return content.data
    }

    public func fileNames() async throws -> [String] {
        try await client.list(prefix, delimiter: "/").objects.compactMap { object in
            let name = String(object.uri.objectName.dropFirst(prefix.objectName.count))
            return name.isEmpty || name.hasPrefix(".") ? nil : name
        }.sorted()
    }

    /// The object of a file; names are plain file names (no folders, no `..`).
    private func objectURI(_ name: String) throws -> GCSURI {
        guard PathSegment.isSafe(name) else {
            throw FileWriteError(path: location + "/" + name, reason: "not a plain file name")
        }
        return try prefix.appending(name)
    }

    /// Replace exactly what this run wrote or read; create when it is new to a claimed folder; otherwise (a
    /// reopened folder) replace whatever generation is there now.
    private func precondition(for name: String, _ uri: GCSURI) async throws -> GCSPreconditions {
        if let generation = generations.get(name) { return .generationMatches(generation) }
        if claimed { return .doesNotExist }
        return try await LocationFiles.replacing(uri, client)
    }

    /// Runs `body` in this task, or — when this task is already cancelled — in a detached task that the
    /// cancellation does not reach, so the job's last words (log, FAILED status) are not lost on Cloud Storage.
    private func outlivingCancellation(_ body: @escaping @Sendable () async throws -> Void) async throws {
        guard Task.isCancelled else { return try await body() }
        try await Task.detached(operation: body).value
    }

    /// Turns a failed precondition into an error that says what happened.
    private func guarded(_ uri: GCSURI, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as GoogleCloudError where error.isPreconditionFailure {
            throw FileWriteError(
                path: uri.description,
                reason: "another process wrote this file of run \(runId) at the same time (HTTP 412); the run folder "
                    + "must have one writer")
        }
    }
}

/// The generations this process wrote or read, per file name, shared by copies of a folder handle.
final class GenerationCache: Sendable {
    private let state = Locked<[String: Int64]>([:])

    func get(_ name: String) -> Int64? { state.withLock { $0[name] } }

    func set(_ name: String, _ generation: Int64) { state.withLock { $0[name] = generation } }
}
