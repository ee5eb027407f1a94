import MMMTestSupport
import Foundation
import Testing

@testable import MMMCore

@Suite struct NumberParserTests {
    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("42", 42), ("+7", 7), ("3.25", 3.25), (".5", 0.5), ("5.", 5), ("1e3", 1000),
        ("1.5E-3", 0.0015), (" 12 ", 12), ("2754371.66666667", 2754371.66666667),
        ("22358.346666666668", 22358.346666666668), ("1e-300", 1e-300), ("1.7976931348623157e308", 1.7976931348623157e308),
        ("123456789012345678901234567890", 123456789012345678901234567890.0),
    ])
    func parsesLikeSwift(text: String, expected: Double) {
        let value = NumberParser.parse(text)
        #expect(value == expected)
        #expect(value?.sign == expected.sign)
    }

    @Test(arguments: ["", "-", ".", "e5", "1e", "1,5", "1.2.3", "0x10", "NaN", "inf", "12abc", "--1", "1 2"])
    func rejectsNonNumbers(text: String) {
        #expect(NumberParser.parse(text) == nil)
    }

    /// Property: for many random doubles, parsing their shortest representation and some long forms returns the exact
    /// same bits as Swift's own (correctly rounded) parser.
    @Test func matchesCorrectlyRoundedParsing() {
        var generator = SeededRandom(seed: 7)
        for _ in 0..<20000 {
            let bits = generator.next()
            let value = Double(bitPattern: bits)
            guard value.isFinite else { continue }
            let text = value.description
            #expect(NumberParser.parse(text)?.bitPattern == value.bitPattern, "\(text)")
            let scaled = Double(Int64(bitPattern: generator.next()) % 10_000_000_000) / 1000
            let fixed = String(format: "%.6f", scaled)
            #expect(NumberParser.parse(fixed)?.bitPattern == Double(fixed)?.bitPattern, "\(fixed)")
        }
    }
}
