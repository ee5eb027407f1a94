import Foundation

/// Checks an ``MMMPosteriorInput`` field by field and resolves it into the model's internal form.
///
/// Every error names the field as `channels.<name>.…`, `controls.<name>`, `liftTests[i].…` or `response`.
struct InputValidation {
    let responseScale: Double
    let channels: [ResolvedChannel]
    let controls: [ResolvedControl]
    let lifts: [ResolvedLift]

    init(_ input: MMMPosteriorInput) throws(BayesError) {
        let rows = input.response.count
        let window = input.window
        guard window.lowerBound >= 0, window.upperBound <= rows, window.count >= 3 else {
            throw BayesError(
                .invalidInput, path: "window", "the window \(window) must hold at least 3 of the \(rows) rows")
        }
        try Self.checkSeries(input.response, rows: rows, path: "response", nonNegative: false)
        responseScale = input.response[window].reduce(0) { Swift.max($0, abs($1)) }
        guard responseScale > 0 else {
            throw BayesError(.invalidData, path: "response", "the response is zero over the whole window")
        }
        guard !input.channels.isEmpty else {
            throw BayesError(.invalidInput, path: "channels", "at least one media channel is needed")
        }
        var names = Set<String>()
        for channel in input.channels where !names.insert(channel.name).inserted || channel.name.isEmpty {
            throw BayesError(.invalidInput, path: "channels", "channel names must be unique and non-empty (\"\(channel.name)\")")
        }
        let spendTotals = try input.channels.map { channel throws(BayesError) -> Double? in
            let path = "channels.\(channel.name)"
            try Self.checkSeries(channel.media, rows: rows, path: path + ".media", nonNegative: true)
            guard channel.media[window].contains(where: { $0 > 0 }) else {
                throw BayesError(.invalidData, path: path + ".media", "the media are zero over the whole window")
            }
            guard let spend = channel.spend else { return nil }
            try Self.checkSeries(spend, rows: rows, path: path + ".spend", nonNegative: true)
            return spend[window].reduce(0, +)
        }
        let paidTotal = spendTotals.reduce(0) { $0 + ($1 ?? 0) }
        let paidCount = spendTotals.filter { $0 != nil }.count
        channels = try zip(input.channels, spendTotals).map { channel, spend throws(BayesError) in
            try Self.resolve(channel, spendTotal: spend, paidTotal: paidTotal, paidCount: paidCount)
        }
        controls = try input.controls.map { control throws(BayesError) in try Self.resolve(control, window: window, rows: rows) }
        var controlNames = Set<String>()
        for control in input.controls where !controlNames.insert(control.name).inserted {
            throw BayesError(.invalidInput, path: "controls.\(control.name)", "the control name is used twice")
        }
        try Self.checkPrior(input.interceptPrior, support: .real, path: "interceptPrior")
        try Self.checkPrior(input.noisePrior, support: .positive, path: "noisePrior")
        let index = Dictionary(uniqueKeysWithValues: input.channels.enumerated().map { ($1.name, $0) })
        lifts = try input.liftTests.enumerated().map { i, test throws(BayesError) in
            try Self.resolve(test, path: "liftTests[\(i)]", channelIndex: index, window: window)
        }
    }

    /// A series must have one finite value per row (and be ≥ 0 for media and spend).
    static func checkSeries(_ values: [Double], rows: Int, path: String, nonNegative: Bool) throws(BayesError) {
        guard values.count == rows else {
            throw BayesError(.invalidInput, path: path, "has \(values.count) values but the response has \(rows) rows")
        }
        if let row = values.firstIndex(where: { !$0.isFinite || (nonNegative && $0 < 0) }) {
            let what = values[row].isFinite ? "negative" : "not a finite number"
            throw BayesError(.invalidData, path: path, "row \(row + 1): \(values[row]) is \(what)")
        }
    }

    /// A prior must have valid parameters and the support its parameter needs; a transform parameter (adstock,
    /// Hill) also takes a prior on a bounded interval inside that support (``Prior/scaledBeta(alpha:beta:lower:upper:)``).
    static func checkPrior(_ prior: Prior, support: Support, path: String, bounded: Bool = false) throws(BayesError) {
        try prior.validate(path: path)
        let fits: Bool
        switch (prior.support, support) {
        case (.interval(let lower, _), .positive) where bounded: fits = lower >= 0
        case (.interval(let lower, let upper), .unitInterval) where bounded: fits = lower >= 0 && upper <= 1
        default: fits = prior.support == support
        }
        guard fits else {
            throw BayesError(
                .invalidPrior, path: path,
                "needs a prior on \(support.rangeDescription), but \(prior) lives on \(prior.support.rangeDescription)")
        }
    }

