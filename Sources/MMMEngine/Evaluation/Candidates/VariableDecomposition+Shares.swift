extension [VariableDecomposition] {
    /// The rows with `xDecompPerc` and `xDecompMeanNon0Perc` filled: each row's share of the column totals (Robyn's
    /// `xDecompPerc = xDecompAgg / sum(xDecompAgg)`, the same for the non-zero means).
    func withShares() -> [VariableDecomposition] {
        var rows = self
        let yHatTotal = rows.reduce(0) { $0 + $1.xDecompAgg }
        let meanNon0Total = rows.reduce(0) { $0 + $1.xDecompMeanNon0 }
        for k in rows.indices {
            rows[k].xDecompPerc = rows[k].xDecompAgg / yHatTotal
            rows[k].xDecompMeanNon0Perc = rows[k].xDecompMeanNon0 / meanNon0Total
        }
        return rows
    }
}
