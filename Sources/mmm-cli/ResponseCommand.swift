import ArgumentParser
import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// `mmm-cli response`: one point of a channel's response curve.
struct ResponseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "response",
        abstract: "The response of one channel at a spend per period, its marginal return, and where its curve saturates.",
        discussion: """
            The curve is Robyn's: coef / (1 + (inflexion / (spend + carryover))^alpha), with the channel's mean \
            carryover over the date range. --spend is per period (a week for weekly data) in the model's spend units \
            (exposure channels: spend-equivalent units). The simulated response also counts the spend's own \
            carryover: every period of the date range set to --spend and the history re-adstocked (Robyn's \
            robyn_response with a metric_value).
            Example: mmm-cli response --run runs/20261122T031815Z --channel tv_S --spend 25000
            """
    )

    @OptionGroup var source: DecisionOptions

    @Option(help: "A paid channel (modelled name or spend column) or an organic variable.")
    var channel: String

    @Option(parsing: .unconditional, help: "Spend per period.", transform: DecisionOptions.amount)
    var spend: Double

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let model = try ResponseModel(try await source.load())
        let query = try ResponseQuery(model: model, channel: channel, spend: spend, range: source.dateRange)
        if console.json {
            try console.resultJSON(query)
        } else {
            console.result(Self.render(query))
        }
    }

    static func render(_ q: ResponseQuery) -> String {
        let a = DecisionText.amount
        let revenue = q.depVarType == .revenue
        var lines = [
            "\(q.channel)\(q.spendColumn.map { $0 == q.channel ? "" : " (spend \($0))" } ?? "") in model \(q.modelId) of run \(q.runId)",
            "dates \(q.dateStart) … \(q.dateEnd) (\(q.periods) periods); amounts per period",
            "",
            "spend                 \(a(q.spend))",
            "response              \(a(q.response))",
            revenue
                ? "marginal ROI          \(a(q.marginalResponse))   (one more unit of spend returns this)"
                : "marginal CPA          \(a(q.marginalCPA))   (cost of one more conversion)",
            revenue ? "average ROI           \(a(q.roi))" : "average CPA           \(a(q.cpa))",
            "with own carryover    \(a(q.simulatedResponse))   (spend held at this level over the dates)",
            "",
            "historical spend      \(a(q.historicalSpend))   → response \(a(q.historicalCurveResponse)) on the curve, \(a(q.historicalResponse)) decomposed",
            "carryover (mean)      \(a(q.carryoverMean))   (response from carryover alone: \(a(q.coefficient / (1 + pow(q.inflexion / q.carryoverMean, q.alpha)))))",
            "curve                 coef \(a(q.coefficient)), alpha \(a(q.alpha)), inflexion \(a(q.inflexion))",
            "steepest from         \(q.inflectionSpend.map(a) ?? "0 (concave for every spend)")",
            "90 % saturated at     \(a(q.saturationSpend))",
        ]
        if revenue { lines.append("break-even spend      \(q.breakEvenSpend.map(a) ?? "none (the marginal ROI never reaches 1)")") }
        return lines.joined(separator: "\n")
    }
}