    static func resolve(_ channel: ChannelInput, spendTotal: Double?, paidTotal: Double, paidCount: Int) throws(BayesError)
        -> ResolvedChannel
    {
        let path = "channels.\(channel.name).priors"
        let p = channel.priors
        let adstockPriors: [(Prior, Support, String)] =
            channel.adstock == .geometric
            ? [(p.adstockDecay, .unitInterval, "adstockDecay")]
            : [(p.weibullShape, .positive, "weibullShape"), (p.weibullScale, .unitInterval, "weibullScale")]
        let all = adstockPriors + [(p.hillAlpha, .positive, "hillAlpha"), (p.hillGamma, .unitInterval, "hillGamma")]
        for (prior, support, name) in all { try checkPrior(prior, support: support, path: "\(path).\(name)", bounded: true) }
        let effect: EffectPrior
        switch p.effect {
        case .some(let given): effect = given
        case .none:
            effect = .coefficient(
                spendTotal.map { spend in
                    Defaults.coefficientPrior(spendShare: paidTotal > 0 ? spend / paidTotal : 0, paidChannels: paidCount)
                } ?? Defaults.organicCoefficientPrior)
        }
        let (isROI, effectPrior): (Bool, Prior)
        switch effect {
        case .coefficient(let prior): (isROI, effectPrior) = (false, prior)
        case .roi(let prior): (isROI, effectPrior) = (true, prior)
        }
        try checkPrior(effectPrior, support: .positive, path: "\(path).effect")
        if isROI, !((spendTotal ?? 0) > 0) {
            throw BayesError(
                .invalidInput, path: "\(path).effect",
                "a ROI prior needs spend in the window, but \(channel.name) has \(spendTotal == nil ? "no spend column" : "zero spend")")
        }
        return ResolvedChannel(
            adstock: channel.adstock, transformPriors: all.map(\.0), effectIsROI: isROI, effectPrior: effectPrior,
            spendTotal: spendTotal)
    }

    static func resolve(_ control: ControlInput, window: Range<Int>, rows: Int) throws(BayesError) -> ResolvedControl {
        let path = "controls.\(control.name)"
        try checkSeries(control.values, rows: rows, path: path, nonNegative: false)
        try checkPrior(control.prior, support: control.sign == .free ? .real : .positive, path: path + ".prior")
        let values = control.values[window]
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        guard sd > 0, sd.isFinite else {
            throw BayesError(.invalidData, path: path, "the column is constant over the window, so it cannot be estimated")
        }
        return ResolvedControl(
            standardised: values.map { ($0 - mean) / sd }, sign: control.sign, prior: control.prior, mean: mean, sd: sd)
    }

    static func resolve(_ test: LiftTest, path: String, channelIndex: [String: Int], window: Range<Int>) throws(BayesError)
        -> ResolvedLift
    {
        guard !test.channels.isEmpty else { throw BayesError(.invalidInput, path: path + ".channels", "names no channel") }
        let indices = try test.channels.enumerated().map { j, name throws(BayesError) -> Int in
            guard let index = channelIndex[name] else {
                throw BayesError(.invalidInput, path: "\(path).channels[\(j)]", "unknown channel \"\(name)\"")
            }
            return index
        }
        guard !test.rows.isEmpty, test.rows.lowerBound >= window.lowerBound, test.rows.upperBound <= window.upperBound else {
            throw BayesError(.invalidInput, path: path + ".rows", "the study rows \(test.rows) must lie inside the window \(window)")
        }
        for (name, value) in [("lift", test.lift), ("standardError", test.standardError), ("scale", test.scale)]
        where !(value.isFinite && value > 0) {
            throw BayesError(.invalidInput, path: "\(path).\(name)", "must be a positive number (got \(value))")
        }
        return ResolvedLift(
            channels: indices, rows: (test.rows.lowerBound - window.lowerBound)..<(test.rows.upperBound - window.lowerBound),
            lift: test.lift, standardError: test.standardError, scale: test.scale,
            immediate: test.scope == .immediate)
    }
}

extension Support {
    /// "(0, 1)", "(0, ∞)" or "the real line", for error messages.
    var rangeDescription: String {
        switch self {
        case .real: return "the real line"
        case .positive: return "(0, ∞)"
        case .unitInterval: return "(0, 1)"
        case .interval(let lower, let upper): return "(\(lower), \(upper))"
        }
    }
}
