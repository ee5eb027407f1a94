import Foundation
import MMMTransport

extension GCSClient {
    /// Deletes an object.
    ///
    /// With `preconditions == nil` (the default) the live generation is read first and the delete is made
    /// conditional on it, which makes it safe to retry: a concurrent replacement then fails with 412 instead of
    /// being deleted, and finding the object gone on a retry (an earlier attempt deleted it) or under a
    /// generation precondition counts as success.
    /// Pass ``GCSPreconditions/none`` to delete unconditionally (then not retried after ambiguous failures).
    /// - Parameters:
    ///   - uri: The object.
    ///   - preconditions: Explicit preconditions, or `nil` to pin the current generation.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/notFound`` when absent,
    ///   ``GoogleCloudError/Kind/preconditionFailed`` on 412).
    public func delete(_ uri: GCSURI, preconditions: GCSPreconditions? = nil) async throws {
        let effective: GCSPreconditions
        if let preconditions {
            effective = preconditions
        } else {
            effective = .generationMatches(try await metadata(uri).generation)
        }
        let call = try self.call(.delete, objectPath(uri), query: effective.queryItems,
                                 idempotent: effective.guardsWrites, operation: "delete \(uri)")
        let (response, attempt) = try await exchange.perform(call)
        // Gone after a retry, or gone although pinned to a generation that existed: the goal state is reached
        // (the HTTP stack itself may have resent the request on a dead pooled connection).
        if response.isSuccess || (response.statusCode == 404 && (attempt > 1 || effective.ifGenerationMatch != nil)) {
            return
        }
        throw exchange.failure(response, call, hint: Self.preconditionHint(response.statusCode, effective))
    }

    /// Deletes an object if it exists.
    /// - Parameter uri: The object.
    /// - Returns: Whether an object was deleted.
    /// - Throws: ``GoogleCloudError`` for anything but "not found".
    @discardableResult
    public func deleteIfExists(_ uri: GCSURI) async throws -> Bool {
        do {
            try await delete(uri)
            return true
        } catch let error as GoogleCloudError where error.kind == .notFound {
            return false
        }
    }

    /// Copies an object server-side (the `rewriteTo` API, which also handles large and cross-location copies).
    /// - Parameters:
    ///   - source: The object to copy.
    ///   - destination: The new object.
    ///   - sourceGeneration: A specific source generation (default: the live one).
    ///   - preconditions: Preconditions on the destination (e.g. ``GCSPreconditions/doesNotExist``); only a guarded
    ///     copy is retried after ambiguous failures.
    /// - Returns: The destination's metadata.
    /// - Throws: ``GoogleCloudError``.
    @discardableResult
    public func copy(
        _ source: GCSURI, to destination: GCSURI, sourceGeneration: Int64? = nil, preconditions: GCSPreconditions = .none
    ) async throws -> GCSObject {
        struct RewriteWire: Decodable {
            let done: Bool?
            let rewriteToken: String?
            let resource: GCSObjectWire?
        }
        let path = try objectPath(source) + "/rewriteTo" + String(try objectPath(destination).dropFirst("/storage/v1".count))
        var token: String?
        // Bounded: each round copies at least one server-chosen slice; 100 000 rounds covers the 5 TiB maximum.
        for _ in 0..<100_000 {
            let call = try self.call(
                .post, path,
                query: [("sourceGeneration", sourceGeneration.map(String.init)), ("rewriteToken", token)]
                    + preconditions.queryItems,
                headers: ["Content-Type": "application/json"], body: Data("{}".utf8),
                idempotent: preconditions.guardsWrites, operation: "copy \(source) to \(destination)")
            let wire = try await exchange.json(
                RewriteWire.self, call, hints: Self.preconditionHint(412, preconditions).map { [412: $0] } ?? [:])
            if wire.done == true {
                guard let object = wire.resource?.object(defaultBucket: destination.bucket) else {
                    throw GoogleCloudError(kind: .invalidResponse, service: exchange.service, operation: call.operation,
                                           message: "the finished copy has no object resource")
                }
                return object
            }
            guard let next = wire.rewriteToken, !next.isEmpty, next != token else {
                throw GoogleCloudError(kind: .invalidResponse, service: exchange.service, operation: call.operation,
                                       message: "the unfinished copy has no new rewrite token")
            }
            token = next
        }
        throw GoogleCloudError(kind: .invalidResponse, service: exchange.service,
                               operation: "copy \(source) to \(destination)", message: "the copy never finished")
    }
}
