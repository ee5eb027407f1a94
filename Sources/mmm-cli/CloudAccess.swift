import ArgumentParser
import Foundation
import MMMCloud
import MMMCore
import MMMJobs

/// The process's Google Cloud services, made once from the environment (credentials are discovered on first use,
/// so commands that never touch `gs://` or Secret Manager never look for them).
enum CloudAccess {
    private static let shared = Locked<GoogleCloudServices?>(nil)

    /// The shared services; the first caller's impersonation setting wins (one command per process).
    /// - Parameters:
    ///   - console: Receives the clients' request lines with --verbose (never tokens or payloads).
    ///   - impersonate: `--impersonate-service-account`, if the command has the flag.
    static func services(_ console: Console, impersonate: String? = nil) -> GoogleCloudServices {
        shared.withLock { current in
            if let current { return current }
            var client = GoogleClientOptions(userAgent: "mmm-trainer/\(MMMVersion.current)")
            client.log = { line in console.detail(line) }
            let options = GoogleCredentialsOptions(impersonateServiceAccount: impersonate, client: client)
            let services = GoogleCloudServices(environment: .current(), options: options)
            current = services
            return services
        }
    }

    /// Files at local paths or `gs://` locations.
    static func files(_ console: Console) -> LocationFiles { LocationFiles(cloud: services(console)) }
}

/// Google Cloud flags of the `gcs`, `secrets` and `runs` commands.
struct GoogleOptions: ParsableArguments {
    @Option(help: "Service account to impersonate (or a,b,target delegation chain); default: $GOOGLE_IMPERSONATE_SERVICE_ACCOUNT.")
    var impersonateServiceAccount: String?

    /// The shared services with these flags.
    func services(_ console: Console) -> GoogleCloudServices {
        CloudAccess.services(console, impersonate: impersonateServiceAccount)
    }
}

extension StorageLocation {
    /// Parses a flag's value, naming the flag in the error.
    static func flag(_ flag: String, _ text: String) throws -> StorageLocation {
        do {
            return try StorageLocation(text)
        } catch {
            throw UsageError("\(flag): \(error)")
        }
    }
}
