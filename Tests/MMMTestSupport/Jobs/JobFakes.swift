import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// A clock that stands still (or moves only when told), so statuses and manifests are reproducible in tests.
public final class FrozenClock: JobClock {
    private let state: Locked<(date: Date, seconds: Double)>

    /// A clock reading `date` until advanced.
    public init(_ date: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Locked((date, 1000))
    }

    /// Moves the clock forward.
    public func advance(by seconds: Double) {
        state.withLock { $0 = ($0.date.addingTimeInterval(seconds), $0.seconds + seconds) }
    }

    public func now() -> Date { state.withLock { $0.date } }
    public func monotonicSeconds() -> Double { state.withLock { $0.seconds } }
}

/// A sink that keeps every diagnostic.
public final class CollectingDiagnosticSink: DiagnosticSink {
    private let collected = Locked<[Diagnostic]>([])

    public init() {}

    public func emit(_ diagnostic: Diagnostic) { collected.withLock { $0.append(diagnostic) } }

    /// Everything emitted, in order.
    public var all: [Diagnostic] { collected.withLock { $0 } }
}

/// A table held in memory.
public struct InMemoryTableSource: TableSource {
    public var table: DataTable
    public var label: String
    public var snapshot: TableSnapshot?

    public init(table: DataTable, label: String = "memory:table", snapshot: TableSnapshot? = nil) {
        self.table = table
        self.label = label
        self.snapshot = snapshot
    }

    public func load() async throws -> LoadedTable {
        LoadedTable(
            table: table, provenance: TableProvenance(source: label, sha256: String(repeating: "0", count: 64), format: "memory"),
            snapshot: snapshot)
    }
}

/// A backend that returns a canned model or throws, to test the job without the engine.
public struct ScriptedBackend: TrainingBackend {
    /// What ``train(_:context:)`` does.
    public enum Script: Sendable {
        case succeed(ModelSummary)
        case fail(any Error & Sendable)
    }

    public var script: Script
    public var diagnostics: [Diagnostic]
    public var engine: EngineInfo { EngineInfo(name: "scripted", version: "1") }

    public init(_ script: Script, diagnostics: [Diagnostic] = []) {
        self.script = script
        self.diagnostics = diagnostics
    }

    public func train(_ request: TrainingRequest, context: TrainingContext) async throws -> any TrainedModel {
        for d in diagnostics { context.report(d) }
        context.progress(SearchProgress(done: 1, total: 1, bestNRMSE: nil, bestDecompRSSD: nil))
        switch script {
        case .succeed(var summary):
            summary.runId = request.runId
            return ScriptedModel(summary: summary)
        case .fail(let error):
            throw error
        }
    }

    struct ScriptedModel: TrainedModel {
        var summary: ModelSummary
        var candidateCount: Int { summary.candidateCount }
        var timings: [RunManifest.StepTiming] { [.init(step: "scripted", seconds: 0)] }
        func writeOutputs(to folder: any RunFolder, level: OutputLevel, threads: Int) async throws -> [String] {
            try await folder.writeJSON(summary, to: "model_summary.json")
            return ["model_summary.json"]
        }
    }
}
