import Foundation
import HTTPTypes
import Hummingbird
import MMMCore

/// `/connect`: test a Snowflake connection (key-pair authentication), optionally save the key in Secret Manager,
/// and remember the connection's settings (never the key) for the Data page's Snowflake form.
enum ConnectPage {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("connect") { _, context in
            page(context: context, result: nil, connection: SnowflakeConnection.saved(for: context.user, state: state) ?? .init())
        }
        router.post("connect") { request, context in try await connect(request, context: context, state: state) }
    }

    /// An outcome paragraph: a text label ("Connected" / "Error:") as well as the colour.
    static func outcome(_ result: (ok: Bool, text: String)?) -> String {
        guard let result else { return "" }
        return result.ok
            ? "<p class=\"ok\" role=\"status\"><strong>Connected:</strong> \(HTML.escape(result.text))</p>"
            : "<p class=\"error\" role=\"alert\">\(HTML.escape(result.text))</p>"
    }

    static func page(context: ServeContext, result: (ok: Bool, text: String)?, connection: SnowflakeConnection, saveSecret: String = "")
        -> Response
    {
        let body = """
            \(outcome(result))
            <form method="post" action="/connect" enctype="multipart/form-data" aria-labelledby="sf-h">
            <h2 id="sf-h">Snowflake (key-pair authentication)</h2>
            \(HTML.csrf(context.user?.csrfToken))
            \(connection.formFields)
            \(HTML.field("Private key file", name: "key", type: "file", help: "PEM (PKCS#8). It is used for this test and, if you name a secret below, stored in Secret Manager; it is never shown again.", attributes: "accept=\".p8,.pem,.key\""))
            \(HTML.field("Or: key already in Secret Manager", name: "key_secret", value: connection.keySecret, help: "projects/P/secrets/NAME[/versions/V]"))
            \(HTML.field("Save the uploaded key as secret", name: "save_secret", value: saveSecret, help: "A secret name (in the default project) or projects/P/secrets/NAME; empty: not saved"))
            <p>A successful test remembers these settings (not the key) for <a href="/data">the Data page</a>.</p>
            <button type="submit" class="primary">Test the connection</button></form>
            """
        return Pages.page("Connect", current: "/connect", user: context.user, body: body, status: result?.ok == false ? .badRequest : .ok)
    }

    /// Tests the connection with `mmm-cli snowflake test-connection` in a worker process and saves the key with
    /// `mmm-cli secrets save-key` when asked; a success remembers the settings.
    static func connect(_ request: Request, context: ServeContext, state: ServeState) async throws -> Response {
        let upload = try await WebForms.multipart(request, state: state)
        defer { upload.cleanup() }
        try WebForms.checkCSRF(upload.text("csrf"), context: context, state: state)
        var connection = SnowflakeConnection(form: upload.text)
        let save = upload.text("save_secret")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let key = try SnowflakeWorker.keyArguments(upload, connection: connection) else {
            return page(context: context, result: (false, "give a private key file or a Secret Manager secret"), connection: connection, saveSecret: save)
        }
        defer { key.file.map { try? FileManager.default.removeItem(at: $0) } }
        var (status, lines) = await SnowflakeWorker.run(["snowflake", "test-connection"] + connection.flags + key.flags, state: state)
        var text = lines.suffix(8).joined(separator: " ")
        if status == 0, !save.isEmpty, let keyFile = key.file {
            let (saved, saveLines) = await SnowflakeWorker.run(["secrets", "save-key", "--secret", save, "--key-file", keyFile.path], state: state)
            // "saved the key as version V of projects/P/secrets/NAME": remember the full name (its latest version).
            let resource = saveLines.lazy.compactMap { $0.firstMatch(of: /^saved the key as version \S+ of (projects\/[^\/\s]+\/secrets\/[^\/\s]+)$/)?.1 }
                .first.map(String.init)
            status = saved == 0 && resource != nil ? 0 : (saved == 0 ? 1 : saved)
            text += status == 0 ? " The key is saved in Secret Manager as \(resource ?? save)." : " Saving the key failed: " + saveLines.suffix(2).joined(separator: " ")
            if let resource, status == 0 { connection.keySecret = resource }
        }
        if status == 0 {
            // An uploaded key that was not saved is not remembered: the Data page then asks for it again.
            if key.file != nil, save.isEmpty { connection.keySecret = "" }
            try connection.save(for: context.user, state: state)
        }
        return page(context: context, result: (status == 0, text.isEmpty ? "exit \(status)" : text), connection: connection, saveSecret: save)
    }
}
