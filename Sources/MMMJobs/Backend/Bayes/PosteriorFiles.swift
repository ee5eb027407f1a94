import Foundation
import MMMBayes
import MMMCore
import MMMParquet

/// `posterior.csv` (one row per quantity) and `draws.parquet` (one row per draw) of a Bayesian run.
enum PosteriorFiles {
    /// The columns of `posterior.csv`.
    static let header = ["name", "channel", "mean", "sd", "q05", "q50", "q95", "r_hat", "ess_bulk", "ess_tail"]

    /// `posterior.csv`: `name` (`roi`, `contribution_share`, `beta`, `adstock_theta`, …), `channel` (the channel
    /// or control; empty for global quantities), the summary and its diagnostics (`NA` for MAP fits, which have
    /// no chains). Numbers in shortest round-trip form, so equal fits give equal bytes.
    static func summaryCSV(_ fit: BayesFit) -> Data {
        let writer = CSVWriter()
        func number(_ value: Double) -> String { value.isFinite ? NumberFormatting.shortest(value) : "NA" }
        var lines = [header.joined(separator: ",")]
        for s in fit.summaries {
            let cells =
                [writer.escape(s.name.name), writer.escape(s.name.owner)]
                + [s.mean, s.sd, s.q05, s.q50, s.q95, s.rHat, s.essBulk, s.essTail].map(number)
            lines.append(cells.joined(separator: ","))
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// `draws.parquet`: `chain` and `draw` (both from 1), then one DOUBLE column per quantity named `name[channel]`
    /// (`sigma`, `intercept` without brackets), in the order of `posterior.csv`.
    static func drawsParquet(_ fit: BayesFit) throws -> Data {
        var chains: [Int64?] = []
        var draws: [Int64?] = []
        var values = Array(repeating: [Double?](), count: fit.quantityNames.count)
        for (c, chain) in fit.draws.enumerated() {
            for (i, draw) in chain.enumerated() {
                chains.append(Int64(c + 1))
                draws.append(Int64(i + 1))
                for k in values.indices { values[k].append(draw[k].isFinite ? draw[k] : nil) }
            }
        }
        let columns =
            [ParquetColumn(name: "chain", values: .int64(chains)), ParquetColumn(name: "draw", values: .int64(draws))]
            + fit.quantityNames.enumerated().map { k, name in ParquetColumn(name: name.description, values: .double(values[k])) }
        var options = ParquetWriter.Options()
        // Draws rarely repeat: a dictionary would only cost time.
        options.dictionary = false
        return Data(try ParquetWriter(options: options).bytes(for: try ParquetTable(columns: columns)))
    }
}
