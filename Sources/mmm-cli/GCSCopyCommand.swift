import ArgumentParser
import Foundation
import MMMCloud
import MMMCore
import MMMJobs

/// `mmm-cli gcs cp`.
struct GCSCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cp",
        abstract: "Copy a file or object: local → gs://, gs:// → local, or gs:// → gs:// (server-side).",
        discussion: """
            A destination ending in '/' (or an existing local folder) receives the source's file name. With -r the \
            contents of the source folder or prefix are copied below the destination (like rsync SRC/ DST/). Uploads \
            and downloads are verified with CRC-32C/MD5; large files are streamed.
            Examples: mmm-cli gcs cp data.csv gs://my-bucket/datasets/de/   mmm-cli gcs cp -r gs://my-bucket/runs/r1 ./r1
            """
    )

    @Argument(help: "Source file, folder (with -r) or gs:// URI.")
    var source: String
    @Argument(help: "Destination file, folder or gs:// URI.")
    var destination: String
    @Flag(name: .shortAndLong, help: "Copy a folder or prefix and everything below it.")
    var recursive = false
    @OptionGroup var google: GoogleOptions
    @OptionGroup var global: GlobalOptions

    struct Copied: Encodable {
        var from: String
        var to: String
    }

    func run() async throws {
        let console = global.console
        let from = try StorageLocation.flag("SOURCE", source)
        let to = try StorageLocation.flag("DESTINATION", destination)
        if case .local = from, case .local = to { throw UsageError("both paths are local; use cp") }
        let pairs = try await plan(from, to, console)
        let services = google.services(console)
        let files = LocationFiles(cloud: services)
        let client = try await services.storage()
        for (source, target) in pairs {
            switch (source, target) {
            case (.local(let path), _):
                try await files.write(fileAt: URL(fileURLWithPath: path), to: target,
                                      contentType: LocationFiles.contentType(for: path))
            case (.gcs(let uri), .local(let path)):
                let url = URL(fileURLWithPath: path)
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                } catch {
                    throw FileWriteError(path: path, reason: "cannot create the folder")
                }
                try await client.download(uri, to: url)
            case (.gcs(let uri), .gcs(let destination)):
                try await client.copy(uri, to: destination, preconditions: try await LocationFiles.replacing(destination, client))
            }
            console.detail("\(source) → \(target)")
        }
        if console.json {
            try console.resultJSON(pairs.map { Copied(from: $0.0.description, to: $0.1.description) })
        } else {
            console.result("copied \(pairs.count) file\(pairs.count == 1 ? "" : "s")")
        }
    }

    /// Source and destination of every file to copy.
    private func plan(_ from: StorageLocation, _ to: StorageLocation, _ console: Console) async throws
        -> [(StorageLocation, StorageLocation)]
    {
        let sources = try await recursive ? folderContents(from, console) : [(from, from.fileName)]
        guard !sources.isEmpty else { throw UsageError("nothing to copy below \(from)") }
        if !recursive, try await isFolder(from, console) {
            throw UsageError("\(from) is a folder; add -r to copy what is below it")
        }
        let intoFolder = recursive || isFolderLike(to)
        return try sources.map { source, relative in
            (source, intoFolder ? try Self.appending(relative, to: to) : to)
        }
    }

    /// The files below a folder or prefix, with their paths relative to it.
    private func folderContents(_ location: StorageLocation, _ console: Console) async throws -> [(StorageLocation, String)] {
        switch location {
        case .local(let path):
            let root = URL(fileURLWithPath: path).standardizedFileURL
            guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            else { throw UsageError("\(path): no such folder") }
            var files: [(StorageLocation, String)] = []
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
                files.append((.local(url.path), relative))
            }
            return files.sorted { $0.1 < $1.1 }
        case .gcs(let uri):
            let client = try await google.services(console).storage()
            let prefix = uri.isPrefix ? uri.objectName : uri.objectName + "/"
            return try await GCSCommand.objects(under: uri, client).map { object in
                (.gcs(object.uri), String(object.uri.objectName.dropFirst(prefix.count)))
            }
        }
    }

    /// Whether a source names a folder (a local directory, or a gs:// prefix that holds objects but is no object).
    private func isFolder(_ location: StorageLocation, _ console: Console) async throws -> Bool {
        switch location {
        case .local(let path):
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        case .gcs(let uri):
            if uri.isPrefix { return true }
            let client = try await google.services(console).storage()
            if try await client.metadataIfExists(uri) != nil { return false }
            return try await !GCSCommand.objects(under: uri, client).isEmpty
        }
    }

    /// Whether a destination means "into this folder".
    private func isFolderLike(_ location: StorageLocation) -> Bool {
        switch location {
        case .local(let path):
            var isDirectory: ObjCBool = false
            return path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        case .gcs(let uri):
            return uri.isPrefix
        }
    }

    static func appending(_ relative: String, to folder: StorageLocation) throws -> StorageLocation {
        switch folder {
        case .local(let path): return .local(URL(fileURLWithPath: path).appendingPathComponent(relative).path)
        case .gcs(let uri): return .gcs(try uri.appending(relative))
        }
    }
}
