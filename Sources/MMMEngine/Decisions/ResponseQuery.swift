import MMMCore

/// One point of a channel's response curve, with everything a reader needs to judge it: the marginal return there,
/// the channel's own position (mean spend, carryover), where the curve bends and saturates, and Robyn's simulation
/// of holding that spend over the date range (robyn-semantics §6.2). Per period.
package struct ResponseQuery: Encodable, Sendable, Equatable {
    /// The run that trained the model.
    package var runId: String
    /// The model.
    package var modelId: String
    /// The modelled name.
    package var channel: String
    /// The spend column (paid media only).
    package var spendColumn: String?
    /// Revenue (ROI) or conversion (CPA).
    package var depVarType: DepVarType
    /// First date of the range whose carryover shifts the curve.
    package var dateStart: CalendarDate
    /// Last date of the range.
    package var dateEnd: CalendarDate
    /// Periods in the range.
    package var periods: Int
    /// The spend asked about (per period, model units).
    package var spend: Double
    /// The curve at ``spend`` with the range's mean carryover (what the allocator and Robyn's curves use).
    package var response: Double
    /// d response / d spend at ``spend`` (the marginal ROI of a revenue model).
    package var marginalResponse: Double?
    /// Spend per extra unit of response at ``spend`` (the marginal CPA of a conversion model).
    package var marginalCPA: Double?
    /// ``response`` ÷ ``spend``.
    package var roi: Double?
    /// ``spend`` ÷ ``response``.
    package var cpa: Double?
    /// The curve's coefficient (its ceiling).
    package var coefficient: Double
    /// Hill α.
    package var alpha: Double
    /// The stored inflexion.
    package var inflexion: Double
    /// Mean carryover input over the range (the curve's shift).
    package var carryoverMean: Double
    /// The channel's mean spend over the range.
    package var historicalSpend: Double
    /// The curve at ``historicalSpend``.
    package var historicalCurveResponse: Double
    /// The mean decomposed response over the range.
    package var historicalResponse: Double
    /// Where the curve turns from convex to concave (nil when it is concave for every spend ≥ 0).
    package var inflectionSpend: Double?
    /// The spend at which the response reaches 90 % of its ceiling ``coefficient``.
    package var saturationSpend: Double
    /// The largest spend where one more unit still returns one unit (revenue models; nil if never).
    package var breakEvenSpend: Double?
    /// Robyn's simulation (the range's rows set to ``spend``, the history re-adstocked, so the spend's own carryover
    /// counts): the mean immediate input.
    package var simulatedImmediate: Double
    /// The simulation's mean carryover input.
    package var simulatedCarryover: Double
    /// The simulation's response per period.
    package var simulatedResponse: Double

    /// Evaluates a channel's curve at a spend.
    /// - Parameters:
    ///   - model: the prepared model file.
    ///   - channel: a modelled name or spend column (organic variables too).
    ///   - spend: spend per period in model units.
    ///   - range: the date range whose mean carryover shifts the curve.
    /// - Throws: ``ConfigError`` for an unknown channel, a negative spend or a range outside the window.
    package init(model: ResponseModel, channel name: String, spend: Double, range: DecisionDateRange) throws {
        guard let channel = model.channel(named: name) else {
            throw ConfigError(
                path: "channel",
                "'\(name)' is not a media variable of model \(model.file.modelId); variables: "
                    + model.channels.map(\.name).joined(separator: ", "))
        }
        guard spend.isFinite, spend >= 0 else { throw ConfigError(path: "spend", "the spend must be a finite, non-negative amount") }
        let rows = try model.rows(for: range)
        let curve = channel.curve(rows: rows)
        let revenue = model.file.depVarType == .revenue
        func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
        runId = model.file.runId
        modelId = model.file.modelId
        self.channel = channel.name
        spendColumn = channel.entry.spendColumn
        depVarType = model.file.depVarType
        dateStart = model.file.dates[rows.lowerBound]
        dateEnd = model.file.dates[rows.upperBound - 1]
        periods = rows.count
        self.spend = spend
        response = curve.response(at: spend)
        let marginal = curve.gradient(at: spend)
        marginalResponse = finite(marginal)
        marginalCPA = revenue ? nil : finite(1 / marginal)
        roi = revenue ? finite(response / spend) : nil
        cpa = revenue ? nil : finite(spend / response)
        coefficient = curve.coefficient
        alpha = curve.alpha
        inflexion = curve.inflexion
        carryoverMean = curve.carryoverMean
        historicalSpend = channel.meanValue(rows: rows)
        historicalCurveResponse = curve.response(at: historicalSpend)
        historicalResponse = channel.historicalResponse(rows: rows)
        inflectionSpend = curve.inflectionSpend > 0 ? curve.inflectionSpend : nil
        saturationSpend = curve.saturationSpend(share: 0.9)
        breakEvenSpend = revenue ? curve.breakEvenSpend : nil
        let simulated = channel.simulate(spend: spend, rows: rows)
        simulatedImmediate = simulated.immediate
        simulatedCarryover = simulated.carryover
        simulatedResponse = simulated.response
    }

    enum CodingKeys: String, CodingKey {
        case runId = "run_id"
        case modelId = "model_id"
        case channel
        case spendColumn = "spend_column"
        case depVarType = "dep_var_type"
        case dateStart = "date_start"
        case dateEnd = "date_end"
        case periods, spend, response
        case marginalResponse = "marginal_response"
        case marginalCPA = "marginal_cpa"
        case roi, cpa, coefficient, alpha, inflexion
        case carryoverMean = "carryover_mean"
        case historicalSpend = "historical_spend"
        case historicalCurveResponse = "historical_curve_response"
        case historicalResponse = "historical_response"
        case inflectionSpend = "inflection_spend"
        case saturationSpend = "saturation_spend"
        case breakEvenSpend = "break_even_spend"
        case simulatedImmediate = "simulated_immediate"
        case simulatedCarryover = "simulated_carryover"
        case simulatedResponse = "simulated_response"
    }
}
