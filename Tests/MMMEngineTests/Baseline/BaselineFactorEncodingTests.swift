import Foundation
import Testing

@testable import MMMEngine

@Suite("Factor one-hot encoding (lares ohse rules)")
struct BaselineFactorEncodingTests {
    @Test func threeLevelsDropTheAlphabeticallyLast() {
        let factor = BaselineFactor(name: "events", values: ["na", "event2", "na", "event1", "na"])
        let dummies = BaselineFactorEncoding.dummies(for: factor)
        #expect(dummies.map(\.name) == ["events_event1", "events_event2"])
        #expect(dummies[0].values == [0, 0, 0, 1, 0])
        #expect(dummies[1].values == [0, 1, 0, 0, 0])
    }

    @Test func twoLevelsGiveOneColumnForTheSecondLevel() {
        let factor = BaselineFactor(name: "promo", values: ["on", "off", "off", "on", "off"])
        let dummies = BaselineFactorEncoding.dummies(for: factor)
        #expect(dummies.map(\.name) == ["promo_on"])
        #expect(dummies[0].values == [1, 0, 0, 1, 0])
    }

    @Test func oneLevelGivesNoColumn() {
        #expect(BaselineFactorEncoding.dummies(for: BaselineFactor(name: "x", values: ["a", "a", "a"])).isEmpty)
    }

    @Test func missingCellsAreTheLevelNAs() {
        let factor = BaselineFactor(name: "x", values: ["b", nil, "a", "b", "a", nil, "b"])
        // Levels sorted: a, b, NAs → dummies for a and b.
        #expect(BaselineFactorEncoding.dummies(for: factor).map(\.name) == ["x_a", "x_b"])
        let binary = BaselineFactor(name: "y", values: ["z", nil, "z", "z"])
        #expect(BaselineFactorEncoding.dummies(for: binary).map(\.name) == ["y_z"])
    }

    @Test func levelsSortCaseInsensitively() {
        let factor = BaselineFactor(name: "x", values: ["b", "B", "a", "C", "c", "a", "b", "C", "a", "c", "b", "B"])
        // R's English-locale order: a, b, B, c, C → drop C.
        #expect(BaselineFactorEncoding.dummies(for: factor).map(\.level) == ["a", "b", "B", "c"])
        #expect(BaselineFactorEncoding.collates("apple", "Banana"))
        #expect(!BaselineFactorEncoding.collates("Banana", "apple"))
    }

    @Test func moreThanTenLevelsPoolTheRareOnesAsOTHER() {
        // 12 levels: l01…l10 twice (or more), l11 and l12 once → l11, l12 become OTHER.
        var values: [String?] = []
        for i in 1...10 { values += Array(repeating: String(format: "l%02d", i), count: 2 + (i == 1 ? 5 : 0)) }
        values += ["l11", "l12"] + Array(repeating: "l01", count: 20)
        let dummies = BaselineFactorEncoding.dummies(for: BaselineFactor(name: "f", values: values))
        // Levels: l01…l10, OTHER → sorted l01…l10, OTHER → drop OTHER.
        #expect(dummies.map(\.level) == (1...10).map { String(format: "l%02d", $0) })
        #expect(dummies.allSatisfy { $0.values[values.count - 21] == 0 && $0.values[values.count - 22] == 0 })
    }

    @Test func nearlyUniqueLevelsAreTreatedAsAnIdentifier() {
        let factor = BaselineFactor(name: "id", values: (0..<20).map { "row\($0)" })
        #expect(BaselineFactorEncoding.dummies(for: factor).isEmpty)
    }
}
