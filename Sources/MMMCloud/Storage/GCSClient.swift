import Foundation
import MMMTransport

/// Sizes of Cloud Storage media transfers.
public struct GCSTransferOptions: Sendable, Equatable {
    /// Files up to this many bytes are uploaded in one multipart request; larger ones resumably (default 8 MiB).
    public var multipartThreshold: Int
    /// Bytes per resumable-upload request; rounded down to a multiple of 256 KiB, at least 256 KiB (default 16 MiB).
    public var resumableChunkSize: Int

    /// Creates options.
    public init(multipartThreshold: Int = 8 << 20, resumableChunkSize: Int = 16 << 20) {
        self.multipartThreshold = max(0, multipartThreshold)
        self.resumableChunkSize = max(1, resumableChunkSize / GCSClient.chunkGranularity) * GCSClient.chunkGranularity
    }
}

/// A Cloud Storage JSON API client: uploads (multipart or resumable, checksum-verified), streamed downloads,
/// listings, deletes, copies and metadata, with generation preconditions and Google's retry rules.
///
/// Calls are retried on 408/429/5xx and lost connections only when repeating them is safe: reads, deletes of a
/// pinned generation, and writes guarded by a generation precondition (``GCSPreconditions/doesNotExist`` or
/// ``GCSPreconditions/generationMatches(_:)``). A failed precondition is ``GoogleCloudError/Kind/preconditionFailed``.
///
/// ```swift
/// let client = try await GCSClient.fromEnvironment(.current())
/// let uri = try GCSURI("gs://my-bucket/runs/r1/status.json")
/// try await client.upload(Data("{}".utf8), to: uri, contentType: "application/json", preconditions: .doesNotExist)
/// ```
public struct GCSClient: Sendable, CustomReflectable {
    /// Resumable chunks must be multiples of this (256 KiB).
    public static let chunkGranularity = 256 * 1024

    /// The credentials requests are sent with (anonymous for an emulator).
    public let credentials: GoogleCredentials
    /// The endpoints (``GoogleEndpoints/storage`` is used).
    public let endpoints: GoogleEndpoints
    /// Multipart threshold and resumable chunk size.
    public let transfer: GCSTransferOptions
    let exchange: GoogleAPIExchange

    /// Creates a client.
    /// - Parameters:
    ///   - credentials: Where tokens come from. Ignored (no `Authorization` is sent) when `endpoints` point at a
    ///     `STORAGE_EMULATOR_HOST` emulator, as Google's client libraries do.
    ///   - endpoints: Service addresses (default: Google's).
    ///   - options: User agent, retries, timeouts, logging.
    ///   - transfer: Upload sizes.
    ///   - transport: The HTTP transport.
    public init(
        credentials: GoogleCredentials, endpoints: GoogleEndpoints = .production,
        options: GoogleClientOptions = GoogleClientOptions(), transfer: GCSTransferOptions = GCSTransferOptions(),
        transport: any HTTPTransport = URLSessionTransport.shared
    ) {
        let effective = endpoints.storageIsEmulator ? GoogleCredentials.anonymous(projectID: credentials.projectID)
            : credentials
        self.credentials = effective
        self.endpoints = endpoints
        self.transfer = transfer
        exchange = GoogleAPIExchange(logTag: "gcs", service: "Cloud Storage", transport: transport,
                                     credentials: effective, options: options)
    }

    /// Reflection (`dump`, debuggers) shows the endpoint and the kind of credentials only — never tokens, and
    /// never the HTTP stack's internals.
    public var customMirror: Mirror {
        Mirror(self, children: ["endpoint": endpoints.storage.absoluteString, "credentials": exchange.credentials.kind.description],
               displayStyle: .struct)
    }

