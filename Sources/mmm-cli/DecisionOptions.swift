import ArgumentParser
import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// Where `response` and `allocate` find the model (a run folder or a model file) and which dates they look at.
struct DecisionOptions: ParsableArguments {
    @Option(help: "A finished run folder (uses its model.json and, for --model, its Pareto tables).")
    var run: String?

    @Option(help: "A Pareto model of the run (default: the best model, the one in model.json).")
    var model: String?

    @Option(help: "A model.json file instead of --run.")
    var modelFile: String?

    @Option(
        help: "Dates whose mean spend and carryover are used: last:DAYS (default last:365), all (the whole window), or FROM,TO (YYYY-MM-DD).",
        transform: DecisionOptions.parseDateRange)
    var dateRange: DecisionDateRange = .standard

    func validate() throws {
        guard (run == nil) != (modelFile == nil) else { throw ValidationError("give exactly one of --run and --model-file") }
        if model != nil, run == nil { throw ValidationError("--model picks a model of a run; use it with --run") }
        if let model, !PathSegment.isSafe(model) { throw ValidationError("--model '\(model)' is not a model id like 1_12_3") }
    }

    /// Reads the model file.
    func load() async throws -> ModelFile {
        if let modelFile { return try StrictJSON.decode(ModelFile.self, path: modelFile) }
        return try await RunModelFile.load(from: try folder(), modelId: model)
    }

    /// The run folder of `--run`.
    func folder() throws -> LocalRunFolder {
        let url = URL(fileURLWithPath: run ?? ".")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("--run '\(run ?? "")' is not a run folder (no such directory)")
        }
        return LocalRunFolder(directory: url, runId: url.lastPathComponent)
    }

    /// `last:DAYS`, `all`, or `FROM,TO`.
    static func parseDateRange(_ text: String) throws -> DecisionDateRange {
        if text == "all" { return .window }
        if text.hasPrefix("last:"), let days = Int(text.dropFirst(5)), days >= 1 { return .lastDays(days) }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let from = DateFormat.isoDate.parse(parts[0]), let to = DateFormat.isoDate.parse(parts[1]) {
            return .dates(from, to)
        }
        throw FlagValues.Invalid(description: "expected last:DAYS, all, or FROM,TO with dates as YYYY-MM-DD")
    }

    /// A non-negative amount.
    static func amount(_ text: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw FlagValues.Invalid(description: "expected a non-negative number")
        }
        return value
    }

    /// A positive number.
    static func positive(_ text: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value > 0 else { throw FlagValues.Invalid(description: "expected a positive number") }
        return value
    }
}

/// Shared formatting of the decision commands' text output.
enum DecisionText {
    static func amount(_ value: Double?) -> String { value.map(AllocationWords.amount) ?? "–" }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
