import COpenSSL

/// Reads and clears OpenSSL's per-thread error queue.
///
/// OpenSSL reason strings never contain key material, so they are safe to keep for classification.
enum OpenSSLErrorQueue {
    /// Empties the queue so the next failure's reasons are not mixed with stale ones.
    static func clear() { ERR_clear_error() }

    /// One queued error: the OpenSSL library that raised it and its reason, both lowercased.
    struct Entry: Equatable {
        let library: String
        let reason: String
    }

    /// Drains the queue.
    /// - Returns: The entries, oldest first.
    static func drain() -> [Entry] {
        var entries: [Entry] = []
        // Bounded: the queue holds at most ERR_NUM_ERRORS (16) entries.
        for _ in 0..<64 {
            let code = ERR_get_error()
            if code == 0 { break }
            let library = ERR_lib_error_string(code).map { String(cString: $0).lowercased() } ?? "?"
            let reason = ERR_reason_error_string(code).map { String(cString: $0).lowercased() } ?? "error \(code)"
            entries.append(Entry(library: library, reason: reason))
        }
        return entries
    }

    /// Drains the queue.
    /// - Returns: The reason strings (lowercased), oldest first.
    static func drainReasons() -> [String] { drain().map(\.reason) }
}
