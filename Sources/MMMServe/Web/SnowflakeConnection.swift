import Foundation
import HTTPTypes
import MMMCore
import MMMJobs
import MMMTransport

/// A Snowflake connection as the pages keep it: the settings of a user's last successful test on `/connect`, in
/// `<work>/connections/<SHA-256 of the email>.json`. Never the private key itself — only the name of the Secret
/// Manager secret that holds it, when there is one.
struct SnowflakeConnection: Codable, Sendable, Equatable {
    var account = ""
    var user = ""
    var warehouse = ""
    var database = ""
    var schema = ""
    var role = ""
    /// `projects/P/secrets/NAME[/versions/V]` holding the PEM key, or empty.
    var keySecret = ""

    enum CodingKeys: String, CodingKey {
        case account, user, warehouse, database, schema, role
        case keySecret = "key_secret"
    }

    /// The form fields of a connection, in page order.
    static let fields: [(name: String, label: String, help: String?)] = [
        ("account", "Account", "ORG-ACCOUNT or an account locator"), ("user", "User", nil), ("warehouse", "Warehouse", nil),
        ("database", "Database", nil), ("schema", "Schema", nil), ("role", "Role", "optional"),
    ]

    init() {}

    /// The connection a form describes (`key_secret` included); values are trimmed.
    init(form value: (String) -> String?) {
        func get(_ name: String) -> String { value(name)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        self.init()
        account = get("account")
        user = get("user")
        warehouse = get("warehouse")
        database = get("database")
        schema = get("schema")
        role = get("role")
        keySecret = get("key_secret")
    }

    /// A field's value by its form name.
    subscript(field: String) -> String {
        switch field {
        case "account": account
        case "user": user
        case "warehouse": warehouse
        case "database": database
        case "schema": schema
        case "role": role
        case "key_secret": keySecret
        default: ""
        }
    }

    /// The `mmm-cli snowflake …` connection flags (the key flag is added by ``SnowflakeWorker``).
    var flags: [String] {
        Self.fields.flatMap { field in self[field.name].isEmpty ? [] : ["--\(field.name)", self[field.name]] }
    }

    /// The labelled inputs of the connection (no key inputs).
    var formFields: String {
        Self.fields.map { HTML.field($0.label, name: $0.name, value: self[$0.name], help: $0.help) }.joined()
    }

    private static func file(for email: String, state: ServeState) -> URL {
        let name = SHA256Digest.hash(Data(email.lowercased().utf8)).map { String(format: "%02x", $0) }.joined()
        return URL(fileURLWithPath: state.configuration.workDirectory).appendingPathComponent("connections")
            .appendingPathComponent(name + ".json")
    }

    /// The connection `user` saved last, if any.
    static func saved(for user: SignedInUser?, state: ServeState) -> SnowflakeConnection? {
        guard let email = user?.email, let data = FileManager.default.contents(atPath: file(for: email, state: state).path) else { return nil }
        return try? JSONDecoder().decode(SnowflakeConnection.self, from: data)
    }

    /// Saves the connection for `user` (no key material is part of it).
    /// - Throws: when the file cannot be written.
    func save(for user: SignedInUser?, state: ServeState) throws {
        guard let email = user?.email else { return }
        let target = Self.file(for: email, state: state)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try StrictJSON.encode(self).write(to: target, options: .atomic)
    }
}

/// Runs `mmm-cli snowflake …` in a worker process for the pages: the uploaded private key goes through a 0600 file
/// next to the form (deleted as soon as the worker ends), never through argv, and never back into a page.
enum SnowflakeWorker {
    /// The key flags for a form: an uploaded key file, else the connection's Secret Manager secret.
    /// - Returns: the flags and the temporary key file to delete (nil for a secret), or nil when neither is given.
    /// - Throws: when the key cannot be written.
    static func keyArguments(_ upload: WebForms.Upload, connection: SnowflakeConnection) throws -> (flags: [String], file: URL?)? {
        if let part = upload.form.part("key"), !part.range.isEmpty {
            let keyFile = upload.file.deletingLastPathComponent().appendingPathComponent("key.p8")
            guard FileManager.default.createFile(atPath: keyFile.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw APIError(.internalServerError, "internal", "the private key could not be staged")
            }
            try upload.form.bytes(of: part).write(to: keyFile)
            return (["--private-key-file", keyFile.path], keyFile)
        }
        if !connection.keySecret.isEmpty { return (["--private-key-secret", connection.keySecret], nil) }
        return nil
    }

    /// Runs `mmm-cli` with `arguments`; returns its exit status and its non-empty output lines.
    static func run(_ arguments: [String], state: ServeState) async -> (status: Int32, lines: [String]) {
        let lines = Locked<[String]>([])
        let status =
            (try? await ChildProcess.run(
                state.configuration.workerExecutable, arguments, environment: state.configuration.workerEnvironment, grace: 5
            ) { _, line in
                if !line.isEmpty { lines.withLock { $0.append(line) } }
            }) ?? 1
        return (status, lines.withLock { $0 })
    }
}
