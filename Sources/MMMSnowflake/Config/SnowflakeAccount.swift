import Foundation

/// A normalised Snowflake account identifier: what goes into the JWT and which host to call by default.
///
/// Accepted forms (case-insensitive):
/// - `ORG-ACCOUNT` (preferred), e.g. `myorg-my_account`; hyphens after the first one are the hostname spelling
///   of underscores (account names cannot contain hyphens), so `myorg-my-account` also means `MYORG-MY_ACCOUNT`;
/// - an account locator, bare or with region and cloud: `xy12345`, `xy12345.us-east-2`, `xy12345.us-east-2.aws`;
/// - the legacy client-redirect form `xy12345-suffix.global`;
/// - any of the above as a hostname or URL (`https://myorg-myaccount.snowflakecomputing.com`,
///   `xy12345.us-east-1.privatelink.snowflakecomputing.com`), which then also becomes the default host.
///
/// Rejected: the dotted `org.account` form (it cannot be told apart from `locator.region`), anything with a path,
/// and hosts outside `snowflakecomputing.com`/`.cn` (use the `host` setting for those).
public struct SnowflakeAccount: Sendable, Hashable, CustomStringConvertible {
    /// The account as written in hostnames, lowercased (e.g. `myorg-my_account`, `xy12345.us-east-2.aws`).
    public let identifier: String
    /// The account part of the JWT `iss`/`sub` claims (e.g. `MYORG-MY_ACCOUNT`, `XY12345`).
    public let jwtAccount: String
    /// The host to call when no `host` is configured.
    public let defaultHost: String

    /// Normalises an account identifier.
    /// - Parameter text: The account as the user wrote it.
    /// - Throws: ``SnowflakeConfigurationError`` with kind ``SnowflakeConfigurationError/Kind/invalidAccount``.
    public init(_ text: String) throws(SnowflakeConfigurationError) {
        let original = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !original.isEmpty else { throw Self.invalid(original, "it is empty") }
        var value = original.lowercased()
        var givenHost: String?
        if let schemeRange = value.range(of: "://") {
            let scheme = value[..<schemeRange.lowerBound]
            guard scheme == "https" || scheme == "http" else { throw Self.invalid(original, "unsupported URL scheme") }
            value = String(value[schemeRange.upperBound...])
            if value.hasSuffix("/") { value.removeLast() }
        }
        guard !value.contains("/") else { throw Self.invalid(original, "it contains a path") }
        if let colon = value.firstIndex(of: ":") { value = String(value[..<colon]) }
        for suffix in [".snowflakecomputing.com", ".snowflakecomputing.cn"] where value.hasSuffix(suffix) {
            givenHost = value
            value = String(value.dropLast(suffix.count))
        }
        if value.hasSuffix(".privatelink") {
            guard givenHost != nil else { throw Self.invalid(original, "'.privatelink' is only valid in a hostname") }
            value = String(value.dropLast(".privatelink".count))
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-.")
        guard value.allSatisfy({ allowed.contains($0) }) else {
            throw Self.invalid(original, "only letters, digits, '_', '-' and '.' are allowed")
        }
        self.jwtAccount = try Self.jwtAccount(for: value, original: original)
        self.identifier = value
        self.defaultHost = givenHost ?? value + ".snowflakecomputing.com"
    }

    public var description: String { identifier }

    private static let clouds: Set<Substring> = ["aws", "azure", "gcp"]

    private static func jwtAccount(for value: String, original: String) throws(SnowflakeConfigurationError) -> String {
        if value.hasSuffix(".global") {
            // Legacy client redirect: <locator>-<suffix>.global → the locator.
            let head = value.dropLast(".global".count)
            guard let locator = head.split(separator: "-").first, !locator.isEmpty, !head.contains(".") else {
                throw invalid(original, "expected <locator>-<suffix>.global")
            }
            return locator.uppercased()
        }
        let segments = value.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.allSatisfy({ !$0.isEmpty }) else { throw invalid(original, "it has an empty part") }
        if segments.count == 1 { return try orgAccount(segments[0], original: original) }
        let locator = segments[0]
        guard !locator.contains("-"), !locator.contains("_") else {
            throw invalid(original, "an ORG-ACCOUNT identifier takes no region; write just '\(locator)'")
        }
        switch segments.count {
        case 2 where segments[1].contains("-"), 3 where clouds.contains(segments[2]):
            return locator.uppercased()
        case 2:
            throw SnowflakeConfigurationError(
                kind: .invalidAccount,
                message: "account '\(original)' looks like the dotted ORG.ACCOUNT form, which cannot be told apart "
                    + "from LOCATOR.REGION; write it as '\(segments[0])-\(segments[1])' (ORG-ACCOUNT), or give the "
                    + "account locator with its region and cloud (e.g. xy12345.us-east-2.aws)")
        default:
            throw invalid(original, "expected LOCATOR.REGION.CLOUD such as xy12345.us-east-2.aws")
        }
    }

    private static func orgAccount(_ segment: Substring, original: String) throws(SnowflakeConfigurationError) -> String {
        guard let dash = segment.firstIndex(of: "-") else { return segment.uppercased() }
        let org = segment[..<dash]
        let account = segment[segment.index(after: dash)...]
        guard !org.isEmpty, !account.isEmpty, !org.contains("_") else {
            throw invalid(original, "expected ORG-ACCOUNT such as myorg-my_account")
        }
        // Account names cannot contain '-'; further hyphens are the hostname spelling of '_'.
        return (org + "-" + account.replacingOccurrences(of: "-", with: "_")).uppercased()
    }

    private static func invalid(_ original: String, _ reason: String) -> SnowflakeConfigurationError {
        SnowflakeConfigurationError(
            kind: .invalidAccount,
            message: "account '\(original)' is not a usable account identifier (\(reason)); use ORG-ACCOUNT "
                + "(e.g. myorg-my_account) or an account locator (e.g. xy12345.us-east-2.aws)")
    }
}
