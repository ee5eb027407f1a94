import Testing

@testable import MMMJobs

/// Numbers in the report's text: locale-free, and small parameters never shown as 0.
@Suite struct ReportFormatTests {
    @Test func parametersKeepThreeSignificantDigits() {
        #expect(ReportFormat.parameter(0.35) == "0.35")
        #expect(ReportFormat.parameter(1.23456) == "1.23")
        #expect(ReportFormat.parameter(0.0823) == "0.0823")
        #expect(ReportFormat.parameter(0.000412) == "0.000412")
        #expect(ReportFormat.parameter(0.0000001) == "1.00e-07")
        #expect(ReportFormat.parameter(0) == "0")
        #expect(ReportFormat.parameter(12.5) == "12.50")
    }

    @Test func sizesDurationsAndMissingValues() {
        #expect(ReportFormat.bytes(812) == "812 B")
        #expect(ReportFormat.bytes(4_393_260) == "4.4 MB")
        #expect(ReportFormat.duration(2.5) == "2.50 s")
        #expect(ReportFormat.duration(125) == "2 min 5 s")
        #expect(ReportFormat.percent(nil) == "–" && ReportFormat.number(.nan, digits: 2) == "–")
        #expect(ReportFormat.amount(126_303_215) == "126.3M")
        #expect(ReportFormat.signedPercent(0.05) == "+5.0%" && ReportFormat.signedPercent(-0.032) == "-3.2%")
    }
}
