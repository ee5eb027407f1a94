import Foundation

/// Splits a SQL API response object into its `data` array (byte range) and everything else (small JSON),
/// so metadata goes through `JSONDecoder` while rows go through the streaming row decoder.
enum ResultEnvelope {
    struct Split {
        /// A JSON object with every member except `data`.
        let metadataJSON: Data
        /// The byte range of the `data` value, if present.
        let dataRange: Range<Int>?
    }

    /// Splits a response body.
    /// - Throws: ``JSONByteScanner/SyntaxError`` when the body is not a JSON object.
    static func split(_ body: Data) throws -> Split {
        try body.withUnsafeBytes { raw throws -> Split in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else {
                throw JSONByteScanner.SyntaxError(reason: "empty body", offset: 0)
            }
            var scanner = JSONByteScanner(base: base, start: 0, end: bytes.count)
            try scanner.expect(0x7B, "'{'")
            var metadata: [UInt8] = [0x7B]
            var dataRange: Range<Int>?
            if scanner.peek() == 0x7D { return Split(metadataJSON: Data("{}".utf8), dataRange: nil) }
            while true {
                guard scanner.peek() == 0x22 else { throw JSONByteScanner.SyntaxError(reason: "expected a key", offset: scanner.position) }
                let memberStart = scanner.position
                let key = try scanner.scanString()
                try scanner.expect(0x3A, "':'")
                scanner.skipWhitespace()
                let valueStart = scanner.position
                try scanner.skipValue()
                let isData = key.end - key.start == 4 && base[key.start] == 0x64 && base[key.start + 1] == 0x61
                    && base[key.start + 2] == 0x74 && base[key.start + 3] == 0x61
                if isData {
                    dataRange = valueStart..<scanner.position
                } else {
                    if metadata.count > 1 { metadata.append(0x2C) }
                    metadata.append(contentsOf: UnsafeBufferPointer(start: base + memberStart, count: scanner.position - memberStart))
                }
                guard let next = scanner.peek() else { throw JSONByteScanner.SyntaxError(reason: "unterminated object", offset: scanner.position) }
                scanner.position += 1
                if next == 0x7D { break }
                guard next == 0x2C else { throw JSONByteScanner.SyntaxError(reason: "expected ',' or '}'", offset: scanner.position - 1) }
            }
            metadata.append(0x7D)
            return Split(metadataJSON: Data(metadata), dataRange: dataRange)
        }
    }
}
