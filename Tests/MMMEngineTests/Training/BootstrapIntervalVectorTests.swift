import Foundation
import Testing

@testable import MMMEngine

/// The cluster bootstrap interval against numbers computed independently with numpy/scipy from Robyn's `.bootci`
/// formula (Tests/Fixtures/bootstrap/make_bootstrap_ci.py writes bootstrap_ci.json).
@Suite struct BootstrapIntervalVectorTests {
    static let cases: [JSONValue] = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/bootstrap/bootstrap_ci.json")
        guard let data = try? Data(contentsOf: url), let doc = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return [] }
        return doc["cases"].array
    }()

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count == 5)
    }

    /// Same values and bootstrap means as the script: mean, se, and both ends (with √n and the floor at 0).
    @Test(arguments: BootstrapIntervalVectorTests.cases.compactMap { $0["name"].string })
    func intervalMatchesTheIndependentComputation(name: String) throws {
        let item = try #require(Self.cases.first { $0["name"].string == name })
        let expected = item["expected"]
        let interval = ClusterBootstrap.interval(
            values: item["values"].doubles, bootstrapMeans: item["bootstrap_means"].doubles)
        #expect(Tolerance.close(interval.mean, expected["boot_mean"].double, rel: 1e-12))
        #expect(Tolerance.close(interval.standardError, expected["se"].double, rel: 1e-10))
        #expect(Tolerance.close(interval.low, expected["ci_low"].double, rel: 1e-9), "ci_low")
        #expect(Tolerance.close(interval.high, expected["ci_up"].double, rel: 1e-9), "ci_up")
    }

    /// The resampler: with 1,000 resamples the SD of the bootstrap means is within a few percent of
    /// sd_pop(values)/√n (its relative sampling error is about 1/√(2·999) ≈ 2.2 %); 10 % is a 4.5σ band, and the
    /// generator is keyed, so the check is deterministic.
    @Test(arguments: BootstrapIntervalVectorTests.cases.compactMap { $0["name"].string })
    func resampledStandardErrorConvergesToTheAsymptoticValue(name: String) throws {
        let item = try #require(Self.cases.first { $0["name"].string == name })
        let values = item["values"].doubles
        var rng = CounterRNG(42, UInt64(name.hashValueStable))
        let means = ClusterBootstrap.bootstrapMeans(of: values, resamples: 1000, rng: &rng)
        #expect(means.count == 1000)
        let interval = ClusterBootstrap.interval(values: values, bootstrapMeans: means)
        let asymptotic = item["expected"]["se_asymptotic"].double
        if asymptotic == 0 {
            #expect(interval.standardError == 0)
        } else {
            #expect(abs(interval.standardError / asymptotic - 1) < 0.10, "\(interval.standardError) vs \(asymptotic)")
        }
    }
}
