import Foundation
import HTTPTypes
import Hummingbird
import MMMCore

/// `/data`: upload a CSV, see how each column was typed, map columns to roles (guessed by name), save the mapping as
/// `selected_columns.json` and go on to `/run`.
enum DataPages {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("data") { _, context in list(context: context, state: state, snowflake: SnowflakeData.form(context: context, state: state)) }
        router.post("data") { request, context in try await upload(request, context: context, state: state) }
        router.get("data/:id") { _, context in
            try mapping(try context.parameters.require("id"), context: context, state: state, error: nil, roles: nil)
        }
        router.post("data/:id") { request, context in try await saveMapping(request, context: context, state: state) }
    }

    /// The Data page; `snowflake` is the Snowflake form (``SnowflakeData``), `error` a message above the forms.
    static func list(context: ServeContext, state: ServeState, snowflake: String, error: String? = nil) -> Response {
        let rows = state.datasets.ids().prefix(50).map { id in
            let source = state.datasets.inspection(id)?.source ?? ""
            let mapped = state.datasets.selection(id) != nil
            return "<li><a href=\"/data/\(HTML.urlComponent(id))\">\(HTML.escape(source))</a> (\(HTML.escape(id)))\(mapped ? " — mapped; <a href=\"/run?dataset=\(HTML.urlComponent(id))\">configure a run</a>" : "")</li>"
        }
        let body = """
            \(error.map { "<p class=\"error\" role=\"alert\" id=\"form-error\" tabindex=\"-1\">\(HTML.escape($0))</p>" } ?? "")
            <form method="post" action="/data" enctype="multipart/form-data" aria-labelledby="upload-h">
            <h2 id="upload-h">Upload a table</h2>
            \(HTML.csrf(context.user?.csrfToken))
            \(HTML.field("CSV file", name: "data", type: "file", help: "One row per date; the columns are the goal, spends, media and context.", required: true, attributes: "accept=\".csv,text/csv\""))
            <button type="submit" class="primary">Upload and inspect</button></form>
            \(snowflake)
            <h2>Tables</h2>\(rows.isEmpty ? "<p>None yet.</p>" : "<ul>\(rows.joined())</ul>")
            """
        return Pages.page("Data", current: "/data", user: context.user, body: body, status: error == nil ? .ok : .badRequest)
    }

    static func upload(_ request: Request, context: ServeContext, state: ServeState) async throws -> Response {
        let form = try await WebForms.multipart(request, state: state)
        defer { form.cleanup() }
        try WebForms.checkCSRF(form.text("csrf"), context: context, state: state)
        if form.text("source") == "snowflake" { return try await SnowflakeData.read(form, context: context, state: state) }
        guard let part = form.form.part("data"), !part.range.isEmpty else {
            throw APIError(.badRequest, "invalid_request", "choose a CSV file to upload", field: "data")
        }
        let (id, _) = try state.datasets.add(csv: form.form.bytes(of: part), name: part.filename ?? "upload.csv")
        return AuthMiddleware.redirect(to: "/data/\(id)")
    }

    static func mapping(_ id: String, context: ServeContext, state: ServeState, error: ConfigError?, roles: [String: RoleMapper.Guess]?,
                        country: String = "") throws -> Response {
        guard let inspection = state.datasets.inspection(id) else { throw APIError.notFound("no dataset '\(id.prefix(100))'") }
        let guesses = roles ?? RoleMapper.guess(inspection)
        let spends = inspection.columns.map(\.name).filter { guesses[$0]?.role == .spend }
        let roleOptions = RoleMapper.Role.allCases.map { ($0.rawValue, $0.label) }
        let rows = inspection.columns.enumerated().map { index, column -> String in
            let guess = guesses[column.name] ?? .init(role: .ignore)
            let roleID = "role-\(index)"
            let spendID = "spend-\(index)"
            let options = roleOptions.map { "<option value=\"\($0.0)\"\($0.0 == guess.role.rawValue ? " selected" : "")>\(HTML.escape($0.1))</option>" }.joined()
            let spendOptions = ([("", "—")] + spends.map { ($0, $0) }).map {
                "<option value=\"\(HTML.escape($0.0))\"\($0.0 == (guess.spend ?? "") ? " selected" : "")>\(HTML.escape($0.1))</option>"
            }.joined()
            let range = column.min.map { min in "\(RunPages.format(min)) – \(RunPages.format(column.max))" } ?? ""
            return """
                <tr><th scope="row">\(HTML.escape(column.name))</th><td>\(column.type.rawValue)</td><td class="num">\(column.missing)</td>
                <td class="num">\(column.distinct)</td><td class="num">\(HTML.escape(range))</td>
                <td><label class="visually-hidden" for="\(roleID)">Role of \(HTML.escape(column.name))</label>
                <select id="\(roleID)" name="role.\(HTML.escape(column.name))">\(options)</select></td>
                <td><label class="visually-hidden" for="\(spendID)">Spend measured by \(HTML.escape(column.name))</label>
                <select id="\(spendID)" name="spend.\(HTML.escape(column.name))">\(spendOptions)</select></td></tr>
                """
        }.joined()
        let findings = inspection.findings.map { "<li>\(HTML.escape($0))</li>" }.joined()
        let errorBlock = error.map { "<p class=\"error\" role=\"alert\" id=\"form-error\" tabindex=\"-1\">\(HTML.escape($0.message))</p>" } ?? ""
        let body = """
            <p>\(HTML.escape(inspection.source)): \(inspection.rows) rows\(inspection.dateColumn.map { ", dates in \(HTML.escape($0))" } ?? "")\
            \(inspection.cadence.map { ", \(HTML.escape($0))" } ?? "")\(inspection.firstDate.map { " from \($0)" } ?? "")\(inspection.lastDate.map { " to \($0)" } ?? "").</p>
            \(findings.isEmpty ? "" : "<h2>Worth fixing</h2><ul>\(findings)</ul>")
            \(errorBlock)
            <form method="post" action="/data/\(HTML.urlComponent(id))" aria-labelledby="map-h">
            \(HTML.csrf(context.user?.csrfToken))
            <h2 id="map-h">Columns and their roles</h2>
            <p>Roles were guessed from the names (spend columns end in _S, _COST or _SPEND; an exposure column shares its \
            spend's prefix). Correct them, then save.</p>
            \(HTML.field("Country (ISO-2)", name: "country", value: country, help: "e.g. de; selects the holidays", required: true, attributes: "maxlength=\"2\" pattern=\"[A-Za-z]{2}\""))
            <div class="table-wrap"><table class="roles"><caption>Column typing preview and roles</caption>
            <thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Missing</th><th scope="col">Distinct</th>
            <th scope="col">Range</th><th scope="col">Role</th><th scope="col">Spend it measures (exposure only)</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <button type="submit" class="primary">Save as selected_columns.json and configure a run</button></form>
            """
        return Pages.page("Map the columns", current: "/data", user: context.user, body: body, status: error == nil ? .ok : .badRequest)
    }

    static func saveMapping(_ request: Request, context: ServeContext, state: ServeState) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let inspection = state.datasets.inspection(id) else { throw APIError.notFound("no dataset '\(id.prefix(100))'") }
        let form = try await FormBody.read(request)
        try WebForms.checkCSRF(form["csrf"], context: context, state: state)
        var roles: [String: RoleMapper.Guess] = [:]
        for column in inspection.columns {
            let role = form["role.\(column.name)"].flatMap(RoleMapper.Role.init(rawValue:)) ?? .ignore
            let spend = form["spend.\(column.name)"].flatMap { $0.isEmpty ? nil : $0 }
            roles[column.name] = .init(role: role, spend: spend)
        }
        let country = (form["country"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            guard country.count == 2, country.allSatisfy(\.isLetter) else { throw ConfigError(path: "country", "give the country as two letters, e.g. de") }
            let selection = try RoleMapper.selection(roles: roles, columns: inspection.columns.map(\.name), country: country)
            _ = try JobConfig.from(selection)
            try state.datasets.save(selection, for: id)
        } catch let error as ConfigError {
            return try mapping(id, context: context, state: state, error: error, roles: roles, country: country)
        }
        return AuthMiddleware.redirect(to: "/run?dataset=\(HTML.urlComponent(id))")
    }
}
