import Foundation
import MMMBayes
import Testing

/// R-hat and ESS against ArviZ's values for fixed draw arrays (Tests/Fixtures/bayes/diagnostics_reference.json).
struct DiagnosticsReferenceTests {
    static let names = BayesFixtures.caseNames("diagnostics_reference.json")

    @Test func fixtureHasCases() {
        #expect(Self.names.count >= 10)
    }

    @Test(arguments: names)
    func matchesArviZ(_ name: String) throws {
        let item = try BayesFixtures.namedCase("diagnostics_reference.json", name)
        let chains = item["draws"].array.map(\.numbers)
        let draws = DrawMatrix(chains)
        let checks: [(String, Double)] = [
            ("rhat_rank", ConvergenceDiagnostics.rankNormalizedRHat(draws)),
            ("rhat_identity", chains.count >= 2 ? ConvergenceDiagnostics.rHat(draws) : .nan),
            ("ess_bulk", ConvergenceDiagnostics.bulkESS(draws)),
            ("ess_tail", ConvergenceDiagnostics.tailESS(draws)),
            ("ess_mean", ConvergenceDiagnostics.effectiveSampleSize(draws.split)),
        ]
        for (key, ours) in checks {
            let reference = item[key].number
            if reference.isNaN {
                #expect(ours.isNaN, "\(name) \(key): ArviZ gives NaN, we give \(ours)")
            } else {
                #expect(abs(ours - reference) <= 1e-9 * abs(reference), "\(name) \(key): \(ours) vs ArviZ \(reference)")
            }
        }
    }

    @Test func normalQuantileKnownValues() {
        // Φ⁻¹ at points whose values come from SciPy's ndtri, including the rational approximation's region boundary.
        let known: [(Double, Double)] = [
            (0.5, 0), (0.975, 1.959963984540054), (0.995, 2.5758293035489004), (0.841344746068543, 1.0),
            (1e-10, -6.361340902404056), (0.02425, -1.972961051311885),
        ]
        for (p, x) in known {
            #expect(abs(NormalQuantile.value(p) - x) <= 1e-12 * Swift.max(1, abs(x)), "Φ⁻¹(\(p)) = \(NormalQuantile.value(p)), expected \(x)")
            // 1 − p is exact for these p, so symmetry must hold to rounding.
            if p > 1e-3 { #expect(abs(NormalQuantile.value(1 - p) + x) <= 1e-12 * Swift.max(1, abs(x))) }
        }
    }

    @Test func averageRanksHandleTies() {
        #expect(DrawMatrix.averageRanks([3, 1, 3, 2, 3]) == [4, 1, 4, 2, 4])
    }
}
