import Foundation
import HTTPTypes
import Hummingbird
import MMMCore
import MMMJobs

/// `/v1/benchmarks…`: submit a benchmark (config, base, data), list, status and results, analysis files.
enum BenchmarksAPI {
    static let partNames: Set<String> = ["config", "base", "data", "data_uri", "mode"]

    static func register(_ router: Router<ServeContext>, state: ServeState) {
        let group = router.group("v1/benchmarks")
        group.post { request, _ in try await submit(request, state: state) }
        group.get { _, _ in
            var rows: [[String: Any]] = []
            for id in await state.benchmarks.ids() { rows.append(try await summary(id, state: state)) }
            return JSONResponse.make(.ok, ["benchmarks": rows])
        }
        group.get(":id") { _, context in
            JSONResponse.make(.ok, try await summary(try context.parameters.require("id"), state: state, details: true))
        }
        group.get(":id/artifacts/**") { _, context in
            let id = try context.parameters.require("id")
            let name = context.parameters.getCatchAll().joined(separator: "/")
            return try await artifact(id, name: name, state: state)
        }
    }

    /// `POST /v1/benchmarks` (multipart: `config`, `base`, `data` or `data_uri`, optional `mode`) → 202.
    static func submit(_ request: Request, state: ServeState) async throws -> Response {
        let upload = try await WebForms.multipart(request, state: state)
        defer { upload.cleanup() }
        let id = try await accept(upload.form, state: state)
        let variants = await state.benchmarks.entry(id)?.variants ?? 0
        return JSONResponse.make(
            .accepted, ["benchmark_id": id, "status_url": "/v1/benchmarks/\(id)", "variants": variants], location: "/v1/benchmarks/\(id)")
    }

    /// Validates a benchmark form, plans it (which gives its id) and queues it.
    /// - Returns: the benchmark id.
    static func accept(_ form: MultipartForm, state: ServeState) async throws -> String {
        for part in form.parts where !partNames.contains(part.name) && part.name != "csrf" {
            throw APIError(.badRequest, "invalid_request", "unknown part '\(part.name.prefix(60))'", field: part.name)
        }
        guard let configPart = form.part("config"), let basePart = form.part("base") else {
            throw APIError(
                .badRequest, "invalid_request", "a benchmark needs the parts config (benchmark config) and base (job config)",
                field: form.part("config") == nil ? "config" : "base")
        }
        let config: BenchmarkConfig
        do {
            config = try StrictJSON.decode(BenchmarkConfig.self, from: form.bytes(of: configPart))
        } catch let error as ConfigError {
            throw APIError.invalid(error, code: "invalid_benchmark_config")
        }
        let base = try RunSubmission.validatedConfig(form.bytes(of: basePart), pathPrefix: nil)
        let modeText = form.part("mode").map { String(decoding: form.bytes(of: $0), as: UTF8.self) } ?? "test_run_all"
        guard let mode = BenchmarkMode(rawValue: modeText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw APIError(.badRequest, "invalid_request", "mode must be one of test_run, test_run_all, default, full_run", field: "mode")
        }
        let plan: BenchmarkPlan
        do {
            plan = try BenchmarkGenerator(config: config, base: base, baseLabel: "base", mode: mode).plan(createdAt: Date())
        } catch let error as ConfigError {
            throw APIError.invalid(error, code: "invalid_benchmark_config")
        }
        let (_, staging) = try state.runs.newStaging()
        do {
            let configFile = staging.appendingPathComponent("benchmark.json")
            let baseFile = staging.appendingPathComponent("base.json")
            try form.bytes(of: configPart).write(to: configFile)
            try form.bytes(of: basePart).write(to: baseFile)
            let data: RunSubmission.DataSource
            if let part = form.part("data"), !part.range.isEmpty {
                let file = staging.appendingPathComponent("data.csv")
                try form.bytes(of: part).write(to: file)
                data = .uploaded(file)
            } else if let part = form.part("data_uri") {
                let uri = String(decoding: form.bytes(of: part), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                data = .uri(try RunSubmission.checkedDataURI(uri, field: "data_uri"))
            } else {
                throw APIError(.badRequest, "invalid_request", "the data is missing: add a file part named data or data_uri", field: "data")
            }
            return try await state.benchmarks.submit(
                .init(plan: plan, configFile: configFile, baseFile: baseFile, data: data, mode: mode, staging: staging))
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// A benchmark's state, plan size, and (with details) its results table and recommendations.
    static func summary(_ id: String, state: ServeState, details: Bool = false) async throws -> [String: Any] {
        guard PathSegment.isSafe(id) else { throw APIError.notFound("no benchmark '\(id.prefix(100))'") }
        let folder = state.benchmarks.root.appendingPathComponent(id)
        let entry = await state.benchmarks.entry(id)
        let exists = FileManager.default.fileExists(atPath: folder.path)
        guard exists || entry != nil else { throw APIError.notFound("no benchmark '\(id)'") }
        let results = folder.appendingPathComponent("results.csv")
        let report = folder.appendingPathComponent("analysis/report.html")
        var object: [String: Any] = [
            "benchmark_id": id,
            "state": entry?.state ?? (FileManager.default.fileExists(atPath: report.path) ? "SUCCEEDED" : "INCOMPLETE"),
            "status_url": "/v1/benchmarks/\(id)",
        ]
        if let entry {
            object["variants"] = entry.variants
            object["submitted_at"] = ISOTime.format(entry.submittedAt)
            if let message = entry.message { object["message"] = message }
        }
        if FileManager.default.fileExists(atPath: report.path) {
            object["report_url"] = "/v1/benchmarks/\(id)/artifacts/analysis/report.html"
        }
        guard details else { return object }
        if let data = FileManager.default.contents(atPath: results.path), let table = try? CSVReader().parse(data) {
            object["results"] = ResultsRows.rows(table)
        }
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent("analysis/recommendations.json").path) {
            object["recommendations"] = (try? JSONSerialization.jsonObject(with: data)) ?? NSNull()
        }
        return object
    }

    /// A file of the benchmark folder (only names found by listing it).
    static func artifact(_ id: String, name: String, state: ServeState) async throws -> Response {
        guard PathSegment.isSafe(id) else { throw APIError.notFound("no benchmark '\(id.prefix(100))'") }
        let folder = state.benchmarks.root.appendingPathComponent(id)
        let listed = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        guard !name.isEmpty, listed.contains(name), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        else { throw APIError.notFound("benchmark '\(id)' has no file '\(name.prefix(200))'") }
        var headers = HTTPFields()
        headers[.contentType] = ArtifactTypes.contentType(name)
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox"
        if ArtifactTypes.contentType(name).hasPrefix("text/html") { headers[.frameOptions] = "SAMEORIGIN" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// results.csv as JSON rows (numbers as numbers, empty cells as null).
enum ResultsRows {
    static func rows(_ table: DataTable) -> [[String: Any]] {
        (0..<table.rowCount).map { row in
            var object: [String: Any] = [:]
            for column in table.columns {
                let text = column.cellText(row)
                if column.values.isMissing(row) || text.isEmpty { object[column.name] = NSNull() } else if let number = column.numbers?[row], number.isFinite {
                    object[column.name] = number
                } else { object[column.name] = text }
            }
            return object
        }
    }
}
