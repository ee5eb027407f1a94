import COpenSSL

/// Reads and clears OpenSSL's per-thread error queue.
///
/// OpenSSL reason strings never contain key material, so they are safe to keep for classification.
enum OpenSSLErrorQueue {
    /// Empties the queue so the next failure's reasons are not mixed with stale ones.
    static func clear() { ERR_clear_error() }

    /// Drains the queue.
    /// - Returns: The reason strings (lowercased), oldest first.
    static func drainReasons() -> [String] {
        var reasons: [String] = []
        // Bounded: the queue holds at most ERR_NUM_ERRORS (16) entries.
        for _ in 0..<64 {
            let code = ERR_get_error()
            if code == 0 { break }
            if let text = ERR_reason_error_string(code) {
                reasons.append(String(cString: text).lowercased())
            } else {
                reasons.append("error \(code)")
            }
        }
        return reasons
    }
}
