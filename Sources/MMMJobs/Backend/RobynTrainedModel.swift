import Foundation
import MMMCore

/// What the Robyn backend returns: R's summary and the folder holding the files R wrote.
///
/// It writes nothing of its own: ``writeOutputs(to:level:threads:)`` copies R's `model_summary.json` (byte for byte)
/// and Robyn's own files (its CSVs, `raw_data.csv`, `RobynModel-<id>.json`) into the run folder, then removes R's
/// folder. R's inputs and status stay behind: the job writes its own `job_config.json` and `status.json`.
public struct RobynTrainedModel: TrainedModel {
    public var summary: ModelSummary
    /// `model_summary.json` as R wrote it.
    public var summaryBytes: Data
    /// R's folder.
    var workDirectory: RobynWorkDirectory

    public var candidateCount: Int { summary.candidateCount }

    /// R's own step durations (`robyn_inputs`, `robyn_run`, `robyn_outputs`, …), prefixed `robyn.`.
    public var timings: [RunManifest.StepTiming] {
        let order = ["read_inputs", "robyn_inputs", "robyn_run", "robyn_outputs", "write_outputs"]
        let steps = (summary.timings ?? [:]).sorted {
            (order.firstIndex(of: $0.key) ?? order.count, $0.key) < (order.firstIndex(of: $1.key) ?? order.count, $1.key)
        }
        return steps.map { .init(step: "robyn.\($0.key)", seconds: $0.value) }
    }

    /// Files of R's folder that are not results.
    static let notCopied: Set<String> = [RobynInputs.configFile, RobynInputs.dataFile, "status.json", "model_summary.json"]
    /// Per-candidate tables, written only at ``OutputLevel/full``.
    static let fullOnly: Set<String> = ["all_aggregated.csv", "all_hyperparameters.csv", "all_calibration.csv"]

    public func writeOutputs(to folder: any RunFolder, level: OutputLevel, threads: Int) async throws -> [String] {
        try await folder.write(summaryBytes, to: "model_summary.json")
        var written = ["model_summary.json"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workDirectory.url.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") && !Self.notCopied.contains(name) {
            if level == .small, Self.fullOnly.contains(name) { continue }
            guard PathSegment.isSafe(name) else { continue }
            let path = workDirectory.url.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            try Task.checkCancellation()
            try await Self.copy(path, to: name, in: folder)
            written.append(name)
        }
        workDirectory.remove()
        return written
    }

    /// Streams one file into the run folder (Robyn's per-candidate tables can be large).
    private static func copy(_ path: String, to name: String, in folder: any RunFolder) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileWriteError(path: path, reason: "cannot read R's output file")
        }
        defer { try? handle.close() }
        try await folder.writeStreaming(to: name) { emit in
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { try emit([UInt8](chunk)) }
        }
    }
}

/// R's private folder for one run (its two inputs and everything it writes), removed when the results are copied
/// or the model is dropped.
final class RobynWorkDirectory: Sendable {
    let url: URL
    /// Keep the folder (MMM_ROBYN_KEEP_WORKDIR=1, for debugging R).
    let keep: Bool

    /// Creates `<root>/mmm-robyn-<run id>-<random>`.
    /// - Throws: ``FileWriteError``.
    init(root: URL, runId: String, keep: Bool) throws {
        url = root.appendingPathComponent("mmm-robyn-\(runId)-\(UUID().uuidString.prefix(8))")
        self.keep = keep
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: url.path, reason: "cannot create R's working folder")
        }
    }

    func remove() {
        if !keep { try? FileManager.default.removeItem(at: url) }
    }

    deinit { remove() }
}
