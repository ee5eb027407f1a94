import Foundation
import MMMCore

/// A job's diagnostics: each is forwarded to the caller's sink at once, kept for the outcome and the run manifest,
/// and appended to the run folder's `console.log` when the job flushes (at step boundaries, so a store that cannot
/// append cheaply — GCS — is not called per line).
final class RunLog: Sendable {
    private struct State: Sendable {
        var all: [Diagnostic] = []
        var pending: [String] = []
    }

    private let sink: any DiagnosticSink
    private let clock: any JobClock
    private let state = Locked(State())

    init(sink: any DiagnosticSink, clock: any JobClock) {
        self.sink = sink
        self.clock = clock
    }

    /// Reports one diagnostic.
    func report(_ diagnostic: Diagnostic) {
        let line = "\(ISOTime.format(clock.now())) \(diagnostic.renderedLine)\n"
        state.withLock {
            $0.all.append(diagnostic)
            $0.pending.append(line)
        }
        sink.emit(diagnostic)
    }

    /// Everything reported so far.
    var diagnostics: [Diagnostic] { state.withLock { $0.all } }

    /// Appends the lines not yet written to `console.log`. A failing append is not worth failing the run for: the
    /// same diagnostics are in the manifests and were shown to the caller.
    func flush(to folder: any RunFolder) async {
        let lines = state.withLock { s -> [String] in
            defer { s.pending.removeAll() }
            return s.pending
        }
        guard !lines.isEmpty else { return }
        try? await folder.append(Data(lines.joined().utf8), to: "console.log")
    }
}
