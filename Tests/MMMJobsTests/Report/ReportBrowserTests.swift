import Foundation
import MMMTestSupport
import Testing

@testable import MMMJobs

/// The report of a real run opened in headless Chromium, and checked by an independent markup checker.
@Suite struct ReportBrowserTests {
    /// Writes the report to <temporary folder>/mmm-report/ (with its pictures, so the file links resolve) and opens it: no console
    /// errors, no request leaving the page, every chart drawn with a size, no label spilling out of its chart, a
    /// screenshot (mmm-report.png) and an A4 print (mmm-report.pdf, beside it) to look at.
    @Test func theReportRendersCleanlyInChromiumAndPrintsOnA4() async throws {
        let folder = try await ReportFixture.folder()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-report")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in try await folder.fileNames() where name.hasSuffix(".html") || name.hasSuffix(".svg") {
            try (try await folder.read(name))?.write(to: directory.appendingPathComponent(name))
        }
        let page = directory.appendingPathComponent("report.html")
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-report.png")
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-report.pdf")
        switch try BrowserCheck.run(page: page, screenshot: screenshot, pdf: pdf) {
        case .skipped(let why):
            FileHandle.standardError.write(Data("SKIPPED: theReportRendersCleanlyInChromiumAndPrintsOnA4: \(why)\n".utf8))
        case .checked(let report):
            #expect(report.problems == [], "\(report.problems.joined(separator: "\n"))")
            #expect(report.images.filter { $0.kind == "svg" }.count == 10)
            #expect(report.images.allSatisfy { $0.width >= 100 && $0.height >= 100 })
            #expect(report.documentWidth <= 1000)
            #expect(FileManager.default.fileExists(atPath: screenshot.path))
            // Six sections, each starting a new A4 page.
            #expect((report.pdfPages ?? 0) >= 6)
        }
    }

    /// The pictures and the page pass `Tests/Fixtures/charts/check_markup.py` (Python's own XML and HTML parsers).
    @Test func theReportAndItsPicturesPassTheIndependentMarkupCheck() async throws {
        let folder = try await ReportFixture.folder()
        let directory = try TemporaryDirectory.make("mmm-report-markup")
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for name in try await folder.fileNames() where name.hasSuffix(".html") || name.hasSuffix(".svg") {
            let url = directory.appendingPathComponent(name)
            try (try await folder.read(name))?.write(to: url)
            paths.append(url.path)
        }
        #expect(paths.count >= 3)
        let script = TrainingFixtures.repoRoot.appendingPathComponent("Tests/Fixtures/charts/check_markup.py").path
        let result: ProcessOutput
        do {
            result = try ProcessRunner.run("/usr/bin/env", ["python3", script] + paths)
        } catch {
            FileHandle.standardError.write(Data("SKIPPED: theReportAndItsPicturesPassTheIndependentMarkupCheck: python3: \(error)\n".utf8))
            return
        }
        if result.code == 127 {
            FileHandle.standardError.write(Data("SKIPPED: theReportAndItsPicturesPassTheIndependentMarkupCheck: python3 not found\n".utf8))
            return
        }
        #expect(result.code == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok \(paths.count) files"))
    }
}
