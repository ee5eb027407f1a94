import Foundation
import MMMTransport

/// One page of a listing.
public struct GCSListPage: Sendable, Equatable {
    /// Objects on this page.
    public let objects: [GCSObject]
    /// "Directories" (common prefixes up to the delimiter) on this page.
    public let prefixes: [String]
    /// Pass to the next ``GCSClient/listPage(_:delimiter:pageToken:maxResults:)`` call; `nil` on the last page.
    public let nextPageToken: String?
}

/// Every object and common prefix under a prefix.
public struct GCSListing: Sendable, Equatable {
    /// Objects, in name order.
    public let objects: [GCSObject]
    /// Common prefixes (only with a delimiter), in name order.
    public let prefixes: [String]
}

extension GCSClient {
    private struct ListWire: Decodable {
        let items: [GCSObjectWire]?
        let prefixes: [String]?
        let nextPageToken: String?
    }

    /// Lists one page of objects whose names start with `prefix.objectName`.
    /// - Parameters:
    ///   - prefix: Bucket and name prefix, e.g. `gs://b/runs/` (empty prefix: the whole bucket).
    ///   - delimiter: E.g. `/` to list one "directory" level (deeper names come back as ``GCSListPage/prefixes``).
    ///   - pageToken: The previous page's token.
    ///   - maxResults: Page size (server maximum and default 1000). A page may hold fewer, even none, and still
    ///     have a next token.
    /// - Returns: The page.
    /// - Throws: ``GoogleCloudError``.
    public func listPage(
        _ prefix: GCSURI, delimiter: String? = nil, pageToken: String? = nil, maxResults: Int? = nil
    ) async throws -> GCSListPage {
        let call = try self.call(
            .get, "/storage/v1/b/\(PercentEncoding.encode(prefix.bucket))/o",
            query: [("prefix", prefix.objectName.isEmpty ? nil : prefix.objectName), ("delimiter", delimiter),
                    ("pageToken", pageToken), ("maxResults", maxResults.map(String.init))],
            idempotent: true, operation: "list \(prefix)")
        let wire = try await exchange.json(ListWire.self, call)
        let objects = try (wire.items ?? []).map { item throws(GoogleCloudError) -> GCSObject in
            guard let object = item.object(defaultBucket: prefix.bucket) else {
                throw GoogleCloudError(kind: .invalidResponse, service: exchange.service, operation: call.operation,
                                       message: "a listed object has no name or generation")
            }
            return object
        }
        let token = wire.nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        return GCSListPage(objects: objects, prefixes: wire.prefixes ?? [], nextPageToken: token)
    }

    /// Lists everything under a prefix, following page tokens to the end.
    /// - Parameters:
    ///   - prefix: Bucket and name prefix.
    ///   - delimiter: E.g. `/` for one level.
    ///   - pageSize: Objects per request (default: the server's 1000).
    /// - Returns: All objects and prefixes.
    /// - Throws: ``GoogleCloudError`` (also when the server repeats a page token, which would never end).
    public func list(_ prefix: GCSURI, delimiter: String? = nil, pageSize: Int? = nil) async throws -> GCSListing {
        var objects: [GCSObject] = []
        var prefixes: [String] = []
        var token: String?
        var seen: Set<String> = []
        // Bounded: each page needs a new token; 10 million pages is far beyond any bucket listing here.
        for _ in 0..<10_000_000 {
            let page = try await listPage(prefix, delimiter: delimiter, pageToken: token, maxResults: pageSize)
            objects += page.objects
            prefixes += page.prefixes
            guard let next = page.nextPageToken else { return GCSListing(objects: objects, prefixes: prefixes) }
            guard seen.insert(next).inserted else {
                throw GoogleCloudError(kind: .invalidResponse, service: exchange.service, operation: "list \(prefix)",
                                       message: "the server repeated a page token")
            }
            token = next
        }
        throw GoogleCloudError(kind: .invalidResponse, service: exchange.service, operation: "list \(prefix)",
                               message: "too many pages")
    }
}
