import Foundation
import MMMCore

/// A one-shot signal that tasks can wait on with a timeout (e.g. "the worker ended" while a lease is renewed).
final class QueueSignal: Sendable {
    private struct State {
        var fired = false
        var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Locked(State())

    /// Fires the signal: every waiter (now and later) returns at once.
    func fire() {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.fired = true
            defer { s.waiters = [:] }
            return Array(s.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Whether it has fired.
    var hasFired: Bool { state.withLock { $0.fired } }

    /// Waits until the signal fires or `seconds` pass (or the task is cancelled).
    /// - Returns: Whether it fired.
    @discardableResult
    func wait(seconds: Double) async -> Bool {
        let id = UUID()
        let timer = Task { [state] in
            try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
        defer { timer.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { s -> Bool in
                    if s.fired { return true }
                    s.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: { [state] in
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
        return hasFired
    }
}

/// A wake-up call that can be sent many times. A send is never lost: one that arrives while nobody waits makes the
/// next wait return at once (at worst one extra wake-up).
final class QueueWakeup: Sendable {
    private let current = Locked(QueueSignal())

    /// Wakes the current (or next) wait.
    func send() { current.withLock { $0 }.fire() }

    /// Waits for a wake-up or `seconds`.
    func wait(seconds: Double) async {
        let signal = current.withLock { s -> QueueSignal in
            let signal = s
            if signal.hasFired { s = QueueSignal() }
            return signal
        }
        await signal.wait(seconds: seconds)
    }
}
