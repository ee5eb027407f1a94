import MMMCore

/// An allocation request resolved against a model: the date range's rows, each paid channel's curve, starting point
/// and bounds, and the budget or target. Amounts are per period.
package struct AllocationProblem: Sendable {
    /// One paid channel.
    package struct Channel: Sendable {
        /// The channel's history.
        package let model: ChannelModel
        /// The curve with the range's mean carryover.
        package let curve: ResponseCurve
        /// Mean spend over the range (Robyn's `initSpendUnit`).
        package let initialSpend: Double
        /// Mean spend over the whole window.
        package let windowMeanSpend: Double
        /// Mean decomposed response over the range.
        package let historicalResponse: Double
        /// The spend the multipliers apply to: the initial spend, or the channel budget per period.
        package let reference: Double
        /// Bounds around ``reference`` for the bounded run.
        package let multipliers: BoundMultipliers
        /// What the reference is, in words (e.g. "its mean spend", "its channel budget").
        package let referenceName: String
    }

    /// The range's rows.
    package let rows: Range<Int>
    /// Periods in the range.
    package var periods: Int { rows.count }
    /// The paid channels, in model order.
    package let channels: [Channel]
    /// The scenario.
    package let scenario: AllocationScenario
    /// The max_response budget per period.
    package let budget: Double?
    /// Where the budget came from, in words.
    package let budgetSource: String
    /// The target ROAS (revenue) or CPA (conversion) for target_efficiency.
    package let target: Double?
    /// Revenue or conversion.
    package let depVarType: DepVarType
    /// Notes from forming the problem.
    package var notes: [Diagnostic]

    /// Resolves a request.
    /// - Parameters:
    ///   - model: the prepared model file.
    ///   - request: what to allocate.
    /// - Throws: ``ConfigError`` naming the setting for unknown channels, bad bounds, budgets or targets, or a date
    ///   range outside the window.
    package init(model: ResponseModel, request: AllocationRequest) throws {
        let rows = try model.rows(for: request.dateRange)
        let paid = model.paidChannels
        guard !paid.isEmpty else { throw ConfigError(path: "$.media", "the model has no paid channel to allocate") }
        let names = paid.map(\.name)
        func slot(_ key: String, setting: String) throws -> Int {
            if let index = paid.firstIndex(where: { $0.name == key || $0.entry.spendColumn == key }) { return index }
            throw ConfigError(
                path: "\(setting).\(key)",
                "'\(key)' is not a paid channel of model \(model.file.modelId); channels: \(names.joined(separator: ", "))")
        }
        guard request.channelBudgets.isEmpty || request.channelBounds.isEmpty else {
            throw ConfigError(path: "bounds", "channel budgets fix each channel's bounds; give bounds or channel budgets, not both")
        }
        var bounds = [BoundMultipliers?](repeating: nil, count: paid.count)
        for (key, value) in request.channelBounds.sorted(by: { $0.key < $1.key }) {
            try Self.check(value, path: "bounds.\(key)")
            bounds[try slot(key, setting: "bounds")] = value
        }
        var budgets = [Double?](repeating: nil, count: paid.count)
        for (key, value) in request.channelBudgets.sorted(by: { $0.key < $1.key }) {
            guard value.isFinite, value >= 0 else {
                throw ConfigError(path: "channel_budgets.\(key)", "must be a finite, non-negative amount")
            }
            budgets[try slot(key, setting: "channel_budgets")] = value
        }
        let initial = paid.map { $0.meanValue(rows: rows) }
        let historicalTotal = initial.reduce(0, +) * Double(rows.count)

        var notes = request.notes
        let scenario: AllocationScenario
        var budget: Double?
        var source: String
        var target: Double?
        var defaults: BoundMultipliers
        switch request.scenario {
        case .maxResponse(.historical):
            scenario = .maxResponse
            budget = initial.reduce(0, +)
            source = "historical spend of the date range"
            defaults = request.defaultBounds ?? .maxResponse
        case .maxResponse(.total(let total, let origin)):
            guard total.isFinite, total >= 0 else { throw ConfigError(path: "budget", "the budget must be a finite, non-negative amount") }
            scenario = .maxResponse
            budget = total / Double(rows.count)
            source = origin
            defaults = request.defaultBounds ?? .maxResponse
            if request.lowBudgetRule, request.defaultBounds == nil, historicalTotal > 0, total < 0.9 * historicalTotal {
                let ratio = total / historicalTotal
                // A budget under 0.5 % of history would give up < low; keep up ≥ low (the budget is then infeasible, and said so).
                defaults = BoundMultipliers(low: 0.01, up: Swift.max(0.01, Swift.min(2 * ratio, 2)))
                notes.append(
                    .note(
                        "low_budget_bounds",
                        "the budget is \(AllocationWords.percent(ratio - 1)) against the historical spend of the range "
                            + "(\(AllocationWords.amount(historicalTotal))), so every channel may move between "
                            + "\(AllocationWords.multiplier(defaults.low)) and \(AllocationWords.multiplier(defaults.up)) its mean spend "
                            + "(the previous system's rule for budgets below 0.9 × history)"))
            }
        case .targetEfficiency(let given):
            scenario = .targetEfficiency
            source = "target \(model.file.depVarType == .revenue ? "ROAS" : "CPA")"
            defaults = request.defaultBounds ?? .targetEfficiency
            if let given {
                guard given.isFinite, given > 0 else { throw ConfigError(path: "target", "the target must be a positive number") }
                target = given
            }
        }
        try Self.check(defaults, path: "bounds")

        channels = paid.indices.map { i in
            let channel = paid[i]
            let curve = channel.curve(rows: rows)
            var reference = initial[i]
            var multipliers = bounds[i] ?? defaults
            var referenceName = "its mean spend"
            if !request.channelBudgets.isEmpty {
                let tolerance = request.channelBudgetTolerance
                if let amount = budgets[i] {
                    reference = amount / Double(rows.count)
                    multipliers = BoundMultipliers(low: Swift.max(0, 1 - tolerance), up: 1 + tolerance)
                    referenceName = "its channel budget"
                } else {
                    multipliers = BoundMultipliers(low: 0, up: 0)
                    referenceName = "no channel budget"
                }
            }
            return Channel(
                model: channel, curve: curve, initialSpend: initial[i], windowMeanSpend: channel.meanValue(rows: model.window),
                historicalResponse: channel.historicalResponse(rows: rows), reference: reference,
                multipliers: multipliers, referenceName: referenceName)
        }
        if scenario == .targetEfficiency, target == nil {
            // Robyn's default target: 0.8 × the initial ROAS, or 1.2 × the initial CPA.
            let spend = channels.map(\.initialSpend).reduce(0, +)
            let response = channels.map { $0.curve.response(at: $0.initialSpend) }.reduce(0, +)
            target = model.file.depVarType == .revenue ? 0.8 * response / spend : 1.2 * spend / response
            guard let value = target, value.isFinite, value > 0 else {
                throw ConfigError(path: "target", "the model's initial efficiency is undefined here; give a target")
            }
            source = "default target \(model.file.depVarType == .revenue ? "ROAS" : "CPA") "
                + "(\(model.file.depVarType == .revenue ? "0.8 × the initial ROAS" : "1.2 × the initial CPA"))"
        }
        self.rows = rows
        self.scenario = scenario
        self.budget = budget
        self.budgetSource = source
        self.target = target
        self.depVarType = model.file.depVarType
        self.notes = notes
    }

    private static func check(_ bounds: BoundMultipliers, path: String) throws {
        guard bounds.low.isFinite, bounds.up.isFinite, bounds.low >= 0, bounds.up >= bounds.low else {
            throw ConfigError(path: path, "bounds must be two finite multipliers with 0 ≤ low ≤ up")
        }
    }
}
