import Foundation

/// Percent-encoding with an "unreserved characters only" allow-list (RFC 3986 §2.3).
///
/// Cloud Storage object names are one path segment, so `/` must become `%2F` (Foundation's path-allowed set would
/// leave it); the same encoding serves query values and form bodies.
enum PercentEncoding {
    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    /// Encodes every byte of the UTF-8 text except unreserved ASCII.
    /// - Parameter text: Any text.
    /// - Returns: The encoded text.
    static func encode(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return output
    }

    /// A query string (without `?`) from ordered name/value pairs.
    /// - Parameter items: The pairs; `nil` values are skipped.
    static func query(_ items: [(String, String?)]) -> String {
        items.compactMap { name, value in value.map { encode(name) + "=" + encode($0) } }.joined(separator: "&")
    }
}

extension URL {
    /// Appends an already-encoded path and an optional query to a base URL such as `https://host[:port][/prefix]`.
    /// - Parameters:
    ///   - encodedPath: A path starting with `/`, each segment already percent-encoded.
    ///   - query: Name/value pairs (encoded here); empty for none.
    /// - Returns: The URL, or `nil` when the result does not parse.
    func appendingEncodedPath(_ encodedPath: String, query: [(String, String?)] = []) -> URL? {
        var base = absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let queryText = PercentEncoding.query(query)
        return URL(string: base + encodedPath + (queryText.isEmpty ? "" : "?" + queryText))
    }
}
