import Testing

@testable import MMMCharts

@Suite struct FormattingTests {
    @Test func fixedNumbersRoundHalfAwayFromZeroWithoutNegativeZero() {
        // 0.125 and 2.5 are exact in binary, so the expected rounding is unambiguous.
        #expect(FixedNumber.format(0.125, digits: 2, trim: false) == "0.13")
        #expect(FixedNumber.format(-0.125, digits: 2, trim: false) == "-0.13")
        #expect(FixedNumber.format(2.5, digits: 0, trim: false) == "3")
        #expect(FixedNumber.format(-0.001, digits: 2, trim: false) == "0.00")
        #expect(FixedNumber.format(-0.001, digits: 2, trim: true) == "0")
        #expect(FixedNumber.format(12.50, digits: 2, trim: true) == "12.5")
        #expect(FixedNumber.format(3, digits: 2, trim: true) == "3")
        #expect(FixedNumber.format(0.05, digits: 2, trim: false) == "0.05")
        #expect(FixedNumber.format(.nan, digits: 2, trim: false) == "0")
        #expect(FixedNumber.grouped("-1234567.50") == "-1,234,567.50")
        #expect(FixedNumber.grouped("999") == "999")
    }

    @Test func valueFormats() {
        #expect(ValueFormat.automatic.string(12_345) == "12.3k")
        #expect(ValueFormat.automatic.string(1_234) == "1,234")
        #expect(ValueFormat.automatic.string(-2_500_000) == "-2.5M")
        #expect(ValueFormat.automatic.string(0.012345) == "0.0123")
        #expect(ValueFormat.automatic.string(3.14159) == "3.14")
        #expect(ValueFormat.automatic.string(0) == "0")
        #expect(ValueFormat.fixed(2).string(1234.5) == "1,234.50")
        #expect(ValueFormat.percent(1).string(0.125) == "12.5%")
        #expect(ValueFormat.compact(2).string(1_250_000) == "1.25M")
        #expect(ValueFormat.compact(1).string(3.2e9) == "3.2B")
        #expect(ValueFormat.automatic.string(.nan) == "n/a")
        #expect(ValueFormat.automatic.string(-.infinity) == "n/a")
    }

    @Test func tickLabelsShareOneUnitAndEnoughDigits() {
        let ticks = NiceTicks(min: 0, max: 1_500_000, targetCount: 4)
        let largest = ticks.values.map(abs).max() ?? 0
        #expect(ticks.values.map { ValueFormat.automatic.tick($0, step: ticks.step, largest: largest) }
            == ["0", "0.5M", "1M", "1.5M"])
        let small = NiceTicks(min: 0, max: 1, targetCount: 6)
        #expect(small.values.map { ValueFormat.automatic.tick($0, step: small.step, largest: 1) }
            == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(ValueFormat.percent(0).tick(0.25, step: 0.05, largest: 1) == "25%")
        #expect(ValueFormat.percent(0).tick(0.025, step: 0.005, largest: 1) == "2.5%")
    }

    @Test func escapingCoversMarkupQuotesAndIllegalCharacters() {
        #expect(Escaping.xml("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(Escaping.xml("bell\u{7}tab\tnl\n\u{FFFE}ok") == "belltab\tnl\nok")
        #expect(Escaping.xml("Grüße 🎉") == "Grüße 🎉")
        #expect(Escaping.identifier("My chart <1>") == "My-chart--1-")
        #expect(Escaping.identifier("1st") == "c1st")
        #expect(Escaping.identifier("") == "c")
    }

    @Test func truncationKeepsWithinWidthAndMarksIt() {
        let long = "a very long channel name that does not fit"
        let cut = TextMetrics.truncate(long, maxWidth: 80, fontSize: 12)
        #expect(cut.truncated)
        #expect(cut.text.hasSuffix("…"))
        #expect(TextMetrics.width(cut.text, fontSize: 12) <= 80)
        #expect(TextMetrics.truncate("tv_S", maxWidth: 80, fontSize: 12) == ("tv_S", false))
    }
}
