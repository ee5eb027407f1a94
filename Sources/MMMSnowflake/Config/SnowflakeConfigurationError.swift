/// A problem with the connection settings, the connections file or an identifier, found before any request.
public struct SnowflakeConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The failure category.
    public enum Kind: String, Sendable, Equatable {
        /// The account identifier cannot be normalised unambiguously.
        case invalidAccount
        /// A required setting (account, user, private key) is missing everywhere.
        case missingSetting
        /// A setting has an invalid value (port, protocol, host, authenticator …).
        case invalidSetting
        /// Two settings that exclude each other were both given.
        case conflictingSettings
        /// The requested named connection is not in the connections file.
        case connectionNotFound
        /// The connections file could not be read or is not valid TOML (of the supported subset).
        case invalidConnectionsFile
        /// A `DB.SCHEMA.TABLE` style identifier is not valid.
        case invalidIdentifier
    }

    /// The failure category.
    public let kind: Kind
    /// What is wrong and how to fix it.
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: The category.
    ///   - message: What is wrong and how to fix it.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
