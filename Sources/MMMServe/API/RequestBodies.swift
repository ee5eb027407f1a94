import Foundation
import HTTPTypes
import Hummingbird

/// Reading request bodies within the server's size limit, and checking their media type.
enum RequestBodies {
    /// The media type of a request, lower-cased, without parameters.
    static func mediaType(_ request: Request) -> String {
        (request.headers[.contentType] ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
    }

    /// 415 unless the request's media type is one of `allowed`.
    static func require(_ request: Request, _ allowed: [String]) throws {
        let type = mediaType(request)
        guard allowed.contains(type) else {
            throw APIError(
                .unsupportedMediaType, "unsupported_media_type",
                "Content-Type must be \(allowed.joined(separator: " or ")); got \(type.isEmpty ? "none" : type)")
        }
    }

    /// 413 when the declared length is over the limit (before reading anything).
    static func checkDeclaredLength(_ request: Request, limit: Int) throws {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge(limit) }
    }

    /// Reads a small body into memory.
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        try checkDeclaredLength(request, limit: limit)
        var data = Data()
        for try await buffer in request.body {
            guard data.count + buffer.readableBytes <= limit else { throw tooLarge(limit) }
            data.append(contentsOf: buffer.readableBytesView)
        }
        return data
    }

    /// Streams a body into `file`, never holding more than one chunk in memory.
    static func stream(_ request: Request, to file: URL, limit: Int) async throws {
        try checkDeclaredLength(request, limit: limit)
        guard FileManager.default.createFile(atPath: file.path, contents: nil), let handle = try? FileHandle(forWritingTo: file)
        else { throw APIError(.internalServerError, "internal", "the server cannot store the upload") }
        defer { try? handle.close() }
        var written = 0
        for try await buffer in request.body {
            written += buffer.readableBytes
            guard written <= limit else { throw tooLarge(limit) }
            try handle.write(contentsOf: Data(buffer.readableBytesView))
        }
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "too_large", "the request body is larger than the server's limit of \(limit / (1024 * 1024)) MB (--max-upload-mb)")
    }
}
