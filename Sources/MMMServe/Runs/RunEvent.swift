import Foundation
import MMMCore

/// What a run's event stream carries (Server-Sent Events): progress while training, the worker's notes and
/// warnings, and the state — the last event is always the final state.
enum RunEvent: Sendable, Equatable {
    /// Candidates evaluated so far and the lowest errors seen.
    case progress(TrainingProgress)
    /// A line the worker printed (notes, warnings, errors), without secrets (the worker never prints any).
    case log(String)
    /// The run's `status.json` (or the server's QUEUED status before the worker claimed the folder).
    case state(Data)

    /// The SSE frame: `event: NAME` and one `data:` line of JSON.
    var frame: String {
        switch self {
        case .progress(let p): "event: progress\ndata: \(p.json)\n\n"
        case .log(let line): "event: log\ndata: \(RunEvent.json(["line": line]))\n\n"
        case .state(let status): "event: state\ndata: \(RunEvent.compact(status))\n\n"
        }
    }

    /// One-line JSON of a status document (SSE data may not contain line breaks).
    static func compact(_ json: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: json),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// One progress report of a training.
struct TrainingProgress: Sendable, Equatable {
    var done: Int
    var total: Int
    var bestNRMSE: Double?
    var bestDecompRSSD: Double?

    var json: String {
        var object: [String: Any] = ["done": done, "total": total]
        object["best_nrmse"] = bestNRMSE ?? NSNull()
        object["best_decomp_rssd"] = bestDecompRSSD ?? NSNull()
        return RunEvent.json(object)
    }

    /// Parses the worker's progress line
    /// (`progress: 30/60 candidates (50%), lowest so far: NRMSE 0.1234, DECOMP.RSSD 0.0567, ETA 1.2 s`).
    /// - Returns: nil for any other line.
    static func parse(_ line: String) -> TrainingProgress? {
        guard line.hasPrefix("progress: ") else { return nil }
        let words = line.dropFirst("progress: ".count).split(separator: " ")
        guard let counts = words.first?.split(separator: "/"), counts.count == 2, let done = Int(counts[0]),
            let total = Int(counts[1])
        else { return nil }
        func number(after label: String) -> Double? {
            guard let index = words.firstIndex(where: { $0 == label }), index + 1 < words.count else { return nil }
            return Double(words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: ",")))
        }
        return TrainingProgress(done: done, total: total, bestNRMSE: number(after: "NRMSE"), bestDecompRSSD: number(after: "DECOMP.RSSD"))
    }
}

/// Fans a run's events out to every listener. Late listeners first get the latest progress (and the final state,
/// when the run has ended).
final class RunEventHub: Sendable {
    private struct State {
        var listeners: [UUID: AsyncStream<RunEvent>.Continuation] = [:]
        var lastProgress: RunEvent?
        var final: RunEvent?
    }

    private let state = Locked(State())

    /// Sends an event to every listener; a `.state` event with `final: true` ends every stream.
    func send(_ event: RunEvent, final: Bool = false) {
        let listeners = state.withLock { s -> [AsyncStream<RunEvent>.Continuation] in
            if case .progress = event { s.lastProgress = event }
            if final { s.final = event }
            return Array(s.listeners.values)
        }
        for listener in listeners {
            listener.yield(event)
            if final { listener.finish() }
        }
    }

    /// A stream of this run's events from now on (after the replay of the latest progress or the final state).
    func subscribe() -> AsyncStream<RunEvent> {
        let (stream, continuation) = AsyncStream<RunEvent>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let id = UUID()
        let replay = state.withLock { s -> (RunEvent?, RunEvent?) in
            if s.final == nil { s.listeners[id] = continuation }
            return (s.lastProgress, s.final)
        }
        if let progress = replay.0 { continuation.yield(progress) }
        if let final = replay.1 {
            continuation.yield(final)
            continuation.finish()
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }
}
