import Foundation

/// Runs `scripts/browser-check.py` (headless Chromium over the DevTools pipe) on an HTML file.
public enum BrowserCheck {
    /// What the script found (its `--json` report).
    public struct Report: Decodable, Sendable {
        public struct Image: Decodable, Sendable {
            public let kind: String
            public let width: Double
            public let height: Double
        }

        public let problems: [String]
        public let warnings: [String]
        public let images: [Image]
        public let documentWidth: Int
        public let documentHeight: Int
        public let screenshot: String?
        public let pdfPages: Int?
    }

    /// The check ran, or could not run (no python3 or no Chromium), with the reason.
    public enum Outcome: Sendable {
        case checked(Report)
        case skipped(String)
    }

    /// A failure of the harness itself (not a finding about the page).
    public struct HarnessError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The script's path in this checkout.
    public static func scriptPath(filePath: String = #filePath) -> String {
        // Tests/MMMTestSupport/BrowserCheck.swift → scripts/browser-check.py
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/browser-check.py").path
    }

    /// Opens `page` in headless Chromium.
    /// - Parameters:
    ///   - page: the HTML file.
    ///   - screenshot: where to save a full-page PNG (keep it outside the repository).
    ///   - pdf: where to save the page printed on A4.
    ///   - timeout: bound on the whole run in seconds (generous: CI shares two cores).
    /// - Returns: the report, or `.skipped` when Chromium (exit 3) or python3 is missing.
    /// - Throws: ``HarnessError`` when the script fails for another reason.
    public static func run(page: URL, screenshot: URL? = nil, pdf: URL? = nil, timeout: Int = 120) throws -> Outcome {
        var arguments = ["python3", scriptPath(), page.path, "--json", "--timeout", String(timeout)]
        if let screenshot { arguments += ["--screenshot", screenshot.path] }
        if let pdf { arguments += ["--pdf", pdf.path] }
        let result: ProcessOutput
        do {
            result = try ProcessRunner.run("/usr/bin/env", arguments)
        } catch {
            return .skipped("python3 could not be started: \(error)")
        }
        if result.code == 127 { return .skipped("python3 not found") }
        if result.code == 3 { return .skipped("chromium not found (apt-get install chromium)") }
        guard result.code == 0 || result.code == 1 else {
            throw HarnessError(description: "browser-check exited \(result.code): \(result.stdout) \(result.stderr)")
        }
        do {
            return .checked(try JSONDecoder().decode(Report.self, from: result.stdoutData))
        } catch {
            throw HarnessError(description: "browser-check printed unreadable JSON (\(error)): \(result.stdout.prefix(400))")
        }
    }
}
