import Foundation
import MMMCore
import MMMJobs
import MMMTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct AnalysisTests {
    /// A results table written by hand: the oracle below is worked out from these numbers.
    static func table() -> ResultsTable {
        let columns = ResultsTable.fixedColumns + ["roi_tv_S", "roi_fb_S", "roi_se_S"]
        func row(_ id: String, val: String, test: String, rssd: String, seed: String, roi: [String]) -> [String: String] {
            [
                "variant_id": id, "benchmark_variant": "v_" + id, "state": "SUCCEEDED", "nrmse_train": "0.05", "nrmse_val": val,
                "nrmse_test": test, "rsq_train": "0.9", "rsq_val": "0.8", "rsq_test": "0.7", "decomp_rssd": rssd, "seed": seed,
                "adstock": "geometric", "roi_tv_S": roi[0], "roi_fb_S": roi[1], "roi_se_S": roi[2],
            ]
        }
        return ResultsTable(
            columns: columns,
            rows: [
                // lowest val NRMSE but the largest gap: not the fit pick
                row("a", val: "0.080", test: "0.200", rssd: "0.30", seed: "1", roi: ["1.0", "2.0", "3.0"]),
                row("b", val: "0.085", test: "0.090", rssd: "0.20", seed: "2", roi: ["1.2", "2.1", "2.9"]),
                row("c", val: "0.086", test: "0.087", rssd: "0.10", seed: "3", roi: ["3.0", "2.0", "1.0"]),
                row("d", val: "0.200", test: "0.201", rssd: "0.01", seed: "4", roi: ["1.1", "2.2", "3.3"]),
                ["variant_id": ResultsTable.baselineId, "nrmse_train": "0.1", "nrmse_val": "0.170", "state": "BASELINE"],
            ])
    }

    @Test func recommendationsFollowTheRules() {
        let (rows, baseline) = AnalysisRow.rows(Self.table())
        // gaps: a 0.12, b 0.005, c 0.001, d 0.001 → median (index 2 of sorted [0.001, 0.001, 0.005, 0.12]) = 0.005
        // eligible b, c, d → lowest val NRMSE is b (0.085).
        let fit = BenchmarkRecommendation.fit(rows, baseline: baseline)
        #expect(fit.variantId == "b")
        #expect(fit.reason.contains("v_a is lower on validation"))
        #expect(fit.reason.contains("cuts the error by 50%"))
        // within 10% of 0.080 → ≤ 0.088: a, b, c; lowest DECOMP.RSSD is c (0.10); d (0.01) fits too badly.
        let allocation = BenchmarkRecommendation.allocation(rows, baseline: baseline)
        #expect(allocation.variantId == "c")
        #expect(allocation.reason.contains("v_d has a lower DECOMP.RSSD"))
    }

    /// Bayesian variants: no validation split, ROI intervals and a verdict per row (numbers chosen by hand).
    static func bayesianTable() -> ResultsTable {
        let columns = ResultsTable.fixedColumns + ["roi_tv_S", "roi_fb_S", "bayes_verdict", "roi_q05_tv_S", "roi_q95_tv_S", "roi_q05_fb_S", "roi_q95_fb_S"]
        func row(_ id: String, train: String, verdict: String, tv: (String, String), fb: (String, String)) -> [String: String] {
            [
                "variant_id": id, "benchmark_variant": "v_" + id, "state": "SUCCEEDED", "nrmse_train": train, "decomp_rssd": "0.5",
                "roi_tv_S": "2", "roi_fb_S": "1", "bayes_verdict": verdict, "roi_q05_tv_S": tv.0, "roi_q95_tv_S": tv.1,
                "roi_q05_fb_S": fb.0, "roi_q95_fb_S": fb.1,
            ]
        }
        return ResultsTable(
            columns: columns,
            rows: [
                row("p", train: "0.050", verdict: "ok", tv: ("1.0", "3.0"), fb: ("0.0", "2.0")),  // mean width 2.0
                row("q", train: "0.052", verdict: "warning", tv: ("1.5", "2.5"), fb: ("0.5", "2.0")),  // 1.25
                row("r", train: "0.053", verdict: "failed", tv: ("1.9", "2.1"), fb: ("0.9", "1.1")),  // 0.2, not converged
                row("s", train: "0.070", verdict: "ok", tv: ("1.8", "2.3"), fb: ("0.8", "1.3")),  // 0.5, fits too badly
                // a linked variant shows q's model: not counted twice, never recommended in q's place
                row("a", train: "0.052", verdict: "warning", tv: ("1.5", "2.5"), fb: ("0.5", "2.0")).merging(["same_as": "q"]) { $1 },
                ["variant_id": ResultsTable.baselineId, "nrmse_train": "0.1", "nrmse_val": "0.170", "state": "BASELINE"],
            ])
    }

    @Test func bayesianVariantsAreAllocatedByTheirIntervalsAndComparedOnTheSameSplit() throws {
        let table = Self.bayesianTable()
        let (rows, baseline) = AnalysisRow.rows(table)
        // No validation split: the lowest training NRMSE, against the baseline's training NRMSE (0.1, not 0.17).
        let fit = BenchmarkRecommendation.fit(rows, baseline: baseline)
        #expect(fit.variantId == "p")
        #expect(fit.reason.contains("cuts the error by 50%"), "\(fit.reason)")
        // Fit limit 0.050 × 1.1 = 0.055: p, q (r failed, s too far). Narrowest mean width: q (1.25 < 2.0).
        let allocation = BenchmarkRecommendation.allocation(rows, baseline: baseline, columns: table.columns)
        #expect(allocation.variantId == "q", "\(allocation.reason)")
        #expect(allocation.reason.contains("mean width 1.2500 over 2 paid channels"), "\(allocation.reason)")
        #expect(allocation.reason.contains("among the 2 of 4 Bayesian models"), "\(allocation.reason)")
        #expect(allocation.reason.contains("1 variant did not converge"), "\(allocation.reason)")
        #expect(allocation.reason.contains("cuts the error by 48%"), "\(allocation.reason)")
        #expect(!allocation.reason.contains("DECOMP.RSSD"))
        // Without the interval columns the rule cannot choose and says so.
        let blind = BenchmarkRecommendation.allocation(rows, baseline: baseline, columns: ResultsTable.fixedColumns)
        #expect(blind.variantId == nil && blind.reason.contains("ROI intervals"))
        // The report explains the Bayesian rules.
        let plan = try Bench.plan(#"{"name": "a", "variants": {"seed": [{"name": "s1", "seed": 1}, {"name": "s2", "seed": 2}]}}"#)
        let dir = try TemporaryDirectory.make("mmm-bench-analysis")
        _ = try BenchmarkAnalysis(plan: plan, results: table).write(to: dir.path)
        let html = try String(contentsOfFile: dir.appendingPathComponent("report.html").path, encoding: .utf8)
        #expect(html.contains("width of the 90% ROI intervals") && html.contains("v_q has the narrowest"))
        #expect(html.contains("iterations and trials unused"))
    }

    @Test func seedStabilityMeasuresSpreadAndRankAgreement() throws {
        let (rows, _) = AnalysisRow.rows(Self.table())
        let groups = SeedStability.groups(rows, efficiencyColumns: ["roi_tv_S", "roi_fb_S", "roi_se_S"])
        let g = try #require(groups.first)
        #expect(groups.count == 1 && g.seeds == ["1", "2", "3", "4"])
        // rankings: a, b, d = (1, 2, 3); c = (3, 2, 1). Pairs: 3 identical (ρ = 1), 3 against c (ρ = −1) → mean 0.
        #expect(abs((g.rankAgreement ?? 99) - 0) < 1e-12)
        #expect(g.topChannel?.name == "roi_se_S" && g.topChannel?.seeds == 3)
        let tv = try #require(g.channels.first { $0.column == "roi_tv_S" })
        // tv: 1.0, 1.2, 3.0, 1.1 → mean 1.575, sample sd = sqrt(((−.575)² + (−.375)² + 1.425² + (−.475)²)/3)
        let sd = ((0.575 * 0.575 + 0.375 * 0.375 + 1.425 * 1.425 + 0.475 * 0.475) / 3).squareRoot()
        #expect(abs(tv.mean - 1.575) < 1e-12 && abs(tv.standardDeviation - sd) < 1e-12 && tv.min == 1.0 && tv.max == 3.0)
    }

    @Test func plotsAreXMLAndTheReportHoldsEveryPlot() throws {
        let plan = try Bench.plan(#"{"name": "a", "variants": {"seed": [{"name": "s1", "seed": 1}, {"name": "s2", "seed": 2}]}}"#)
        let dir = try TemporaryDirectory.make("mmm-bench-analysis")
        let files = try BenchmarkAnalysis(plan: plan, results: Self.table()).write(to: dir.path)
        let plots = ["rsq_comparison", "nrmse_comparison", "decomp_rssd", "train_val_test_gap", "metric_correlations", "best_models_summary"]
        #expect(files == plots.map { $0 + ".svg" } + ["report.html", "recommendations.json"])
        let html = try String(contentsOfFile: dir.appendingPathComponent("report.html").path, encoding: .utf8)
        for plot in plots {
            let data = try Data(contentsOf: dir.appendingPathComponent(plot + ".svg"))
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(plot).svg is not well-formed XML: \(String(describing: parser.parserError))")
            let svg = String(decoding: data, as: UTF8.self)
            #expect(html.contains(svg.trimmingCharacters(in: .whitespacesAndNewlines)), "report.html lacks \(plot).svg")
            #expect(html.contains(plot + ".svg"))
        }
        #expect(html.contains("Seed stability") && html.contains("Recommendations"))
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.contains("<script"))
    }
}
