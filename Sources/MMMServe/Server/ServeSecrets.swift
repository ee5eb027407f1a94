import Foundation
import MMMCloud
import MMMJobs
import MMMTransport

/// Reads the server's secrets (session key, OAuth client secret, metrics token) from a file or Secret Manager, never
/// from the command line.
public enum ServeSecrets {
    /// A secret from exactly one of a file or a Secret Manager version.
    /// - Parameters:
    ///   - file: a file holding the secret (surrounding whitespace is dropped).
    ///   - secret: `projects/P/secrets/S[/versions/V]`.
    ///   - what: the secret's name for messages (e.g. `session key`).
    /// - Returns: nil when neither is given.
    /// - Throws: ``ServeSecretError`` when the file cannot be read or is empty; Secret Manager errors.
    public static func load(file: String?, secret: String?, what: String) async throws -> SecretValue? {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ServeSecretError(description: "the \(what) file \(file) cannot be read")
            }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw ServeSecretError(description: "the \(what) file \(file) is empty") }
            return SecretValue(text)
        }
        guard let secret else { return nil }
        let name = try SecretVersionName(resourceName: secret)
        let services = GoogleCloudServices(environment: GoogleCloudEnvironment.current())
        let value = try await services.secretManager().access(name).value
        guard !value.isEmpty else { throw ServeSecretError(description: "the \(what) secret \(secret) is empty") }
        return value
    }
}

/// A secret could not be read (the message never contains the secret).
public struct ServeSecretError: Error, CustomStringConvertible {
    public let description: String
}
