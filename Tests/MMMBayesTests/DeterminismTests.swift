import MMMBayes
import Testing

/// The same seed gives byte-identical draws for any thread count, because each chain's random stream is keyed by
/// (seed, chain) and results are stored by chain number.
struct BayesDeterminismTests {
    static func fit(threads: Int, seed: UInt64 = 21, warmStart: Bool = true) async throws -> BayesFit {
        let data = SyntheticMMM(weeks: 24, channels: Array(SyntheticMMM.defaultChannels(2)), seed: 4)
        let model = try MMMPosterior(data.input)
        var options = NUTSOptions()
        options.chains = 3
        options.warmup = 40
        options.draws = 20
        options.threads = threads
        options.seed = seed
        options.warmStart = warmStart
        // Shallow trees keep the unadapted start cheap in debug builds; determinism does not depend on depth.
        options.maxTreeDepth = 5
        return try await BayesFitter.fit(model, method: .nuts(options))
    }

    @Test(arguments: [true, false])
    func identicalForAnyThreadCount(warmStart: Bool) async throws {
        let one = try await Self.fit(threads: 1, warmStart: warmStart)
        for threads in [3, 8] {
            let other = try await Self.fit(threads: threads, warmStart: warmStart)
            #expect(other.chains.map(\.draws) == one.chains.map(\.draws), "threads \(threads)")
            #expect(other.chains.map(\.stats) == one.chains.map(\.stats))
            #expect(other.summaries == one.summaries || other.summaries.description == one.summaries.description)
        }
        #expect(one.chains.map(\.chain) == [0, 1, 2])
    }

    @Test func seedMatters() async throws {
        let a = try await Self.fit(threads: 2, seed: 1)
        let b = try await Self.fit(threads: 2, seed: 2)
        #expect(a.chains[0].draws != b.chains[0].draws)
        // Chains of one run differ from each other (distinct streams).
        #expect(a.chains[0].draws != a.chains[1].draws)
    }

    @Test func cancellationStopsSampling() async throws {
        let model = try MMMPosterior(TestModels.small(weeks: 24).input)
        var options = NUTSOptions()
        options.warmup = 100_000
        let task = Task { try await NUTSSampler.sample(model, options: options) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("sampling was not cancelled")
        } catch let error as BayesError {
            #expect(error.code == .cancelled)
        }
    }
}
