import MMMCore

/// Assembles `truth.json` from the simulated parts.
enum TruthBuilder {
    static func truth(
        media: [SimulatedMedia], pairs: [MediaPair], dates: [CalendarDate], window: Range<Int>, baseline: [Double],
        noise: [Double], y: [Double], noiseSD: Double, type: AdstockType, config: JobConfig, options: SimulationOptions,
        lifts: [Truth.LiftTest], source: (name: String, sha256: String?)?
    ) -> Truth {
        let contributions = media.map { m in m.contribution }
        let paidTotal = media.indices.filter { media[$0].spendColumn != nil }
            .reduce(0.0) { $0 + contributions[$1][window].reduce(0, +) }
        var channels: [Truth.Channel] = []
        for (k, m) in media.enumerated() {
            let total = contributions[k][window].reduce(0, +)
            var channel = Truth.Channel(
                variable: m.variable, spendColumn: m.spendColumn, placebo: m.placebo, contribution: total,
                coefficient: m.coefficient, hyperparameters: m.hyperparameters, inflexion: m.inflexion)
            if m.spendColumn != nil {
                let spend = m.spendTotal
                channel.totalSpend = spend
                channel.roi = spend > 0 ? total / spend : nil
                channel.effectShare = paidTotal > 0 ? total / paidTotal : nil
            }
            channels.append(channel)
        }
        let yWindow = Array(y[window])
        let meanY = yWindow.reduce(0, +) / Double(yWindow.count)
        let total = yWindow.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) }
        let noiseWindow = Array(noise[window])
        let meanNoise = noiseWindow.reduce(0, +) / Double(noiseWindow.count)
        let residual = noiseWindow.reduce(0) { $0 + ($1 - meanNoise) * ($1 - meanNoise) }
        var byName: [String: [Double]] = [:]
        for (k, m) in media.enumerated() { byName[m.variable] = contributions[k] }
        return Truth(
            generator: .init(
                name: "mmm-trainer simulate", version: MMMVersion.current, seed: options.seed, like: source?.name,
                likeSHA256: source?.sha256),
            depVar: config.depVar, dateVar: config.dateVar ?? "DATE", windowStart: dates[window.lowerBound],
            windowEnd: dates[window.upperBound - 1], adstock: type, noiseSD: noiseSD,
            rSquared: total > 0 ? 1 - residual / total : 1, channels: channels,
            rows: .init(dates: dates, baseline: baseline, noise: noise, contributions: byName), liftTests: lifts)
    }
}
