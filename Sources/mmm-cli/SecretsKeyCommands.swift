import ArgumentParser
import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMTransport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `mmm-cli secrets save-key`.
struct SecretsSaveKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save-key",
        abstract: "Store a PEM private key as a new version of a secret (the secret is created when missing).",
        discussion: "Example: mmm-cli secrets save-key --secret sf-private-key-persistent --key-file rsa_key.p8 --project my-project"
    )

    @OptionGroup var name: SecretNameOptions

    @Option(help: "The PEM private key file (PKCS#8, PKCS#1 or encrypted PKCS#8).")
    var keyFile: String

    @OptionGroup var global: GlobalOptions

    struct Result: Encodable {
        var secret: String
        var version: String
    }

    func run() async throws {
        let console = global.console
        let pem = try PrivateKeyText.read(keyFile)
        let services = name.google.services(console)
        let secret = try await name.name(services)
        let client = try await services.secretManager()
        do {
            try await client.createSecret(secret, labels: ["created-by": "mmm-trainer"])
            console.info("created secret \(secret)")
        } catch let error as GoogleCloudError where error.kind == .alreadyExists {
            console.detail("secret \(secret) exists; adding a version")
        }
        let version = try await client.addVersion(to: secret, payload: pem)
        if console.json {
            try console.resultJSON(Result(secret: secret.resourceName, version: version.version))
        } else {
            console.result("saved the key as version \(version.version) of \(secret.resourceName)")
        }
    }
}

/// `mmm-cli secrets load-key`.
struct SecretsLoadKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-key",
        abstract: "Write a saved private key to a file readable only by you (mode 0600).",
        discussion: """
            The key goes to --output FILE; it is printed only with --stdout.
            Example: mmm-cli secrets load-key --secret projects/my-project/secrets/sf-private-key-persistent --output ~/.snowflake/rsa_key.p8
            """
    )

    @OptionGroup var name: SecretNameOptions

    @Option(help: "Secret version to read.")
    var secretVersion = "latest"

    @Option(help: "File to write (replaced atomically, mode 0600).")
    var output: String?

    @Flag(help: "Print the key on stdout instead (it then shows in your terminal and scrollback).")
    var stdout = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (output != nil) != stdout else { throw ValidationError("give exactly one of --output FILE and --stdout") }
        if stdout && global.json { throw ValidationError("--stdout prints the PEM text; it does not combine with --json") }
    }

    func run() async throws {
        let console = global.console
        let services = name.google.services(console)
        let secret = try await name.name(services)
        let resource = try SecretVersionName(secret: secret, version: secretVersion).resourceName
        let pem = try await services.secretManager().privateKeyPEM(resourceName: resource)
        guard let output else {
            FileHandle.standardOutput.write(Data(pem.bytes))
            return
        }
        try PrivateKeyText.write(pem, to: output)
        if console.json {
            try console.resultJSON(["secret": resource, "output": output])
        } else {
            console.result("wrote the key from \(resource) to \(output) (mode 0600)")
        }
    }
}

/// `mmm-cli secrets clear-key`.
struct SecretsClearKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear-key",
        abstract: "Delete the secret and every version of the key (as the previous app's \"Clear Saved Key\").",
        discussion: "Example: mmm-cli secrets clear-key --secret sf-private-key-persistent --project my-project"
    )

    @OptionGroup var name: SecretNameOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let services = name.google.services(console)
        let secret = try await name.name(services)
        try await services.secretManager().deleteSecret(secret)
        if console.json {
            try console.resultJSON(["deleted": secret.resourceName])
        } else {
            console.result("deleted \(secret.resourceName)")
        }
    }
}

/// Reading and writing PEM key text without ever echoing it.
enum PrivateKeyText {
    /// Reads a key file and checks that it holds a usable private key (an encrypted one is kept encrypted).
    /// - Throws: ``UsageError`` naming the file and what is wrong, never its content.
    static func read(_ path: String) throws -> SecretValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("--key-file \(path): no such file or not readable")
        }
        guard data.count <= SecretManagerClient.maximumPayloadSize else {
            throw UsageError("--key-file \(path): \(data.count) bytes is too large for a key (Secret Manager holds 64 KiB)")
        }
        do {
            _ = try RSAPrivateKey(pem: data, source: path, passphrase: { nil })
        } catch let error as PrivateKeyError where error.kind == .passphraseRequired {
            // Encrypted: stored as is; Snowflake commands ask for the passphrase when they use it.
        } catch let error as PrivateKeyError {
            throw UsageError("--key-file: \(error.description)")
        }
        return SecretValue(bytes: Array(data))
    }

    /// Writes key text to `path` atomically, readable and writable by the owner only: a new temporary file is
    /// created with mode 0600 (never wider, not even for a moment) and renamed over the destination.
    /// - Throws: ``FileWriteError``.
    static func write(_ pem: SecretValue, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        let written = pem.bytes.withUnsafeBytes { buffer in posixWrite(fd, buffer.baseAddress, buffer.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == pem.bytes.count, synced, rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// `write(2)` (the name is taken by ``write(_:to:)`` here).
    private static func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, bytes, count)
        #else
            Darwin.write(fd, bytes, count)
        #endif
    }
}
