import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MMMCore
import MMMJobs

/// `/v1/runs…`: submit, list, status, artifacts, events, allocate, response.
enum RunsAPI {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        let runs = router.group("v1/runs")
        runs.post { request, context in try await submit(request, context: context, state: state) }
        runs.get { request, _ in try await list(request, state: state) }
        runs.get(":id") { _, context in try await status(try context.parameters.require("id"), state: state) }
        runs.get(":id/artifacts/**") { _, context in
            let name = context.parameters.getCatchAll().joined(separator: "/")
            return try await artifact(try context.parameters.require("id"), name: name, state: state)
        }
        runs.get(":id/events") { _, context in try await events(try context.parameters.require("id"), state: state) }
        runs.post(":id/allocate") { request, context in
            try RequestBodies.require(request, ["application/json"])
            let folder = try await state.folder(try context.parameters.require("id"))
            let body = try StrictJSON.decode(AllocateRequestBody.self, from: try await RequestBodies.collect(request, limit: 1 << 20))
            return JSONResponse.ok(try await state.decisions.allocate(folder: folder, body: body))
        }
        runs.post(":id/response") { request, context in
            try RequestBodies.require(request, ["application/json"])
            let folder = try await state.folder(try context.parameters.require("id"))
            let body = try StrictJSON.decode(ResponseRequestBody.self, from: try await RequestBodies.collect(request, limit: 1 << 20))
            return JSONResponse.ok(try await state.decisions.response(folder: folder, body: body))
        }
    }

    /// `POST /v1/runs`: multipart (`config` + `data` file) or JSON (`config` + `data_uri`) → 202.
    static func submit(_ request: Request, context: ServeContext, state: ServeState) async throws -> Response {
        try RequestBodies.require(request, ["multipart/form-data", "application/json"])
        let (id, staging) = try state.runs.newStaging()
        do {
            let submission = try await RunIntake.read(request, staging: staging, limit: state.configuration.maxUploadBytes)
            try submission.configBytes.write(to: staging.appendingPathComponent("job_config.json"))
            _ = try await state.runs.submit(submission, id: id, staging: staging)
            context.logger.info("run \(id) accepted from \(context.user?.email ?? "?")")
            return JSONResponse.make(
                .accepted, ["run_id": id, "status_url": "/v1/runs/\(id)", "events_url": "/v1/runs/\(id)/events"],
                location: "/v1/runs/\(id)")
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// `GET /v1/runs?country=&state=`: run history plus the runs still waiting for a worker.
    static func list(_ request: Request, state: ServeState) async throws -> Response {
        let country = request.uri.queryParameters.get("country")
        let wanted = request.uri.queryParameters.get("state")?.uppercased()
        let knownStates = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED", "INCOMPLETE"]
        if let wanted, !knownStates.contains(wanted) {
            throw APIError(.badRequest, "invalid_request", "state must be one of \(knownStates.joined(separator: ", "))", field: "state")
        }
        let listing = try await RunHistory(store: state.store).list(country: country)
        var rows: [[String: Any]] = []
        let encoded = try JSONSerialization.jsonObject(with: try StrictJSON.encode(listing.runs)) as? [[String: Any]] ?? []
        for row in encoded where wanted == nil || (row["state"] as? String) == wanted { rows.append(row) }
        for queued in await state.runs.queuedRuns() where wanted == nil || wanted == "QUEUED" {
            if let country, queued.country?.lowercased() != country.lowercased() { continue }
            if rows.contains(where: { $0["run_id"] as? String == queued.id }) { continue }
            rows.append(["run_id": queued.id, "path": queued.id, "state": "QUEUED", "country": queued.country ?? NSNull(),
                         "submitted_at": ISOTime.format(queued.submittedAt)])
        }
        return JSONResponse.make(.ok, ["runs": rows])
    }

    /// `GET /v1/runs/{id}`: the run's `status.json` (or the server's QUEUED status).
    static func status(_ id: String, state: ServeState) async throws -> Response {
        guard PathSegment.isSafe(id) else { throw APIError.notFound("no run '\(id.prefix(100))'") }
        if let folder = try await state.store.openRun(id: id), let data = try await folder.read("status.json") {
            return JSONResponse.ok(data)
        }
        if let pending = await state.runs.pendingStatus(id) { return JSONResponse.ok(pending) }
        throw APIError.notFound("no run '\(id)'")
    }

    /// `GET /v1/runs/{id}/artifacts/{name}`: a file of the run folder, served only when the folder lists that exact
    /// name (so `..`, encoded slashes or absolute paths can never reach another file).
    static func artifact(_ id: String, name: String, state: ServeState) async throws -> Response {
        let folder = try await state.folder(id)
        let names = try await folder.fileNames()
        guard !name.isEmpty, names.contains(name), let data = try await folder.read(name) else {
            throw APIError.notFound("run '\(id)' has no file '\(name.prefix(200))'")
        }
        var headers = HTTPFields()
        headers[.contentType] = ArtifactTypes.contentType(name)
        headers[.cacheControl] = "private, max-age=60"
        // Report pages are shown as documents of their own: no script, no outside loads, no access to the app.
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox"
        let download = name.split(separator: "/").last.map(String.init) ?? name
        if !ArtifactTypes.isInline(name) { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        if ArtifactTypes.contentType(name).hasPrefix("text/html") { headers[.frameOptions] = "SAMEORIGIN" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `GET /v1/runs/{id}/events`: Server-Sent Events — the state, progress and notes while it trains, then the
    /// final state; the stream then ends.
    static func events(_ id: String, state: ServeState) async throws -> Response {
        guard PathSegment.isSafe(id) else { throw APIError.notFound("no run '\(id.prefix(100))'") }
        let hub = await state.runs.hub(id)
        let folder = try await state.store.openRun(id: id)
        guard hub != nil || folder != nil else { throw APIError.notFound("no run '\(id)'") }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let store = state.store
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
            if let hub {
                for await event in hub.subscribe() { try await writer.write(ByteBuffer(string: event.frame)) }
            } else {
                try await RunEventPoller.follow(id: id, store: store) { event in try await writer.write(ByteBuffer(string: event.frame)) }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}

/// Follows a run this server did not start (another server, the queue, an older process) by reading its
/// `status.json` until it is terminal.
enum RunEventPoller {
    static func follow(id: String, store: any RunStore, interval: Duration = .seconds(2), send: (RunEvent) async throws -> Void)
        async throws
    {
        var last: Data?
        // Bounded: a day of polling, then the stream ends (the client reconnects if it still cares).
        for _ in 0..<43_200 {
            let data = try await store.openRun(id: id)?.read("status.json")
            if let data, data != last {
                last = data
                let terminal = (try? StrictJSON.decode(RunStatus.self, from: data))?.state.isTerminal ?? false
                try await send(.state(data))
                if terminal { return }
            }
            try await Task.sleep(for: interval)
        }
    }
}

/// JSON responses.
enum JSONResponse {
    static func ok(_ data: Data) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func make(_ status: HTTPResponse.Status, _ object: [String: Any], location: String? = nil) -> Response {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = ((try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data()) + Data("\n".utf8)
        var response = ok(data)
        response.status = status
        if let location { response.headers[.location] = location }
        return response
    }
}

/// Content types of run files.
enum ArtifactTypes {
    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "svg": "image/svg+xml"
        case "txt", "log": "text/plain; charset=utf-8"
        case "parquet": "application/vnd.apache.parquet"
        default: "application/octet-stream"
        }
    }

    static func isInline(_ name: String) -> Bool {
        ["json", "csv", "html", "svg", "txt", "log"].contains((name as NSString).pathExtension.lowercased())
    }
}
