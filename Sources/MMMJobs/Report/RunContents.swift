import Foundation
import MMMCore

/// What a report reads from a run folder: the JSON contracts, the Robyn-format tables it draws from, and the list of
/// files. Everything is optional, so a skipped, failed or half-written run still gets a report of what it has.
struct RunContents: Sendable {
    /// The folder's location, for messages.
    var location: String
    var runId: String
    var status: RunStatus?
    var summary: ModelSummary?
    var preparation: PreparationManifest?
    var manifest: RunManifest?
    /// `pareto_hyperparameters.csv`: one row per Pareto model.
    var hyperparameters: RunTable?
    /// `pareto_aggregated.csv`: one row per Pareto model and variable.
    var aggregated: RunTable?
    /// `pareto_alldecomp_matrix.csv`: one row per Pareto model and window date; only the columns the report draws
    /// (``decompositionColumns``), because typing the whole matrix dominated building a report.
    var decomposition: RunTable?
    /// `model.json`: the best model's curve parameters (written by the allocate step).
    var modelFile: ModelFile?
    /// `allocation.json`: the best model's budget allocation.
    var allocation: AllocationResult?
    /// `allocator_error.txt`: why the allocation could not be computed.
    var allocationError: String?
    /// `posterior.csv` and `posterior_diagnostics.json` of a Bayesian run.
    var posterior: PosteriorView?
    /// The file names in the folder, sorted.
    var fileNames: [String]
    /// File sizes in bytes, where the store can tell.
    var fileSizes: [String: Int]

    /// Reads a run folder.
    /// - Throws: ``ConfigError`` for a JSON file that is not a valid contract, ``DataError`` for a malformed table.
    static func read(_ folder: any RunFolder) async throws -> RunContents {
        let names = try await folder.fileNames()
        func json<T: Decodable>(_ type: T.Type, _ name: String) async throws -> T? {
            guard names.contains(name), let data = try await folder.read(name) else { return nil }
            return try StrictJSON.decode(type, from: data, file: folder.location + "/" + name)
        }
        func table(_ name: String, columns: Set<String>? = nil) async throws -> RunTable? {
            guard names.contains(name), let data = try await folder.read(name) else { return nil }
            return try RunTable(data, name: name, columns: columns)
        }
        return RunContents(
            location: folder.location, runId: folder.runId,
            status: try await json(RunStatus.self, "status.json"),
            summary: try await json(ModelSummary.self, "model_summary.json"),
            preparation: try await json(PreparationManifest.self, "preparation_manifest.json"),
            manifest: try await json(RunManifest.self, "run_manifest.json"),
            hyperparameters: try await table("pareto_hyperparameters.csv"),
            aggregated: try await table("pareto_aggregated.csv"),
            decomposition: try await table("pareto_alldecomp_matrix.csv", columns: decompositionColumns),
            modelFile: try await json(ModelFile.self, AllocationFiles.modelFile),
            allocation: try await json(AllocationResult.self, AllocationFiles.resultFile),
            allocationError: names.contains("allocator_error.txt")
                ? try await folder.read("allocator_error.txt").map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
                : nil,
            posterior: try await PosteriorView.read(folder, names: names),
            fileNames: names, fileSizes: sizes(folder, names))
    }

    /// The columns of `pareto_alldecomp_matrix.csv` the report reads (``ModelView``: the fit over time).
    static let decompositionColumns: Set<String> = ["solID", "ds", "dep_var", "depVarHat"]

    /// Sizes from the local file system; other stores leave them out.
    private static func sizes(_ folder: any RunFolder, _ names: [String]) -> [String: Int] {
        guard let local = folder as? LocalRunFolder else { return [:] }
        var sizes: [String: Int] = [:]
        for name in names {
            let path = local.directory.appendingPathComponent(name).path
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int { sizes[name] = size }
        }
        return sizes
    }
}
