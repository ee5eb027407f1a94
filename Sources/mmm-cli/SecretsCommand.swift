import ArgumentParser
import Foundation
import MMMCloud
import MMMJobs

/// `mmm-cli secrets …`: the Snowflake private key in Google Secret Manager.
struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Save, load and clear the Snowflake private key in Google Secret Manager.",
        discussion: """
            The key never appears in argv, logs or error messages. Snowflake commands read a saved key with \
            --private-key-secret projects/P/secrets/NAME (kept in memory only).
            Credentials: Google Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud auth \
            application-default login, or the metadata server on Cloud Run); see docs/cloud.md.
            """,
        subcommands: [SecretsSaveKeyCommand.self, SecretsLoadKeyCommand.self, SecretsClearKeyCommand.self]
    )
}

/// `--secret` and `--project`.
struct SecretNameOptions: ParsableArguments {
    @Option(help: "The secret: a name (with --project or the default project) or projects/P/secrets/NAME.")
    var secret: String

    @Option(help: "Google Cloud project (default: GOOGLE_CLOUD_PROJECT, the credentials' or gcloud's project).")
    var project: String?

    @OptionGroup var google: GoogleOptions

    /// The secret's full name; the default project is looked up only when needed.
    func name(_ services: GoogleCloudServices) async throws -> SecretName {
        if secret.hasPrefix("projects/") {
            let name = try SecretName(resourceName: secret)
            if let project, project != name.project {
                throw UsageError("--project \(project) contradicts --secret \(secret); give one of them")
            }
            return name
        }
        var project = self.project
        if project == nil { project = try await services.projectID() }
        guard let project else {
            throw UsageError("no Google Cloud project: pass --project, set GOOGLE_CLOUD_PROJECT, or give --secret projects/P/secrets/\(secret)")
        }
        return try SecretName(project: project, secret: secret)
    }
}
