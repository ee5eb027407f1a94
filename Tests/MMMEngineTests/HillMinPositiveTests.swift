import Foundation
import MMMEngine
import Testing

/// Hill saturation on inputs with min(x) > 0 (Tests/Fixtures/hill, computed with numpy from Robyn 3.12.1's formula):
/// Robyn's own vectors all have min(x) = 0, where the pre-3.12 inflexion `(1 − γ)·min + γ·max` agrees with `γ·max`.
@Suite("Hill vectors with min(x) > 0")
struct HillMinPositiveTests {
    static let cases: [JSONValue] = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/hill/hill_min_positive.json")
        guard let data = try? Data(contentsOf: url), let doc = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return [] }
        return doc["cases"].array
    }()

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count == 4)
    }

    @Test(arguments: HillMinPositiveTests.cases.compactMap { $0["name"].string })
    func saturationMatches(name: String) throws {
        let item = try #require(Self.cases.first { $0["name"].string == name })
        let x = item["input"]["x"].doubles
        let alpha = item["params"]["alpha"].double
        let gamma = item["params"]["gamma"].double
        let expected = item["expected"]
        // The case must discriminate: its minimum is positive and the two inflexion formulas differ.
        #expect(try #require(x.min()) > 0)
        #expect(!Tolerance.close(expected["inflexion"].double, expected["inflexion_pre_3_12"].double, rel: 1e-3))

        let inflexion = HillSaturation.inflexion(of: x, gamma: gamma)
        #expect(Tolerance.close(inflexion, expected["inflexion"].double))
        let marginal = item["input"]["x_marginal"]
        let values =
            marginal.isNull
            ? HillSaturation.saturate(x, alpha: alpha, gamma: gamma).values
            : HillSaturation.saturate(marginal.doubles, alpha: alpha, inflexion: inflexion)
        #expect(Tolerance.firstMismatch(values, expected["x_saturated"].doubles) == nil)
    }
}
