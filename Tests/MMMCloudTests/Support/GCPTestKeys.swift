import Foundation
import MMMTestSupport

/// RSA keys for the Google credential tests, generated once per run with the `openssl` CLI.
///
/// The fake token endpoint trusts ``publicKey`` under key id ``keyID``; ``otherKey`` is a second key it does not
/// know (signing with it under the same key id gives "Invalid JWT Signature").
struct GCPTestKeys: Sendable {
    static let keyID = "0123456789abcdef0123456789abcdef01234567"
    static let shared: Result<GCPTestKeys, any Error> = Result { try GCPTestKeys() }

    let directory: URL
    var privateKey: String { path("sa.pem") }
    var publicKey: String { path("sa.pub") }
    var otherKey: String { path("other.pem") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-gcp-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Shell.run("""
            set -e; cd \(Shell.quote(directory.path))
            openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -inform PEM -out sa.pem -nocrypt
            openssl rsa -in sa.pem -pubout -out sa.pub 2>/dev/null
            openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -inform PEM -out other.pem -nocrypt
            """)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes a service-account key file for `email` whose `token_uri` is `tokenURI`.
    /// - Returns: The file path.
    func serviceAccountFile(email: String, tokenURI: URL, projectID: String = "key-project", useOtherKey: Bool = false)
        throws -> String
    {
        let pem = try String(contentsOfFile: useOtherKey ? otherKey : privateKey, encoding: .utf8)
        let json: [String: Any] = [
            "type": "service_account", "project_id": projectID, "private_key_id": Self.keyID, "private_key": pem,
            "client_email": email, "client_id": "1234567890", "token_uri": tokenURI.absoluteString,
            "auth_uri": "https://accounts.google.com/o/oauth2/auth", "universe_domain": "googleapis.com",
        ]
        return try write(json, name: "sa-\(UUID().uuidString).json")
    }

    /// Writes any JSON object into the key directory.
    /// - Returns: The file path.
    func write(_ json: [String: Any], name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: url)
        return url.path
    }

    /// Base64 body lines of the private keys (key material that must never leak).
    func secretLines() throws -> [String] {
        try [privateKey, otherKey].flatMap { path in
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
                .filter { !$0.hasPrefix("-----") && $0.count > 20 }.map(String.init)
        }
    }
}
