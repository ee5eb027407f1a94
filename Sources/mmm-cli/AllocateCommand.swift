import ArgumentParser
import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// `mmm-cli allocate`: the budget allocator on a trained model.
struct AllocateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Split a budget over the paid channels for the most response, or find the spend that meets a target ROAS/CPA.",
        discussion: """
            Amounts are in the model's spend units; --budget is a total over the date range. Without --budget, \
            --target-roas or --target-cpa a run is allocated as train did (its job config's budget_scenario, \
            expected_spend and channel_budgets), and a model file gets its historical spend re-allocated. Bounds are \
            multipliers of each channel's mean spend over the date range (default [0.5, 2]; [0.1, 10] for targets); \
            a second run widens them ×3 (Robyn's extended run). Each channel says why it ended where it did.
            Example: mmm-cli allocate --run runs/20261122T031815Z --budget 5000000
            """
    )

    @OptionGroup var source: DecisionOptions

    @Option(parsing: .unconditional, help: "Total budget over the date range (max_response).", transform: DecisionOptions.amount)
    var budget: Double?

    @Option(
        parsing: .unconditional, help: "Spend as much as keeps the total ROAS at this target (revenue models).",
        transform: DecisionOptions.positive)
    var targetRoas: Double?

    @Option(
        parsing: .unconditional, help: "Spend as much as keeps the total CPA at this target (conversion models).",
        transform: DecisionOptions.positive)
    var targetCpa: Double?

    @Option(help: "Bounds file: {\"default\": [low, up], \"channels\": {\"tv_S\": [low, up]}} (multipliers of mean spend).")
    var bounds: String?

    @Option(help: "Channel budgets file: {\"tv_S\": amount, …} (totals over the date range; unlisted channels get 0).")
    var channelBudgets: String?

    @Option(help: "Write allocation.json, allocation.csv and allocator_metrics.csv into this directory.")
    var output: String?

    @Option(help: "Write the model file used (e.g. a --model of a run) to this path.")
    var saveModelFile: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if [budget, targetRoas, targetCpa].compactMap({ $0 }).count > 1 {
            throw ValidationError("give at most one of --budget, --target-roas, --target-cpa")
        }
        if channelBudgets != nil, targetRoas != nil || targetCpa != nil {
            throw ValidationError("--channel-budgets fix a budget per channel; they do not combine with a target")
        }
    }

    func run() async throws {
        let console = global.console
        let file = try await source.load()
        let model = try ResponseModel(file)
        let request = try await allocationRequest(file)
        let result = try BudgetAllocator.allocate(model, request: request)
        if let saveModelFile { try StrictJSON.encode(file).write(to: URL(fileURLWithPath: saveModelFile)) }
        if let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let folder = LocalRunFolder(directory: URL(fileURLWithPath: output), runId: file.runId)
            _ = try await AllocationFiles.write(result, metrics: file.metrics, trainingMinutes: nil, cores: nil, to: folder)
        }
        if console.json {
            try console.resultJSON(result)
            return
        }
        let diagnostics = ConsoleDiagnostics(console)
        for diagnostic in result.diagnostics { diagnostics.emit(diagnostic) }
        console.result(AllocationText.render(result))
    }

    private func allocationRequest(_ file: ModelFile) async throws -> AllocationRequest {
        let revenue = file.depVarType == .revenue
        if targetRoas != nil, !revenue { throw UsageError("--target-roas needs a revenue model; this model is conversion: use --target-cpa") }
        if targetCpa != nil, revenue { throw UsageError("--target-cpa needs a conversion model; this model is revenue: use --target-roas") }
        var request: AllocationRequest
        if let target = targetRoas ?? targetCpa {
            request = AllocationRequest(scenario: .targetEfficiency(target: target))
        } else if let budget {
            request = AllocationRequest(scenario: .maxResponse(.total(budget, source: "--budget")))
        } else if let config = try await runConfig() {
            let names = Set(file.paidMedia.flatMap { [$0.name, $0.spendColumn ?? $0.name] })
            request = AllocationRequest(config: config, channels: names)
        } else {
            request = AllocationRequest(scenario: .maxResponse(.historical))
        }
        request.dateRange = source.dateRange
        if let bounds { try AllocationBoundsFile.load(path: bounds).apply(to: &request) }
        if let channelBudgets {
            request.channelBudgets = try StrictJSON.decode([String: Double].self, path: channelBudgets)
            if case .maxResponse(.historical) = request.scenario {
                let total = request.channelBudgets.values.reduce(0, +)
                request.scenario = .maxResponse(.total(total, source: "--channel-budgets"))
            }
        }
        return request
    }

    /// The job config of `--run` (how train allocated), if the folder has one.
    private func runConfig() async throws -> JobConfig? {
        guard source.run != nil else { return nil }
        let folder = try source.folder()
        guard let data = try await folder.read("job_config.json") else { return nil }
        return try StrictJSON.decode(JobConfig.self, from: data, file: folder.location + "/job_config.json")
    }
}

/// The text rendering of an allocation.
enum AllocationText {
    static func render(_ r: AllocationResult) -> String {
        let a = DecisionText.amount
        func left(_ text: String, _ width: Int) -> String { DecisionText.pad(text, width) }
        func right(_ text: String, _ width: Int) -> String { DecisionText.pad(text, width, right: true) }
        let width = max(8, r.channels.map(\.channel.count).max() ?? 8)
        let kind = r.depVarType == .revenue ? "ROAS" : "CPA"
        let what =
            r.scenario == .maxResponse
            ? "max response for \(a(r.bounded.budgetTotal)) (\(r.budgetSource))"
            : "target \(kind) \(a(r.target)) (\(r.budgetSource))"
        var lines = [
            "model \(r.modelId) of run \(r.runId): \(what)",
            "dates \(r.dateStart) … \(r.dateEnd) (\(r.periods) periods); spend per period",
            "",
        ]
        let header: [String] = [
            left("channel", width), right("initial", 10), right("optimal", 10), right("change", 9), right("marginal", 9), "status",
        ]
        lines.append("  " + header.joined(separator: "  "))
        for c in r.channels {
            let change = c.bounded.spendChange.map(AllocationWords.percent) ?? "–"
            let cells: [String] = [
                left(c.channel, width), right(a(c.initialSpend), 10), right(a(c.bounded.spend), 10), right(change, 9),
                right(a(c.bounded.marginalResponse), 9), c.bounded.status.rawValue,
            ]
            lines.append("  " + cells.joined(separator: "  "))
        }
        lines.append("")
        for run in [r.bounded, r.extended] {
            let label = run.boundsMultiplier == 1 ? "bounded" : "extended (bounds × \(a(run.boundsMultiplier)))"
            lines.append(
                "\(label): spend \(a(run.initialSpendTotal)) → \(a(run.optimalSpendTotal)), response "
                    + "\(a(run.initialResponseTotal)) → \(a(run.optimalResponseTotal))"
                    + (run.responseLift.map { " (\(AllocationWords.percent($0)))" } ?? "") + (run.feasible ? "" : " — not feasible, see above"))
        }
        lines.append("")
        lines.append("why:")
        for c in r.channels { lines.append("  \(c.channel): \(c.bounded.explanation)") }
        return lines.joined(separator: "\n")
    }
}
