import Foundation
import MMMCloud
import MMMCore

/// Run folders under a Cloud Storage prefix (`gs://bucket/runs/` → `gs://bucket/runs/<run id>/…`).
///
/// A run is claimed with a create-only upload (`ifGenerationMatch=0`) of a marker object, `.run-claim`, so two
/// processes can never share a folder: the loser gets HTTP 412 and takes the next suffix (or, for a caller-chosen
/// id, a ``ConfigError`` as ``LocalRunStore`` gives). Files are then written by ``GCSRunFolder``.
public struct GCSRunStore: RunStore {
    /// The name of the claim marker inside a run folder (hidden from ``GCSRunFolder/fileNames()``).
    public static let claimMarker = ".run-claim"

    /// The client.
    public let client: GCSClient
    /// The parent prefix of the run folders; empty or ending in `/`.
    public let root: GCSURI

    /// A store under `root`.
    /// - Parameters:
    ///   - client: The Cloud Storage client.
    ///   - root: The bucket, or a prefix (a missing trailing `/` is added: `gs://b/runs` means the folder `runs/`).
    /// - Throws: ``GCSURIError`` when the prefix with its `/` is not a valid name.
    public init(client: GCSClient, root: GCSURI) throws(GCSURIError) {
        self.client = client
        self.root = root.isPrefix ? root : try GCSURI(bucket: root.bucket, objectName: root.objectName + "/")
    }

    public var location: String { Self.folderText(root) }

    public func createRun(id: String, allowSuffix: Bool) async throws -> any RunFolder {
        try await claim(id: id, allowSuffix: allowSuffix)
    }

    /// Claims `<root>/<id>/` (or `<id>-2`, `<id>-3`, … with `allowSuffix`).
    /// - Throws: ``ConfigError`` (path `run_id`) for an unsafe or taken id, ``GoogleCloudError`` when Cloud Storage
    ///   fails.
    public func claim(id: String, allowSuffix: Bool) async throws -> GCSRunFolder {
        guard PathSegment.isSafe(id) else {
            throw ConfigError(path: "run_id", "'\(id)' must be one path segment of letters, digits, '-', '_' or '.'")
        }
        var candidate = id
        // Bounded: ten thousand runs with the same generated id in one prefix would be a bug elsewhere.
        for n in 2...10_001 {
            let folder = try folderURI(candidate)
            if try await isEmpty(folder), try await placeClaim(in: folder, runId: candidate) {
                return GCSRunFolder(client: client, prefix: folder, runId: candidate, claimed: true)
            }
            guard allowSuffix else {
                throw ConfigError(path: "run_id", "the run folder \(Self.folderText(folder)) already exists; choose another run id")
            }
            candidate = "\(id)-\(n)"
        }
        throw FileWriteError(path: Self.folderText(root), reason: "no free run folder for '\(id)'")
    }

    public func openRun(id: String) async throws -> (any RunFolder)? {
        guard PathSegment.isSafe(id) else { return nil }
        let folder = try folderURI(id)
        guard try await !isEmpty(folder) else { return nil }
        return GCSRunFolder(client: client, prefix: folder, runId: id, claimed: false)
    }

    public func runIds() async throws -> [String] {
        let listing = try await client.list(root, delimiter: "/")
        return listing.prefixes.compactMap { prefix -> String? in
            guard prefix.hasPrefix(root.objectName), prefix.hasSuffix("/") else { return nil }
            let name = String(prefix.dropFirst(root.objectName.count).dropLast())
            return PathSegment.isSafe(name) ? name : nil
        }.sorted()
    }

    public func nestedStore(_ id: String) -> (any RunStore)? {
        guard PathSegment.isSafe(id), let folder = try? folderURI(id) else { return nil }
        return try? GCSRunStore(client: client, root: folder)
    }

    /// `<root><id>/`.
    func folderURI(_ id: String) throws -> GCSURI {
        try GCSURI(bucket: root.bucket, objectName: root.objectName + id + "/")
    }

    /// Whether nothing at all lives under `folder`.
    private func isEmpty(_ folder: GCSURI) async throws -> Bool {
        let page = try await client.listPage(folder, maxResults: 1)
        return page.objects.isEmpty && page.prefixes.isEmpty
    }

    /// Uploads the claim marker create-only.
    /// - Returns: false when another process claimed the folder first (HTTP 412).
    private func placeClaim(in folder: GCSURI, runId: String) async throws -> Bool {
        // A unique nonce: if our upload is retried after a lost answer and meets 412, the client accepts the object
        // only when its checksums are ours — never another claimer's identical-looking marker.
        let marker: [String: String] = ["run_id": runId, "claimed_at": ISOTime.format(Date()), "claim": UUID().uuidString]
        let body = try JSONSerialization.data(withJSONObject: marker, options: [.sortedKeys])
        do {
            try await client.upload(body, to: try folder.appending(Self.claimMarker), contentType: "application/json",
                                    preconditions: .doesNotExist)
            return true
        } catch let error as GoogleCloudError where error.isPreconditionFailure {
            return false
        }
    }

    /// `gs://bucket/prefix` without the trailing `/`, for messages.
    static func folderText(_ uri: GCSURI) -> String {
        var text = uri.description
        if text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
