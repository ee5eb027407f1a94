import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli data inspect FILE`.
struct DataInspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Profile a table (CSV or Parquet): columns, types, date range, cadence, gaps, duplicate dates, negatives, constant columns.",
        discussion: "Example: mmm-cli data inspect Examples/data/dt_simulated_weekly.csv --json"
    )

    @Argument(help: "The table: a CSV or Parquet file (name ending in .parquet), local or gs://bucket/object.")
    var file: String

    @Option(help: "CSV field delimiter: auto (detected from the header line), comma, semicolon or tab.")
    var delimiter: DelimiterFlag?

    @Flag(help: "Numbers use a decimal comma, e.g. 1234,5.")
    var decimalComma = false

    @Option(help: "The date column (default: DATE, DS, DATUM, FECHA or DATA).")
    var dateColumn: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let csv = CSVSettings(delimiter: delimiter?.value ?? .auto, decimal: decimalComma ? .comma : .point)
        let location = try StorageLocation.flag("FILE", file)
        let table = try await CloudAccess.files(console).tableSource(location, csv: csv).load().table
        if let dateColumn, table.indexIgnoringCase(dateColumn) == nil {
            let names = table.columnNames.prefix(12).joined(separator: ", ")
            throw UsageError("--date-column '\(dateColumn)' is not a column of \(file) (columns: \(names)\(table.columns.count > 12 ? ", …" : ""))")
        }
        let report = DataInspection(table: table, source: file, dateColumn: dateColumn)
        if console.json {
            try console.resultJSON(report)
        } else {
            console.result(InspectionText.render(report))
        }
    }
}

/// Human-readable rendering of a ``DataInspection``.
enum InspectionText {
    static func render(_ r: DataInspection) -> String {
        var lines = ["\(r.source): \(r.rows) rows, \(r.columns.count) columns"]
        if let first = r.firstDate, let last = r.lastDate {
            lines.append(
                "dates: \(r.dateColumn ?? "?") \(first) … \(last), cadence \(r.cadence ?? "irregular"), "
                    + "\(r.missingPeriods) missing periods, \(r.duplicateDates) duplicate dates")
        }
        let width = max(6, r.columns.map(\.name.count).max() ?? 6)
        lines.append("")
        lines.append(pad("column", width) + "  type    missing  distinct  min            max")
        for c in r.columns {
            let min = c.min.map(NumberFormatting.shortest) ?? ""
            let max = c.max.map(NumberFormatting.shortest) ?? ""
            lines.append(
                pad(c.name, width) + "  " + pad(c.type.rawValue, 6) + "  " + pad(String(c.missing), 7) + "  "
                    + pad(String(c.distinct), 8) + "  " + pad(min, 13) + "  " + max)
        }
        if !r.gaps.isEmpty { lines.append(""); lines.append("gaps: " + r.gaps.joined(separator: "; ")) }
        lines.append("")
        lines.append(r.findings.isEmpty ? "no problems found" : r.findings.map { "- " + $0 }.joined(separator: "\n"))
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