    /// A client for the environment: an anonymous one when `STORAGE_EMULATOR_HOST` is set, otherwise one with
    /// discovered Application Default Credentials.
    /// - Parameters:
    ///   - environment: The environment (``GoogleCloudEnvironment/current()``).
    ///   - credentialsOptions: Discovery options (scopes, impersonation, retries, logging).
    ///   - transfer: Upload sizes.
    ///   - transport: The HTTP transport.
    /// - Throws: ``GoogleCredentialsError`` when no credentials are found or a variable is malformed.
    public static func fromEnvironment(
        _ environment: GoogleCloudEnvironment, credentialsOptions: GoogleCredentialsOptions = GoogleCredentialsOptions(),
        transfer: GCSTransferOptions = GCSTransferOptions(), transport: any HTTPTransport = URLSessionTransport.shared
    ) async throws -> GCSClient {
        let endpoints = try GoogleEndpoints(environment: environment)
        let credentials = endpoints.storageIsEmulator
            ? GoogleCredentials.anonymous(projectID: environment.value("GOOGLE_CLOUD_PROJECT"))
            : try await GoogleCredentials.discover(environment: environment, options: credentialsOptions,
                                                   transport: transport)
        return GCSClient(credentials: credentials, endpoints: endpoints, options: credentialsOptions.client,
                         transfer: transfer, transport: transport)
    }

    /// An object's metadata.
    /// - Parameters:
    ///   - uri: The object.
    ///   - generation: A specific generation (default: the live one).
    /// - Returns: The metadata.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/notFound`` when absent).
    public func metadata(_ uri: GCSURI, generation: Int64? = nil) async throws -> GCSObject {
        let call = try self.call(.get, objectPath(uri), query: [("generation", generation.map(String.init))],
                                 idempotent: true, operation: "read metadata of \(uri)")
        let wire = try await exchange.json(GCSObjectWire.self, call)
        guard let object = wire.object(defaultBucket: uri.bucket) else {
            throw GoogleCloudError(kind: .invalidResponse, service: exchange.service, operation: call.operation,
                                   message: "the object resource has no name or generation")
        }
        return object
    }

    /// An object's metadata, or `nil` when it does not exist.
    /// - Parameter uri: The object.
    /// - Throws: ``GoogleCloudError`` for anything but "not found".
    public func metadataIfExists(_ uri: GCSURI) async throws -> GCSObject? {
        do {
            return try await metadata(uri)
        } catch let error as GoogleCloudError where error.kind == .notFound {
            return nil
        }
    }

    // MARK: - Request building

    /// `/storage/v1/b/{bucket}/o/{object}` with the name as one encoded segment.
    func objectPath(_ uri: GCSURI) throws(GoogleCloudError) -> String {
        guard !uri.objectName.isEmpty else {
            throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: "address \(uri)",
                                   message: "an object name is needed, not just a bucket")
        }
        return "/storage/v1/b/\(PercentEncoding.encode(uri.bucket))/o/\(PercentEncoding.encode(uri.objectName))"
    }

    /// A call against the storage endpoint.
    func call(
        _ method: HTTPMethod, _ path: String, query: [(String, String?)] = [], headers: [String: String] = [:],
        body: Data? = nil, idempotent: Bool, operation: String, timeout: TimeInterval? = nil
    ) throws(GoogleCloudError) -> GoogleAPICall {
        guard let url = endpoints.storage.appendingEncodedPath(path, query: query) else {
            throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: operation,
                                   message: "could not build a request URL")
        }
        return GoogleAPICall(method: method, url: url, headers: headers, body: body, idempotent: idempotent,
                             operation: operation, timeout: timeout ?? exchange.options.requestTimeout)
    }

    /// Decodes an Object resource from a 2xx response.
    func object(from response: HTTPResponse, _ call: GoogleAPICall, bucket: String) throws(GoogleCloudError) -> GCSObject {
        guard let wire = try? JSONDecoder().decode(GCSObjectWire.self, from: response.body),
            let object = wire.object(defaultBucket: bucket)
        else { throw exchange.invalidResponse(call, response, expected: "an object resource") }
        return object
    }
}
