import MMMBayes

/// Small MMM inputs exercising every model feature, built from the seeded synthetic generator.
enum TestModels {
    /// A 40-week, 3-channel data set with geometric adstock and default priors.
    static func small(weeks: Int = 40, seed: UInt64 = 7) -> SyntheticMMM {
        SyntheticMMM(weeks: weeks, channels: Array(SyntheticMMM.defaultChannels(3)), noise: 0.05, seed: seed)
    }

    /// The small data set with every feature switched on: Weibull CDF and PDF channels, a ROI prior, an organic
    /// channel, signed controls, a window that starts after warm-up rows, and two lift tests (one multi-channel).
    static func allFeatures() throws -> MMMPosterior {
        try MMMPosterior(allFeaturesInput())
    }

    /// The input of ``allFeatures()``.
    static func allFeaturesInput() throws -> MMMPosteriorInput {
        var input = small(weeks: 36).input
        input.window = 4..<36
        input.channels[1].adstock = .weibullCDF
        input.channels[2].adstock = .weibullPDF
        input.channels[2].priors.weibullShape = .gamma(shape: 3, rate: 1)
        input.channels[0].priors.effect = try Defaults.roiPrior(mean: 1.5, sd: 0.8)
        var organic = input.channels[0]
        organic.name = "newsletter"
        organic.spend = nil
        organic.priors = ChannelPriors()
        organic.media = organic.media.reversed()
        input.channels.append(organic)
        input.controls[0].sign = .positive
        input.controls[0].prior = .halfNormal(sd: 1)
        input.controls[2].sign = .negative
        input.controls[2].prior = .halfNormal(sd: 0.5)
        input.liftTests = [
            LiftTest(channels: ["ch1"], rows: 10..<14, lift: 9000, standardError: 1500),
            LiftTest(channels: ["ch2", "ch3"], rows: 20..<26, lift: 30000, standardError: 5000, scale: 1.1),
        ]
        return input
    }

    /// ``allFeatures()`` with immediate-scope lift studies on the geometric channel, the Weibull CDF channel and
    /// the Weibull CDF + PDF pair (the carry-in from before each study is subtracted).
    static func immediateLifts() throws -> MMMPosterior {
        try MMMPosterior(immediateLiftsInput())
    }

    /// The input of ``immediateLifts()``.
    static func immediateLiftsInput() throws -> MMMPosteriorInput {
        var input = try allFeaturesInput()
        input.liftTests = [
            LiftTest(channels: ["ch1"], rows: 10..<14, lift: 9000, standardError: 1500, scope: .immediate),
            LiftTest(channels: ["ch2"], rows: 14..<19, lift: 9000, standardError: 1500, scope: .immediate),
            LiftTest(channels: ["ch2", "ch3"], rows: 20..<26, lift: 30000, standardError: 5000, scale: 1.1, scope: .immediate),
        ]
        return input
    }

    /// ``immediateLifts()``'s input with every transform prior on a bounded interval, as a `--backend bayes` run
    /// sets them from Robyn's ranges: intervals that start at 0, end at 1 and lie strictly inside their support.
    static func boundedInput() throws -> MMMPosteriorInput {
        var input = try immediateLiftsInput()
        for c in input.channels.indices {
            input.channels[c].priors.adstockDecay = .uniform(lower: c == 0 ? 0 : 0.1, upper: c == 0 ? 0.3 : 1)
            input.channels[c].priors.weibullShape = .uniform(lower: 0.1, upper: c == 2 ? 10 : 2)
            input.channels[c].priors.weibullScale = .scaledBeta(alpha: 1.5, beta: 1.2, lower: 0, upper: 0.1)
            input.channels[c].priors.hillAlpha = .uniform(lower: 0.5, upper: 3)
            input.channels[c].priors.hillGamma = .uniform(lower: c == 1 ? 0.2 : 0.3, upper: c == 1 ? 0.9 : 1)
        }
        return input
    }

    /// A point away from the centre, so no coordinate sits at a symmetric special value.
    static func offCentre(_ model: MMMPosterior) -> [Double] {
        model.initialPoint().enumerated().map { i, v in v + 0.1 * Double((i * 7) % 5 - 2) }
    }
}
