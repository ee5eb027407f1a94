import Foundation

/// A secret (passphrase, private key text, token) that never prints itself.
///
/// `description`, `debugDescription`, string interpolation and `dump`/`Mirror` all show `<redacted>`, so a secret
/// that slips into a log line or an error message leaks nothing. Read it only through ``bytes`` or ``text``.
public struct SecretValue: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The raw secret bytes.
    public let bytes: [UInt8]

    /// Wraps secret bytes.
    /// - Parameter bytes: The secret.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Wraps a secret string as UTF-8.
    /// - Parameter text: The secret.
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    /// The secret decoded as UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the secret is empty.
    public var isEmpty: Bool { bytes.isEmpty }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
