import Foundation
import HTTPTypes

/// A `multipart/form-data` body (RFC 7578) read from a file: each part's name, file name, content type and the byte
/// range of its content in the file, so a large upload is never copied whole into memory.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var contentType: String?
        var range: Range<Int>
    }

    let parts: [Part]
    let data: Data

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// Parses the body in `file`.
    /// - Throws: ``APIError`` 400 when the body is not well-formed multipart.
    init(file: URL, boundary: String) throws {
        data = try Data(contentsOf: file, options: .alwaysMapped)
        let delimiter = Data("--\(boundary)".utf8)
        let separator = Data("\r\n\r\n".utf8)
        var parts: [Part] = []
        guard var cursor = data.range(of: delimiter)?.upperBound else { throw Self.malformed("no boundary line") }
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            guard cursor + 2 <= data.count else { throw Self.malformed("the body ends inside a part") }
            if data[cursor] == UInt8(ascii: "-"), data[cursor + 1] == UInt8(ascii: "-") { break }
            guard data[cursor] == 0x0D, data[cursor + 1] == 0x0A else { throw Self.malformed("a boundary line is not followed by a line break") }
            let headerStart = cursor + 2
            guard let headerEnd = data.range(of: separator, in: headerStart..<data.count) else {
                throw Self.malformed("a part has no blank line after its headers")
            }
            guard headerEnd.lowerBound - headerStart <= 8192 else { throw Self.malformed("a part's headers are too long") }
            let headers = String(decoding: data[headerStart..<headerEnd.lowerBound], as: UTF8.self)
            guard let next = data.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<data.count) else {
                throw Self.malformed("a part is not closed by the boundary")
            }
            parts.append(try Self.part(headers: headers, range: headerEnd.upperBound..<next.lowerBound))
            cursor = next.upperBound
        }
        self.parts = parts
    }

    /// The first part named `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// A part's bytes.
    func bytes(of part: Part) -> Data { data.subdata(in: part.range) }

    private static func part(headers: String, range: Range<Int>) throws -> Part {
        var name: String?
        var filename: String?
        var contentType: String?
        for line in headers.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            switch pair[0].lowercased() {
            case "content-disposition":
                name = parameter("name", in: value)
                filename = parameter("filename", in: value)
            case "content-type": contentType = value
            default: break
            }
        }
        guard let name, !name.isEmpty else { throw malformed("a part has no name") }
        return Part(name: name, filename: filename, contentType: contentType, range: range)
    }

    /// A quoted or bare parameter of a header value (`form-data; name="config"; filename="a.json"`).
    private static func parameter(_ key: String, in value: String) -> String? {
        for item in value.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var text = pair[1]
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            return text
        }
        return nil
    }

    private static func malformed(_ why: String) -> APIError {
        APIError(.badRequest, "invalid_multipart", "the multipart body is malformed: \(why)")
    }
}
