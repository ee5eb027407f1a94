import Foundation
import MMMCore
import MMMJobs

/// Human-readable rendering of run history.
enum RunsText {
    /// The `runs list` table.
    static func table(_ runs: [RunRecord]) -> String {
        let header = ["COUNTRY", "REVISION", "RUN", "STATE", "BEST MODEL", "NRMSE VAL", "DECOMP.RSSD", "DURATION", "ENGINE"]
        let rows = runs.map { r in
            [r.country ?? "-", r.revision ?? "-", r.path, r.state, r.bestModel ?? "-", metric(r.nrmseVal), metric(r.decompRssd),
             duration(r.durationSeconds), r.engine ?? "-"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let numeric: Set<Int> = [5, 6, 7]
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// The `runs show` text.
    static func details(_ d: RunDetails) -> String {
        let r = d.record
        var lines = ["run \(r.runId)  \(r.location)"]
        lines.append(field("state", r.state + (r.durationSeconds.map { " (\(duration($0)))" } ?? "")))
        lines.append(field("country", "\(r.country ?? "-")   revision \(r.revision ?? "-")"))
        if let engine = r.engine { lines.append(field("engine", engine)) }
        if let started = r.startedAt { lines.append(field("started", started)) }
        if let step = r.failedStep { lines.append(field("failed in", step)) }
        if let message = r.message { lines.append(field("message", message)) }
        if let reason = r.skipReason { lines.append(field("skipped", reason)) }
        if r.dataSource != nil || r.dataSHA256 != nil {
            lines.append(field("data", "\(r.dataSource ?? "-")  sha256 \(r.dataSHA256 ?? "-")"))
        }
        if let config = r.configSHA256 { lines.append(field("config", "sha256 \(config)")) }
        if let best = r.bestModel {
            var counts: [String] = []
            if let n = d.candidateCount { counts.append("\(n) candidates") }
            if let n = d.paretoModelCount { counts.append("\(n) on the Pareto fronts") }
            lines.append(field("best model", best + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")))
            let known = d.bestModelMetrics.filter { $0.value != nil }
            for chunk in stride(from: 0, to: known.count, by: 3) {
                lines.append(field("", known[chunk..<min(known.count, chunk + 3)].map { "\($0.name) \(metric($0.value))" }
                    .joined(separator: "   ")))
            }
        }
        if !d.timings.isEmpty {
            lines.append(field("timings", d.timings.map { "\($0.name) \(duration($0.value))" }.joined(separator: ", ")))
        }
        for problem in r.problems { lines.append(field("problem", problem)) }
        lines.append(field("files", d.files.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    /// The `runs compare` text.
    static func comparison(_ c: RunComparison) -> String {
        func describe(_ r: RunRecord) -> String {
            "\(r.location) (\(r.state), \(r.country ?? "-") \(r.revision ?? "-"), \(r.engine ?? "engine unknown"))"
        }
        var lines = ["A: " + describe(c.a), "B: " + describe(c.b)]
        switch c.dataDigestsEqual {
        case true?: lines.append("data: the same input (sha256 \(c.a.dataSHA256?.prefix(12) ?? "")…)")
        case false?: lines.append("data: DIFFERENT inputs (sha256 \(c.a.dataSHA256?.prefix(12) ?? "")… vs \(c.b.dataSHA256?.prefix(12) ?? "")…)")
        case nil: lines.append("data: unknown (a run does not record its input digest)")
        }
        if !c.configsCompared {
            lines.append("config: not compared (a run has no job_config.json or summary)")
        } else if c.configDifferences.isEmpty {
            lines.append("config: identical")
        } else {
            lines.append("config: \(c.configDifferences.count) difference\(c.configDifferences.count == 1 ? "" : "s")")
            for d in c.configDifferences { lines.append("  \(d.path): \(d.a ?? "(absent)") → \(d.b ?? "(absent)")") }
        }
        if !c.metrics.isEmpty {
            let width = c.metrics.map(\.metric.count).max() ?? 0
            lines.append("metrics:")
            lines.append("  " + String(repeating: " ", count: width) + "  " + ["A", "B", "B−A"].map { $0.leftPadded(11) }.joined(separator: "  "))
            for m in c.metrics {
                let name = m.metric + String(repeating: " ", count: width - m.metric.count)
                let delta = m.delta.map { ($0 > 0 ? "+" : "") + metric($0) } ?? "-"
                lines.append("  \(name)  " + [metric(m.a), metric(m.b), delta].map { $0.leftPadded(11) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A metric with four decimals, or `-`.
    static func metric(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        if value == value.rounded(), abs(value) >= 1 { return String(Int(value)) }
        return String(format: "%.4f", value)
    }

    /// `42.1s`, `3m 05s`, `1h 02m`, or `-`.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "-" }
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return String(format: "%dm %02ds", whole / 60, whole % 60) }
        return String(format: "%dh %02dm", whole / 3600, (whole % 3600) / 60)
    }

    private static func field(_ name: String, _ value: String) -> String {
        name.padding(toLength: 11, withPad: " ", startingAt: 0) + value
    }
}

extension String {
    /// Right-aligned in `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
