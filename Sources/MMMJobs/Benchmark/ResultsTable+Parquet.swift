import Foundation
import MMMCore
import MMMParquet

extension ResultsTable {
    /// Columns that hold text even when every cell looks like a number (ids, names, `train_size` ranges).
    static let textColumns: Set<String> = [
        "benchmark_id", "variant_id", "benchmark_test", "benchmark_variant", "adstock", "hyperparameter_preset",
        "train_size", "resample_freq", "spend_var_mapping", "best_model_id", "state", "same_as", "alloc_scenario",
    ]
    /// Whole-number columns.
    static let integerColumns: Set<String> = ["seed", "iterations", "trials", "pareto_models", "candidates"]
    /// Date columns.
    static let dateColumns: Set<String> = ["window_start", "window_end"]
    /// TRUE/FALSE columns.
    static let booleanColumns: Set<String> = ["alloc_feasible"]

    /// The table as typed Parquet columns: text, whole numbers, dates and booleans where the column is one, every
    /// other column DOUBLE; empty cells are nulls. A cell that does not fit its column's type keeps the whole column
    /// as text rather than losing it.
    public func parquetTable() throws -> ParquetTable {
        let parquetColumns = columns.map { name -> ParquetColumn in
            let cells = rows.map { row -> String? in
                guard let value = row[name], !value.isEmpty else { return nil }
                return value
            }
            let text = ParquetColumn(name: name, values: .string(cells))
            if Self.textColumns.contains(name) { return text }
            if Self.integerColumns.contains(name) {
                let values = cells.map { $0.flatMap { Int64($0) } }
                return zip(values, cells).allSatisfy({ $0.0 != nil || $0.1 == nil })
                    ? ParquetColumn(name: name, values: .int64(values)) : text
            }
            if Self.dateColumns.contains(name) {
                let values = cells.map { $0.flatMap { DateFormat.isoDate.parse($0) } }
                return zip(values, cells).allSatisfy({ $0.0 != nil || $0.1 == nil })
                    ? ParquetColumn(name: name, values: .date(values)) : text
            }
            if Self.booleanColumns.contains(name) {
                let values = cells.map { $0.flatMap { $0 == "TRUE" ? true : ($0 == "FALSE" ? false : nil) } }
                return zip(values, cells).allSatisfy({ $0.0 != nil || $0.1 == nil })
                    ? ParquetColumn(name: name, values: .boolean(values)) : text
            }
            let values = cells.map { $0.flatMap { NumberParser.parse($0) } }
            return zip(values, cells).allSatisfy({ $0.0 != nil || $0.1 == nil })
                ? ParquetColumn(name: name, values: .double(values)) : text
        }
        return try ParquetTable(columns: parquetColumns)
    }

    /// The Parquet bytes of ``parquetTable()``.
    public func parquet() throws -> Data {
        Data(try ParquetWriter().bytes(for: try parquetTable()))
    }
}
