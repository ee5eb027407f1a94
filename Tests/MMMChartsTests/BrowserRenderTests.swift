import Foundation
import MMMTestSupport
import Testing

@testable import MMMCharts

/// The demo page (every chart type) opened in a real headless browser.
@Suite struct BrowserRenderTests {
    /// Writes mmm-charts-demo.html in the temporary folder (for people to look at) and checks it in Chromium: no
    /// console errors, no outside requests, every chart rendered with non-zero size, no label outside its chart or
    /// overlapping another, a screenshot and an A4 print.
    @Test func demoPageRendersCleanlyInChromium() throws {
        let html = DemoPage.render()
        let dir = FileManager.default.temporaryDirectory
        let page = dir.appendingPathComponent("mmm-charts-demo.html")
        try Data(html.utf8).write(to: page)
        let screenshot = dir.appendingPathComponent("mmm-charts-demo.png")
        let pdf = dir.appendingPathComponent("mmm-charts-demo.pdf")
        switch try BrowserCheck.run(page: page, screenshot: screenshot, pdf: pdf) {
        case .skipped(let why):
            FileHandle.standardError.write(Data("SKIPPED: demoPageRendersCleanlyInChromium: \(why)\n".utf8))
        case .checked(let report):
            #expect(report.problems == [], "\(report.problems.joined(separator: "\n"))")
            let charts = DemoCharts.all.count + DemoCharts.edgeCases.count
            #expect(report.images.filter { $0.kind == "svg" }.count == charts)
            #expect(report.images.allSatisfy { $0.width >= 1 && $0.height >= 1 })
            // The column is ~940 px wide: a full-width chart fills it, so none collapsed or overflowed.
            #expect(report.documentWidth <= 1000)
            #expect(FileManager.default.fileExists(atPath: screenshot.path))
            // Five sections, each starting a new A4 page.
            #expect((report.pdfPages ?? 0) >= 5)
        }
    }
}
