import Foundation

/// A Secret Manager secret: `projects/PROJECT/secrets/SECRET`.
public struct SecretName: Sendable, Hashable, CustomStringConvertible {
    /// The project id or number.
    public let project: String
    /// The secret id (`[A-Za-z0-9_-]{1,255}`).
    public let secret: String

    /// Creates a name from its parts.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/invalidInput``) naming the bad part.
    public init(project: String, secret: String) throws(GoogleCloudError) {
        let text = "projects/\(project)/secrets/\(secret)"
        guard Self.isProject(project) else { throw Self.invalid(text, "'\(project)' is not a project id or number") }
        guard Self.isSecretID(secret) else {
            throw Self.invalid(text, "'\(secret)' is not a secret id (1–255 letters, digits, '-' or '_')")
        }
        self.project = project
        self.secret = secret
    }

    /// Parses `projects/P/secrets/S`.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/invalidInput``).
    public init(resourceName: String) throws(GoogleCloudError) {
        let parts = resourceName.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "projects", parts[2] == "secrets" else {
            throw Self.invalid(resourceName, "expected projects/PROJECT/secrets/SECRET")
        }
        try self.init(project: parts[1], secret: parts[3])
    }

    /// `projects/P/secrets/S`.
    public var resourceName: String { "projects/\(project)/secrets/\(secret)" }

    public var description: String { resourceName }

    static func isProject(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.unicodeScalars.allSatisfy { scalar in
            ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || scalar == "-" || scalar == "." || scalar == ":" || scalar == "_"
        }
    }

    static func isSecretID(_ text: String) -> Bool {
        (1...255).contains(text.count) && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_"
        }
    }

    static func invalid(_ text: String, _ problem: String) -> GoogleCloudError {
        GoogleCloudError(kind: .invalidInput, service: "Secret Manager", operation: "use '\(text)'",
                         message: "not a secret name: \(problem)")
    }
}

/// A version of a secret: `projects/P/secrets/S/versions/V`, where `V` is a number or `latest`.
public struct SecretVersionName: Sendable, Hashable, CustomStringConvertible {
    /// The secret.
    public let secret: SecretName
    /// `latest` or a version number.
    public let version: String

    /// Creates a version name.
    /// - Parameters:
    ///   - secret: The secret.
    ///   - version: `latest` (default) or a positive number.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/invalidInput``).
    public init(secret: SecretName, version: String = "latest") throws(GoogleCloudError) {
        guard version == "latest" || (UInt64(version).map { $0 > 0 } ?? false) else {
            throw SecretName.invalid("\(secret.resourceName)/versions/\(version)",
                                     "version '\(version)' is neither 'latest' nor a positive number")
        }
        self.secret = secret
        self.version = version
    }

    /// Parses `projects/P/secrets/S[/versions/V]` (no version means `latest`), the form
    /// `--private-key-secret` takes.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/invalidInput``).
    public init(resourceName: String) throws(GoogleCloudError) {
        let parts = resourceName.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 6, parts[4] == "versions" {
            try self.init(secret: SecretName(resourceName: parts[0..<4].joined(separator: "/")), version: parts[5])
        } else if parts.count == 4 {
            try self.init(secret: SecretName(resourceName: resourceName))
        } else {
            throw SecretName.invalid(resourceName, "expected projects/PROJECT/secrets/SECRET[/versions/VERSION]")
        }
    }

    /// `projects/P/secrets/S/versions/V`.
    public var resourceName: String { secret.resourceName + "/versions/" + version }

    public var description: String { resourceName }
}
