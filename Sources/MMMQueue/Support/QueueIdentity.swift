import Foundation

/// Names for the writers of a queue (`processor host:pid:tag`), recorded as lease holders and in job histories.
public enum QueueIdentity {
    /// A name unique to this process and role.
    /// - Parameter role: `processor`, `worker`, `submit`, `cancel`, …
    public static func make(_ role: String) -> String {
        let tag = String(UInt32.random(in: 0...0xFFFF_FFFF), radix: 36)
        return "\(role) \(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(tag)"
    }
}
