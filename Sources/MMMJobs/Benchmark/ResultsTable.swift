import Foundation
import MMMCore

/// `results.csv`: one row per variant (plus the naive baseline), cells as text, empty when missing.
public struct ResultsTable: Sendable, Equatable {
    /// The fixed columns, in order (the names; settings are read back from each variant's own run).
    public static let fixedColumns = [
        "benchmark_id", "variant_id", "benchmark_test", "benchmark_variant", "adstock", "hyperparameter_preset",
        "train_size", "resample_freq", "spend_var_mapping", "window_start", "window_end", "seed", "iterations", "trials",
        "rsq_train", "rsq_val", "rsq_test", "nrmse_train", "nrmse_val", "nrmse_test", "decomp_rssd", "mape",
        "pareto_models", "candidates", "best_model_id", "runtime_s", "state", "same_as",
    ]

    /// The `variant_id` of the naive baseline row.
    public static let baselineId = "naive_baseline"

    /// Column names in order.
    public var columns: [String]
    /// Rows keyed by column.
    public var rows: [[String: String]]

    /// Creates a table.
    public init(columns: [String], rows: [[String: String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The CSV bytes.
    public func csv() -> Data {
        let writer = CSVWriter()
        return Data(writer.string(header: columns, rows: rows.map { row in columns.map { row[$0] ?? "" } }).utf8)
    }

    /// Parses `results.csv`.
    /// - Throws: ``DataError`` when it is not a CSV with a header.
    public static func parse(_ data: Data, file: String) throws -> ResultsTable {
        var options = CSVReader.Options()
        options.inferTypes = false  // ids like 000123 or 1e5 must stay text
        let reader = CSVReader(options: options)
        let table: DataTable
        do {
            table = try reader.parse(data)
        } catch let error as DataError {
            throw error.inFile(file)
        }
        let columns = table.columnNames
        let rows = (0..<table.rowCount).map { r in
            Dictionary(table.columns.map { c in (c.name, c.values.isMissing(r) ? "" : c.cellText(r)) }, uniquingKeysWith: { a, _ in a })
        }
        return ResultsTable(columns: columns, rows: rows)
    }

    /// A number cell: the shortest round-trip decimal, empty when missing or not finite.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberFormatting.shortest(value)
    }
}
