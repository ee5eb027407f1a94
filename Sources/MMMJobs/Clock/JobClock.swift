import Dispatch
import Foundation

/// Where a job reads the time: timestamps for `status.json` and the manifests, and a monotonic reading for step
/// durations. Injected so tests can freeze it (and so `status.json` is reproducible in tests).
public protocol JobClock: Sendable {
    /// The current wall-clock time.
    func now() -> Date
    /// Seconds on a monotonic clock (only differences mean anything).
    func monotonicSeconds() -> Double
}

/// The system clock.
public struct SystemJobClock: JobClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Date { Date() }

    public func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
