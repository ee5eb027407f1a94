import Foundation
import Hummingbird

/// Reads a run submission from a request into the run's staging folder.
enum RunIntake {
    /// The parts a multipart submission may have.
    static let partNames: Set<String> = ["config", "data", "data_uri", "backend", "bayes"]

    /// - Returns: the validated submission (its data file, if uploaded, is in `staging`).
    /// - Throws: ``APIError`` 400 / 413 / 415.
    static func read(_ request: Request, staging: URL, limit: Int) async throws -> RunSubmission {
        if RequestBodies.mediaType(request) == "application/json" {
            return try JSONRunSubmission.parse(try await RequestBodies.collect(request, limit: min(limit, 16 << 20)))
        }
        guard let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") else {
            throw APIError(.badRequest, "invalid_multipart", "multipart/form-data needs a boundary parameter")
        }
        let bodyFile = staging.appendingPathComponent("request.body")
        try await RequestBodies.stream(request, to: bodyFile, limit: limit)
        defer { try? FileManager.default.removeItem(at: bodyFile) }
        let form = try MultipartForm(file: bodyFile, boundary: boundary)
        for part in form.parts where !partNames.contains(part.name) {
            throw APIError(.badRequest, "invalid_request", "unknown part '\(part.name.prefix(60))'; expected config and data (or data_uri), and optionally backend and bayes", field: part.name)
        }
        guard let configPart = form.part("config") else {
            throw APIError(.badRequest, "invalid_request", "the job config is missing: add a part named config", field: "config")
        }
        let configBytes = form.bytes(of: configPart)
        let config = try RunSubmission.validatedConfig(configBytes, pathPrefix: nil)
        let data: RunSubmission.DataSource
        switch (form.part("data"), form.part("data_uri")) {
        case (.some(let part), nil):
            let ext = dataExtension(part)
            let file = staging.appendingPathComponent("data." + ext)
            try form.data.subdata(in: part.range).write(to: file)
            guard part.range.count > 0 else { throw APIError(.badRequest, "invalid_request", "the data part is empty", field: "data") }
            data = .uploaded(file)
        case (nil, .some(let part)):
            let uri = String(decoding: form.bytes(of: part), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            data = .uri(try RunSubmission.checkedDataURI(uri, field: "data_uri"))
        case (.some, .some):
            throw APIError(.badRequest, "invalid_request", "give either a data file or data_uri, not both", field: "data_uri")
        case (nil, nil):
            throw APIError(.badRequest, "invalid_request", "the data is missing: add a file part named data (CSV or Parquet) or data_uri", field: "data")
        }
        let backend = try RunBackend.make(
            backend: form.part("backend").map { String(decoding: form.bytes(of: $0), as: UTF8.self) },
            bayes: try form.part("bayes").map { try RunBackend.decodeBayes(form.bytes(of: $0)) })
        return RunSubmission(configBytes: configBytes, config: config, data: data, backend: backend)
    }

    /// `parquet` for a Parquet upload (by file name or media type), else `csv`.
    private static func dataExtension(_ part: MultipartForm.Part) -> String {
        let name = part.filename?.lowercased() ?? ""
        if name.hasSuffix(".parquet") || part.contentType?.lowercased().contains("parquet") == true { return "parquet" }
        return "csv"
    }
}
