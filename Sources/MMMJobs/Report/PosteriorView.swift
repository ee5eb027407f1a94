import Foundation
import MMMCore

/// A Bayesian run's posterior as the report shows it: per paid channel the ROI and effect share with their 90 %
/// intervals and convergence diagnostics (`posterior.csv`), and the verdict (`posterior_diagnostics.json`).
struct PosteriorView: Sendable {
    /// One quantity of one channel.
    struct Interval: Sendable {
        var mean: Double?
        var q05: Double?
        var q95: Double?
        var rHat: Double?
        var essBulk: Double?
    }

    /// One paid channel.
    struct Channel: Sendable {
        var name: String
        var roi: Interval
        var share: Interval?
    }

    var channels: [Channel]
    /// The verdict's headline status (`ok`, `warning`, `failed`, `approximate`) and findings.
    var verdictStatus: String?
    var verdictFindings: [String]
    /// `nuts` or `map`.
    var method: String?

    /// The view of a run folder, or nil when it has no `posterior.csv`.
    /// - Throws: ``DataError`` for a malformed `posterior.csv`; a malformed diagnostics file is ignored (the table
    ///   alone is still worth showing).
    static func read(_ folder: any RunFolder, names: [String]) async throws -> PosteriorView? {
        guard names.contains("posterior.csv"), let data = try await folder.read("posterior.csv") else { return nil }
        var view = try PosteriorView(table: try RunTable(data, name: "posterior.csv"))
        if names.contains("posterior_diagnostics.json"), let json = try await folder.read("posterior_diagnostics.json"),
            let file = try? JSONDecoder().decode(DiagnosticsFile.self, from: json)
        {
            view.verdictStatus = file.verdict.status
            view.verdictFindings = file.verdict.findings
            view.method = file.method
        }
        return view
    }

    init(table: RunTable) throws {
        let names = try table.texts("name")
        let owners = try table.texts("channel")
        let columns = try ["mean", "q05", "q95", "r_hat", "ess_bulk"].map { try table.numbers($0) }
        func interval(_ row: Int) -> Interval {
            Interval(mean: columns[0][row], q05: columns[1][row], q95: columns[2][row], rHat: columns[3][row], essBulk: columns[4][row])
        }
        var shares: [String: Interval] = [:]
        for row in 0..<table.rowCount where names[row] == "contribution_share" { shares[owners[row] ?? ""] = interval(row) }
        channels = (0..<table.rowCount).compactMap { row in
            guard names[row] == "roi", let owner = owners[row] else { return nil }
            return Channel(name: owner, roi: interval(row), share: shares[owner])
        }
        verdictFindings = []
    }

    /// The part of `posterior_diagnostics.json` the report shows.
    private struct DiagnosticsFile: Decodable {
        struct VerdictPart: Decodable {
            var status: String
            var findings: [String]
        }
        var method: String
        var verdict: VerdictPart
    }
}
