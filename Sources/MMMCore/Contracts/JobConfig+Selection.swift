extension JobConfig {
    /// Builds a job configuration from a driver selection; every other field keeps its default, so callers set
    /// window, adstock, iterations and so on afterwards.
    ///
    /// ```swift
    /// var (config, notes) = try JobConfig.from(selection)
    /// config.adstock = .weibullPDF
    /// config.iterations = 1000
    /// try config.validate()
    /// ```
    /// - Returns: the configuration and one note per interpretation made.
    /// - Throws: ``ConfigError`` when the selection's var → spend mapping is inconsistent.
    public static func from(_ selection: SelectedColumns) throws -> (config: JobConfig, notes: [String]) {
        let (pairs, pairNotes) = try selection.mediaPairs()
        var notes = pairNotes
        var config = JobConfig(depVar: selection.selectedGoal, paidMedia: pairs)
        let country = selection.country.trimmingCharactersInSet().lowercased()
        config.country = country.isEmpty ? nil : country
        config.organicVars = selection.organicVars
        config.contextVars = selection.contextVars
        config.factorVars = selection.factorVars
        let missingFactors = selection.factorVars.filter { !selection.contextVars.contains($0) }
        if !missingFactors.isEmpty {
            config.contextVars += missingFactors
            notes.append("factor vars added to context_vars (factors are context drivers): \(missingFactors.joined(separator: ", "))")
        }
        return (config, notes)
    }
}
