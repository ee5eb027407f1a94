import Foundation
import MMMTransport

extension SecretManagerClient {
    /// Reads a version's payload, checking its CRC-32C (a mismatch is retried, then reported as corruption).
    ///
    /// `latest` is the most recently **created** version; if that one is disabled or destroyed the call fails
    /// (``GoogleCloudError/Kind/failedPrecondition``) — Secret Manager does not fall back to an older version.
    /// - Parameter name: The version (`latest` or a number).
    /// - Returns: The payload and the resolved version name.
    /// - Throws: ``GoogleCloudError``.
    public func access(_ name: SecretVersionName) async throws -> SecretPayload {
        let call = try call(.get, "/v1/\(name.resourceName):access", idempotent: true, operation: "access \(name)")
        let service = exchange.service
        let (response, _) = try await exchange.perform(call, check: { response in
            if case .failure(let problem) = Self.payload(response) {
                throw GoogleAPIExchange.CheckFailure(error: GoogleCloudError(
                    kind: problem.corrupt ? .dataCorruption : .invalidResponse, service: service,
                    operation: call.operation, message: problem.message, httpStatus: response.statusCode))
            }
        })
        guard response.isSuccess else {
            throw exchange.failure(response, call, hint: response.statusCode == 404 || response.statusCode == 403
                ? "check the project and secret name (Secret Manager answers 403 for secrets you cannot see)" : nil)
        }
        switch Self.payload(response) {
        case .success(let payload): return payload
        case .failure(let problem):
            throw GoogleCloudError(kind: problem.corrupt ? .dataCorruption : .invalidResponse, service: service,
                                   operation: call.operation, message: problem.message)
        }
    }

    /// Loads a PEM private key (e.g. Snowflake's) from a secret, held in memory only.
    /// - Parameter resourceName: `projects/P/secrets/S[/versions/V]` (default version `latest`), as given to
    ///   `--private-key-secret`.
    /// - Returns: The PEM text.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/invalidInput`` for a bad name, or when the payload is
    ///   not a PEM private key — its content is never quoted).
    public func privateKeyPEM(resourceName: String) async throws -> SecretValue {
        let name = try SecretVersionName(resourceName: resourceName)
        let payload = try await access(name)
        let text = String(decoding: payload.value.bytes.prefix(4096), as: UTF8.self)
        guard text.contains("-----BEGIN "), text.contains("PRIVATE KEY-----") else {
            throw GoogleCloudError(
                kind: .invalidInput, service: exchange.service, operation: "load a private key from \(name)",
                message: "the secret (\(payload.resourceName)) does not hold a PEM private key; store the .p8 file's "
                    + "text, e.g. with `mmm-cli secrets save-key`")
        }
        return payload.value
    }

    private struct PayloadProblem: Error {
        let message: String
        let corrupt: Bool
    }

    /// The payload of an `:access` answer, or why it is unusable (never quoting the payload).
    private static func payload(_ response: HTTPResponse) -> Result<SecretPayload, PayloadProblem> {
        guard let wire = try? JSONDecoder().decode(SecretManagerWire.Access.self, from: response.body),
            let encoded = wire.payload?.data, let data = SecretManagerWire.decodeBase64(encoded)
        else {
            return .failure(PayloadProblem(message: "the answer (\(response.body.count) bytes) holds no payload",
                                           corrupt: false))
        }
        if let expected = wire.payload?.dataCrc32c?.value, expected != UInt64(CRC32C.checksum(data)) {
            return .failure(PayloadProblem(message: "the payload does not match its CRC-32C", corrupt: true))
        }
        return .success(SecretPayload(resourceName: wire.name ?? "", value: SecretValue(bytes: Array(data))))
    }
}
