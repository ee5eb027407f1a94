import Foundation
import Hummingbird
import MMMCore

/// The Data page's Snowflake form: read a table (`DB.SCHEMA.TABLE`) or a SQL query with `mmm-cli snowflake query`
/// in a worker process, using the connection remembered from `/connect` (or the one given in the form), and store
/// the rows as a dataset — then the same column typing preview and role mapping as an upload.
enum SnowflakeData {
    /// The form, prefilled from the user's saved connection (and from `values` after a failed attempt).
    static func form(context: ServeContext, state: ServeState, connection given: SnowflakeConnection? = nil, table: String = "",
                     sql: String = "", limit: String = "") -> String {
        let saved = SnowflakeConnection.saved(for: context.user, state: state)
        let connection = given ?? saved ?? .init()
        let remembered = !connection.account.isEmpty && connection == saved
        return """
            <form method="post" action="/data" enctype="multipart/form-data" aria-labelledby="sf-data-h">
            <h2 id="sf-data-h">Or read from Snowflake</h2>
            \(HTML.csrf(context.user?.csrfToken))
            <input type="hidden" name="source" value="snowflake">
            \(HTML.field("Table", name: "table", value: table, help: "DB.SCHEMA.TABLE; or leave it empty and give a query below"))
            <div class="field"><label for="f-sql">SQL query</label><textarea id="f-sql" name="sql" aria-describedby="f-sql-help">\(HTML.escape(sql))</textarea>
            <p class="help" id="f-sql-help">One SELECT; used when no table is given.</p></div>
            \(HTML.field("Row limit", name: "limit", value: limit, type: "number", help: "optional", attributes: "min=\"1\""))
            <fieldset><legend>Connection</legend>
            <p>\(remembered ? "From your last successful test on <a href=\"/connect\">Connect</a>." : "Test it on <a href=\"/connect\">Connect</a> to have it filled in here.")</p>
            \(connection.formFields)
            \(HTML.field("Private key file", name: "key", type: "file", help: "Needed unless the key is in Secret Manager; used for this read only, never stored or shown.", attributes: "accept=\".p8,.pem,.key\""))
            \(HTML.field("Or: key in Secret Manager", name: "key_secret", value: connection.keySecret, help: "projects/P/secrets/NAME[/versions/V]"))
            </fieldset>
            <button type="submit" class="primary">Read and inspect</button></form>
            """
    }

    /// Reads the table or query and redirects to its mapping page; a failure shows the Data page with the reason.
    static func read(_ upload: WebForms.Upload, context: ServeContext, state: ServeState) async throws -> Response {
        let connection = SnowflakeConnection(form: upload.text)
        func field(_ name: String) -> String { upload.text(name)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        let (table, sql, limit) = (field("table"), field("sql"), field("limit"))
        func failed(_ message: String) -> Response {
            let again = form(context: context, state: state, connection: connection, table: table, sql: sql, limit: limit)
            return DataPages.list(context: context, state: state, snowflake: again, error: message)
        }
        let folder = upload.file.deletingLastPathComponent()
        var arguments = ["snowflake", "query", "--format", "csv", "--output", folder.appendingPathComponent("snowflake.csv").path]
        switch (table.isEmpty, sql.isEmpty) {
        case (false, true): arguments += ["--table", table]
        case (true, false):
            // A file, not argv: queries can be long.
            try Data(sql.utf8).write(to: folder.appendingPathComponent("query.sql"))
            arguments += ["--sql-file", folder.appendingPathComponent("query.sql").path]
        default: return failed("give either a table or a SQL query")
        }
        if !limit.isEmpty {
            guard let rows = Int(limit), rows >= 1 else { return failed("the row limit must be a whole number of at least 1") }
            arguments += ["--limit", String(rows)]
        }
        guard let key = try SnowflakeWorker.keyArguments(upload, connection: connection) else {
            return failed("give the private key file, or the Secret Manager secret that holds it")
        }
        defer { key.file.map { try? FileManager.default.removeItem(at: $0) } }
        let (status, lines) = await SnowflakeWorker.run(arguments + connection.flags + key.flags, state: state)
        guard status == 0, let data = FileManager.default.contents(atPath: folder.appendingPathComponent("snowflake.csv").path) else {
            return failed("Snowflake: " + (lines.suffix(3).joined(separator: " ").nilIfEmpty ?? "exit \(status)"))
        }
        let name = table.isEmpty ? "Snowflake query" : "Snowflake table \(table)"
        do {
            let (id, _) = try state.datasets.add(csv: data, name: name)
            return AuthMiddleware.redirect(to: "/data/\(id)")
        } catch let error as DataError {
            return failed("\(name): \(error)")
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
