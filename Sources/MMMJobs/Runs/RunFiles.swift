import Foundation
import MMMCore

/// The files of one folder that run history reads, parsed leniently (see `LenientJSON.swift`).
struct RunFiles: Sendable {
    /// Files whose presence makes a folder a run.
    static let markers: Set<String> = ["status.json", "run_manifest.json", "model_summary.json"]

    var names: [String] = []
    var status: BenchmarkJSONValue?
    var manifest: BenchmarkJSONValue?
    var summary: BenchmarkJSONValue?
    var config: BenchmarkJSONValue?
    var preparation: BenchmarkJSONValue?
    var problems: [String] = []

    /// Whether the folder is a run (has a status, a run manifest or a model summary).
    var isRun: Bool { names.contains { Self.markers.contains($0) } }

    /// Lists the folder and reads the files run history uses; a file that cannot be read or parsed becomes a
    /// problem of the record, not an error of the listing.
    /// - Throws: only when the folder itself cannot be listed.
    static func read(_ folder: any RunFolder) async throws -> RunFiles {
        var files = RunFiles()
        files.names = try await folder.fileNames()
        guard files.isRun else { return files }
        func load(_ name: String) async -> BenchmarkJSONValue? {
            guard files.names.contains(name) else { return nil }
            do {
                guard let value = BenchmarkJSONValue.parse(try await folder.read(name)) else {
                    files.problems.append("\(name): not valid JSON")
                    return nil
                }
                return value
            } catch {
                files.problems.append("\(name): \(error)")
                return nil
            }
        }
        files.status = await load("status.json")
        files.manifest = await load("run_manifest.json")
        files.summary = await load("model_summary.json")
        files.config = await load("job_config.json")
        files.preparation = await load("preparation_manifest.json")
        return files
    }

    /// The configuration as run: `job_config.json`, else the copy inside the model summary.
    var runConfig: BenchmarkJSONValue? { config ?? summary?["config"] }

    /// The engine as `name version`: from the status, manifest or summary; the previous system's summaries name
    /// none and were always Robyn's.
    var engine: String? {
        for source in [status, manifest, summary] {
            if let engine = source?["engine"], let name = engine["name"]?.text {
                return [name, engine["version"]?.text].compactMap { $0 }.joined(separator: " ")
            }
        }
        return summary == nil ? nil : "robyn"
    }
}
