import MMMCore

/// Robyn's budget allocator (robyn-semantics §6.3) with a global solver and diagnostics in words.
///
/// Per paid channel, `resp(x) = coef / (1 + (I / (x + c̄))^α)` with x the mean spend per period, c̄ the mean carryover
/// over the date range and I the stored inflexion. The bounded run uses the requested bounds; the extended run
/// widens every bound ×3 around the same reference spend (Robyn's "Bounded x3"). Deliberate differences from Robyn:
/// the initial response is always the curve at the initial spend (Robyn uses the decomposed mean when every channel
/// is a spend column, which mixes two definitions in the lift; the decomposed mean is reported separately);
/// coefficient-0 channels stay in the problem (held at their lower bound, where Robyn drops them but keeps their
/// spend in the budget); the solver is global (Robyn's SLSQP starts at the lower bounds and can stop at a local
/// optimum of the S-shaped curves); and the target_efficiency extended run keeps the target and widens the bounds
/// (Robyn switches to ROAS 1).
package enum BudgetAllocator {
    /// Allocates.
    /// - Parameters:
    ///   - model: the prepared model file.
    ///   - request: what to allocate.
    /// - Returns: the result, with both runs, per-channel explanations and curve points.
    /// - Throws: ``ConfigError`` for a request that does not fit the model (unknown channel, bad bounds, empty range).
    package static func allocate(_ model: ResponseModel, request: AllocationRequest) throws -> AllocationResult {
        let problem = try AllocationProblem(model: model, request: request)
        let bounded = SolvedRun(problem, widening: nil)
        let extended = SolvedRun(problem, widening: request.extendedMultiplier)
        let revenue = problem.depVarType == .revenue
        let initialTotal = problem.channels.map(\.initialSpend).reduce(0, +)
        let channels = problem.channels.indices.map { i -> AllocationChannel in
            let c = problem.channels[i]
            let initialResponse = c.curve.response(at: c.initialSpend)
            return AllocationChannel(
                channel: c.model.name, spendColumn: c.model.entry.spendColumn ?? c.model.name,
                coefficient: c.curve.coefficient, alpha: c.curve.alpha, inflexion: c.curve.inflexion,
                carryoverMean: c.curve.carryoverMean, windowMeanSpend: c.windowMeanSpend, initialSpend: c.initialSpend,
                initialSpendShare: finite(c.initialSpend / initialTotal), initialResponse: initialResponse,
                historicalResponse: c.historicalResponse, initialMarginalResponse: finite(c.curve.gradient(at: c.initialSpend)),
                initialROI: revenue ? finite(initialResponse / c.initialSpend) : nil,
                initialCPA: revenue ? nil : finite(c.initialSpend / initialResponse),
                bounded: channelRun(i, bounded, problem), extended: channelRun(i, extended, problem))
        }
        let diagnostics =
            problem.notes + AllocationExplanation.problem(bounded, problem: problem, label: "bounded")
            + AllocationExplanation.problem(
                extended, problem: problem, label: "extended (bounds × \(AllocationWords.amount(request.extendedMultiplier)))")
        let model = model.file
        return AllocationResult(
            runId: model.runId, modelId: model.modelId, depVarType: problem.depVarType, scenario: problem.scenario,
            budgetSource: problem.budgetSource, dateStart: model.dates[problem.rows.lowerBound],
            dateEnd: model.dates[problem.rows.upperBound - 1], periods: problem.periods, target: problem.target,
            bounded: totals(bounded, problem, multiplier: 1), extended: totals(extended, problem, multiplier: request.extendedMultiplier),
            channels: channels, curves: curves(problem, bounded, extended, points: request.curvePoints),
            diagnostics: diagnostics.map { $0.inStep("allocate") })
    }

    private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    private static func channelRun(_ i: Int, _ run: SolvedRun, _ problem: AllocationProblem) -> AllocationChannelRun {
        let c = problem.channels[i]
        let spend = run.spend[i]
        let response = run.response[i]
        let (status, moved, explanation) = AllocationExplanation.channel(i, run: run, problem: problem)
        let revenue = problem.depVarType == .revenue
        let initial = c.initialSpend
        return AllocationChannelRun(
            lowerBound: run.lower[i], upperBound: run.upper[i],
            lowerMultiplier: initial > 0 ? finite(run.lower[i] / initial) : nil,
            upperMultiplier: initial > 0 ? finite(run.upper[i] / initial) : nil, spend: spend,
            spendChange: initial > 0 ? finite(spend / initial - 1) : nil,
            spendShare: finite(spend / run.spend.reduce(0, +)), response: response,
            marginalResponse: finite(c.curve.gradient(at: spend)), roi: revenue ? finite(response / spend) : nil,
            cpa: revenue ? nil : finite(spend / response), status: status, moved: moved, explanation: explanation)
    }

    private static func totals(_ run: SolvedRun, _ problem: AllocationProblem, multiplier: Double) -> AllocationRun {
        let periods = Double(problem.periods)
        let initialResponse = problem.channels.map { $0.curve.response(at: $0.initialSpend) }.reduce(0, +)
        let optimal = run.response.reduce(0, +)
        return AllocationRun(
            boundsMultiplier: multiplier, feasible: run.feasibility.isFeasible, budgetTotal: run.budget * periods,
            initialSpendTotal: problem.channels.map(\.initialSpend).reduce(0, +) * periods,
            initialResponseTotal: initialResponse * periods, optimalSpendTotal: run.spend.reduce(0, +) * periods,
            optimalResponseTotal: optimal * periods, responseLift: finite(optimal / initialResponse - 1),
            marginalResponse: run.price.flatMap { finite($0) }, optimalityGap: run.gap * periods)
    }

    private static func curves(_ problem: AllocationProblem, _ bounded: SolvedRun, _ extended: SolvedRun, points: Int)
        -> [AllocationCurve]
    {
        let count = Swift.max(points, 2)
        return problem.channels.indices.map { i in
            let c = problem.channels[i]
            var top = 1.2 * ([c.initialSpend, bounded.spend[i], extended.spend[i], bounded.upper[i]].max() ?? 0)
            if !(top > 0) { top = 1.2 * Swift.max(c.curve.saturationSpend(share: 0.9), 1) }
            let spend = (0..<count).map { top * Double($0) / Double(count - 1) }
            return AllocationCurve(
                channel: c.model.name, spend: spend, response: spend.map { c.curve.response(at: $0) },
                marginalResponse: spend.map { finite(c.curve.gradient(at: $0)) })
        }
    }
}
