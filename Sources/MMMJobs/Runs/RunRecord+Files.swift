import MMMCore

extension RunRecord {
    /// The record of a run folder from its files; fields fall back from newer to older writers (the previous
    /// system's `start_time`, `duration_minutes`, `error_message`, top-level `country`).
    /// - Parameters:
    ///   - files: The folder's files.
    ///   - path: The folder's path below the listed root (the last element is the run id).
    ///   - location: Where the folder is.
    init(files: RunFiles, path: [String], location: String) {
        let status = files.status, manifest = files.manifest, summary = files.summary
        self.init(
            runId: path.last ?? "", path: path.joined(separator: "/"), location: location,
            state: status?["state"]?.text?.uppercased() ?? "INCOMPLETE")
        startedAt = status?.first("started_at", "start_time")?.text ?? manifest?["started_at"]?.text
            ?? summary?["created_at"]?.text
        durationSeconds = status?["duration_seconds"]?.number
            ?? status?["duration_minutes"]?.number.map { $0 * 60 }
            ?? summary?["training_time_mins"]?.number.map { $0 * 60 }
        engine = files.engine
        failedStep = status?.first("failed_step", "step")?.text
        message = status?.first("message", "error_message", "error")?.text
        skipReason = status?["skip_reason"]?.text
        let config = files.runConfig
        country = config?["country"]?.text ?? summary?["country"]?.text
        revision = config?["revision"]?.text ?? summary?["revision"]?.text
        if country == nil, revision == nil, path.count >= 3 {
            // The previous system's layout robyn/<revision>/<country>/<timestamp>, when no file names them.
            country = path[path.count - 2]
            revision = path[path.count - 3]
        }
        let best = summary?["best_model"]
        bestModel = best?["model_id"]?.text
        nrmseVal = best?["nrmse_val"]?.number
        decompRssd = best?["decomp_rssd"]?.number
        dataSource = manifest?["data_source"]?.text ?? files.preparation?["source"]?.text
        dataSHA256 = manifest?["data_sha256"]?.text ?? files.preparation?["source_sha256"]?.text
        configSHA256 = manifest?["config_sha256"]?.text
        problems = files.problems
    }
}
