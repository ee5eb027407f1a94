import Foundation
import MMMCore

/// Times in queue objects: ISO 8601 UTC with milliseconds (`2026-11-22T03:18:15.042Z`), so leases of a few
/// seconds (tests) compare exactly; readers also accept whole seconds.
enum QueueTime {
    /// Formats an instant, truncated to the millisecond.
    static func format(_ date: Date) -> String {
        let millis = (date.timeIntervalSince1970 * 1000).rounded(.down)
        let seconds = (millis / 1000).rounded(.down)
        let fraction = Int(millis - seconds * 1000)
        let whole = ISOTime.format(Date(timeIntervalSince1970: seconds))
        let padded = String(repeating: "0", count: fraction < 10 ? 2 : fraction < 100 ? 1 : 0) + String(fraction)
        return whole.dropLast() + "." + padded + "Z"
    }

    /// The instant as stored (millisecond precision), so a value reads back equal.
    static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

extension KeyedDecodingContainer {
    /// A required queue time.
    func decodeQueueTime(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = ISOTime.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "'\(text)' is not an ISO 8601 UTC time (YYYY-MM-DDTHH:MM:SS[.fff]Z)")
        }
        return date
    }

    /// An optional queue time (absent: nil; null is rejected like everywhere else).
    func decodeQueueTimeIfPresent(forKey key: Key) throws -> Date? {
        guard try decodeUnlessNull(String.self, forKey: key) != nil else { return nil }
        return try decodeQueueTime(forKey: key)
    }
}
