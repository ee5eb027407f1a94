import ArgumentParser
import Foundation
import MMMCloud
import MMMCore
import MMMJobs

/// `mmm-cli gcs …`: Cloud Storage for users without gcloud.
struct GCSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gcs",
        abstract: "List, copy, print and remove Cloud Storage objects (for machines without gcloud).",
        discussion: """
            Credentials: Google Application Default Credentials; STORAGE_EMULATOR_HOST points every command at an \
            emulator (no credentials). Uploads are checksum-verified and replace exactly the object they saw.
            """,
        subcommands: [GCSListCommand.self, GCSCopyCommand.self, GCSCatCommand.self, GCSRemoveCommand.self]
    )

    /// Parses a `gs://` argument.
    static func uri(_ text: String, _ what: String) throws -> GCSURI {
        guard case .gcs(let uri) = try StorageLocation.flag(what, text) else {
            throw UsageError("\(what) '\(text)' is not a gs://bucket/path URI")
        }
        return uri
    }

    /// Every object below a prefix (recursively), without folder placeholder objects (`name/`).
    static func objects(under prefix: GCSURI, _ client: GCSClient) async throws -> [GCSObject] {
        let folder = prefix.isPrefix ? prefix : try GCSURI(bucket: prefix.bucket, objectName: prefix.objectName + "/")
        return try await client.list(folder).objects.filter { !$0.uri.objectName.hasSuffix("/") }
    }
}

/// `mmm-cli gcs ls`.
struct GCSListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List objects and folders under a gs:// prefix.",
        discussion: "Example: mmm-cli gcs ls -l gs://my-bucket/robyn/"
    )

    @Argument(help: "gs://bucket[/prefix].")
    var uri: String
    @Flag(name: .shortAndLong, help: "Every object below the prefix, not just one level.")
    var recursive = false
    @Flag(name: [.customShort("l"), .long], help: "Sizes and update times too.")
    var long = false
    @OptionGroup var google: GoogleOptions
    @OptionGroup var global: GlobalOptions

    struct Entry: Encodable {
        var uri: String
        var size: Int64?
        var updated: String?
        var generation: String?
    }

    func run() async throws {
        let console = global.console
        let target = try GCSCommand.uri(uri, "URI")
        let client = try await google.services(console).storage()
        var entries: [Entry] = []
        if !target.isPrefix, let object = try await client.metadataIfExists(target) {
            entries = [entry(object)]
        } else {
            let folder = target.isPrefix ? target : try GCSURI(bucket: target.bucket, objectName: target.objectName + "/")
            let listing = try await client.list(folder, delimiter: recursive ? nil : "/")
            entries = listing.objects.filter { $0.uri != folder }.map(entry)
                + listing.prefixes.map { Entry(uri: "gs://\(folder.bucket)/\($0)") }
            entries.sort { $0.uri < $1.uri }
            if entries.isEmpty && !target.isPrefix {
                throw GoogleCloudError(kind: .notFound, service: "Cloud Storage", operation: "list \(target)",
                                       message: "no such object or folder")
            }
        }
        if console.json {
            try console.resultJSON(entries)
        } else if long {
            console.result(entries.map { e in
                let size = e.size.map(String.init) ?? ""
                return String(repeating: " ", count: max(0, 12 - size.count)) + size + "  " + (e.updated ?? "").padding(
                    toLength: 20, withPad: " ", startingAt: 0) + "  " + e.uri
            }.joined(separator: "\n"))
        } else if !entries.isEmpty {
            console.result(entries.map(\.uri).joined(separator: "\n"))
        }
    }

    private func entry(_ object: GCSObject) -> Entry {
        Entry(uri: object.uri.description, size: object.size, updated: object.updated.map(ISOTime.format),
              generation: String(object.generation))
    }
}

/// `mmm-cli gcs cat`.
struct GCSCatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Print an object on stdout (downloaded and checksum-verified first).",
        discussion: "Example: mmm-cli gcs cat gs://my-bucket/runs/r1/status.json"
    )

    @Argument(help: "gs://bucket/object.")
    var uri: String
    @OptionGroup var google: GoogleOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let target = try GCSCommand.uri(uri, "URI")
        let client = try await google.services(console).storage()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-gcs-cat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("object")
        try await client.download(target, to: file)
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw FileWriteError(path: file.path, reason: "the downloaded file cannot be read")
        }
        defer { try? handle.close() }
        // Bounded: the file has a known size; each chunk is at most 1 MiB.
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            FileHandle.standardOutput.write(chunk)
        }
    }
}

/// `mmm-cli gcs rm`.
struct GCSRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Delete an object, or with -r every object below a prefix.",
        discussion: "Example: mmm-cli gcs rm -r gs://my-bucket/runs/old-run/"
    )

    @Argument(help: "gs://bucket/object (or a prefix with -r).")
    var uri: String
    @Flag(name: .shortAndLong, help: "Delete every object below the prefix.")
    var recursive = false
    @OptionGroup var google: GoogleOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let target = try GCSCommand.uri(uri, "URI")
        let client = try await google.services(console).storage()
        var removed: [String] = []
        if recursive {
            guard !target.objectName.isEmpty else {
                throw UsageError("refusing to delete a whole bucket; name a prefix, e.g. gs://\(target.bucket)/runs/")
            }
            for object in try await GCSCommand.objects(under: target, client) {
                if try await client.deleteIfExists(object.uri) { removed.append(object.uri.description) }
            }
            if removed.isEmpty, !target.isPrefix, try await client.deleteIfExists(target) { removed.append(target.description) }
        } else {
            guard !target.isPrefix else { throw UsageError("\(target) is a folder; add -r to delete what is below it") }
            try await client.delete(target)
            removed.append(target.description)
        }
        if console.json {
            try console.resultJSON(["removed": removed])
        } else {
            console.result("removed \(removed.count) object\(removed.count == 1 ? "" : "s")")
        }
    }
}
