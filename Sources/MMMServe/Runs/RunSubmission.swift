import Foundation
import HTTPTypes
import MMMCloud
import MMMCore
import MMMJobs

/// A validated request to train: the job config (as the worker will read it) and where the data is.
struct RunSubmission: Sendable {
    /// Where the table comes from.
    enum DataSource: Sendable, Equatable {
        /// An uploaded file in the server's work folder (`.csv` or `.parquet`).
        case uploaded(URL)
        /// A `gs://` object the worker downloads.
        case uri(String)
    }

    /// The config file's bytes.
    var configBytes: Data
    /// The parsed config.
    var config: JobConfig
    /// The data.
    var data: DataSource
    /// The training backend (native unless the request chose another).
    var backend = RunBackend.native

    /// Validates a config document and the data reference.
    /// - Parameters:
    ///   - configBytes: the job config JSON (canonical, previous-system, or selected_columns).
    ///   - pathPrefix: prefix for error paths (`$.config` when the config sat inside a JSON body).
    /// - Throws: ``APIError`` 400 naming the JSON path.
    static func validatedConfig(_ configBytes: Data, pathPrefix: String?) throws -> JobConfig {
        let config: JobConfig
        do {
            config = try JobConfigLoader.load(data: configBytes, file: nil).config
        } catch let error as ConfigError {
            throw APIError.invalid(prefixed(error, pathPrefix), code: "invalid_config")
        }
        try checkServerSafe(config, pathPrefix: pathPrefix)
        return config
    }

    /// A server run may only read what the request gives it: files named in the config would be read from the
    /// server's own disk, so they are refused (gs:// objects are fine).
    static func checkServerSafe(_ config: JobConfig, pathPrefix: String?) throws {
        func refuse(_ key: String, _ why: String) -> APIError {
            APIError(.badRequest, "invalid_config", why, field: (pathPrefix ?? "$") + "." + key)
        }
        if config.dataPath != nil {
            throw refuse("data_path", "give the data as the request's data part (or data_uri), not in the config")
        }
        if config.outputLocation != nil {
            throw refuse("output_location", "the server decides where runs are written (--store); remove output_location")
        }
        if let path = config.holidaysPath, !StorageLocation.looksLikeGCS(path) {
            throw refuse("holidays_path", "a server run cannot read files on the server; use a gs:// URI or the built-in holidays")
        }
        if case .file(let path) = config.calibrationInput, !StorageLocation.looksLikeGCS(path) {
            throw refuse("calibration_input", "a server run cannot read files on the server; give the studies inline")
        }
        if let path = config.annotationsPath, !StorageLocation.looksLikeGCS(path) {
            throw refuse("annotations_path", "a server run cannot read files on the server; use a gs:// URI")
        }
    }

    /// A `data_uri`: only `gs://` (a local path would read the server's disk).
    static func checkedDataURI(_ uri: String, field: String) throws -> String {
        guard StorageLocation.looksLikeGCS(uri) else {
            throw APIError(.badRequest, "invalid_request", "data_uri must be a gs:// URI (or upload the file as multipart 'data')", field: field)
        }
        do {
            _ = try StorageLocation(uri)
        } catch {
            throw APIError(.badRequest, "invalid_request", "data_uri: \(error)", field: field)
        }
        return uri
    }

    /// The error with its JSON path moved under `prefix` (`$.x` → `$.config.x`; a bare `x` → `$.config.x`).
    static func prefixed(_ error: ConfigError, _ prefix: String?) -> ConfigError {
        guard let prefix else { return error }
        var copy = error
        copy.path = error.path.hasPrefix("$") ? prefix + error.path.dropFirst() : prefix + "." + error.path
        return copy
    }
}

/// The JSON form of a submission: `{"config": {…}, "data_uri": "gs://…", "backend": "bayes", "bayes": {…}}`.
struct JSONRunSubmission: Decodable {
    var config: JobConfig
    var dataURI: String
    var backend: String?
    var bayes: BayesSettings?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case config, backend, bayes
        case dataURI = "data_uri"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        config = try c.decode(JobConfig.self, forKey: .config)
        dataURI = try c.decode(String.self, forKey: .dataURI)
        backend = try c.decodeUnlessNull(String.self, forKey: .backend)
        bayes = try c.decodeUnlessNull(BayesSettings.self, forKey: .bayes)
    }

    /// Parses and validates a JSON body.
    /// - Throws: ``APIError`` 400 naming the JSON path.
    static func parse(_ body: Data) throws -> RunSubmission {
        let parsed: JSONRunSubmission
        do {
            parsed = try StrictJSON.decode(JSONRunSubmission.self, from: body)
        } catch let error as ConfigError {
            throw APIError.invalid(error, code: error.path.hasPrefix("$.config") ? "invalid_config" : "invalid_request")
        }
        do {
            try parsed.config.validate()
        } catch let error as ConfigError {
            // validate() reports paths inside the config.
            throw APIError.invalid(RunSubmission.prefixed(error, "$.config"), code: "invalid_config")
        }
        try RunSubmission.checkServerSafe(parsed.config, pathPrefix: "$.config")
        let uri = try RunSubmission.checkedDataURI(parsed.dataURI, field: "$.data_uri")
        let backend = try RunBackend.make(backend: parsed.backend, bayes: parsed.bayes)
        return RunSubmission(configBytes: try StrictJSON.encode(parsed.config), config: parsed.config, data: .uri(uri), backend: backend)
    }
}
