/// A forward-only JSON tokenizer over raw bytes, specialised for Snowflake's jsonv2 `data` arrays
/// (arrays of arrays of strings or `null`) and for splitting a response object into members.
///
/// It never materialises a JSON tree: strings are reported as byte ranges and only unescaped when they contain
/// backslashes.
struct JSONByteScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    var position: Int

    /// Why scanning failed; positions are byte offsets.
    struct SyntaxError: Error {
        let reason: String
        let offset: Int
    }

    init(base: UnsafePointer<UInt8>, start: Int, end: Int) {
        self.base = base
        self.position = start
        self.end = end
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            let byte = base[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// The next non-whitespace byte, without consuming it; `nil` at the end.
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < end ? base[position] : nil
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: StaticString) throws(SyntaxError) {
        skipWhitespace()
        guard position < end, base[position] == byte else {
            throw SyntaxError(reason: "expected \(what)", offset: position)
        }
        position += 1
    }

    /// Scans a string whose opening quote is at `position`.
    /// - Returns: The content range (between the quotes) and whether it contains escapes.
    @inline(__always)
    mutating func scanString() throws(SyntaxError) -> (start: Int, end: Int, escaped: Bool) {
        let start = position + 1
        var cursor = start
        var escaped = false
        while cursor < end {
            let byte = base[cursor]
            if byte == 0x22 { // "
                position = cursor + 1
                return (start, cursor, escaped)
            }
            if byte == 0x5C { // backslash: skip the escaped byte
                escaped = true
                cursor += 2
            } else {
                cursor += 1
            }
        }
        throw SyntaxError(reason: "unterminated string", offset: start - 1)
    }

    /// Consumes the literal `null` at `position`.
    @inline(__always)
    mutating func scanNull() throws(SyntaxError) {
        guard position + 4 <= end, base[position] == 0x6E, base[position + 1] == 0x75, base[position + 2] == 0x6C,
            base[position + 3] == 0x6C
        else { throw SyntaxError(reason: "expected a string or null", offset: position) }
        position += 4
    }

    /// Skips one complete JSON value of any kind.
    mutating func skipValue() throws(SyntaxError) {
        guard let first = peek() else { throw SyntaxError(reason: "expected a value", offset: position) }
        switch first {
        case 0x22:
            _ = try scanString()
        case 0x5B, 0x7B: // [ {
            var depth = 0
            while position < end {
                let byte = base[position]
                switch byte {
                case 0x22:
                    _ = try scanString()
                    continue
                case 0x5B, 0x7B: depth += 1
                case 0x5D, 0x7D:
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return
                    }
                default: break
                }
                position += 1
            }
            throw SyntaxError(reason: "unterminated array or object", offset: position)
        default:
            // Number, true, false or null: runs until a structural character or whitespace.
            let start = position
            while position < end {
                let byte = base[position]
                if byte == 0x2C || byte == 0x5D || byte == 0x7D || byte == 0x20 || byte == 0x0A || byte == 0x0D
                    || byte == 0x09
                {
                    break
                }
                position += 1
            }
            if position == start { throw SyntaxError(reason: "expected a value", offset: start) }
        }
    }

    /// Unescapes the JSON string content `start..<end` into the front of `output` (UTF-8), growing it if needed.
    ///
    /// Writes through one buffer pointer: the unescaped text is never longer than the escaped text.
    /// - Returns: The number of bytes written; `output` keeps its (larger) size so it can be reused.
    func unescape(start: Int, end stringEnd: Int, into output: inout [UInt8]) throws(SyntaxError) -> Int {
        let capacity = stringEnd - start
        if output.count < capacity { output = [UInt8](repeating: 0, count: max(capacity, 2 * output.count)) }
        return try output.withUnsafeMutableBufferPointer { buffer throws(SyntaxError) -> Int in
            guard let target = buffer.baseAddress else { return 0 }
            return try unescape(start: start, end: stringEnd, to: target)
        }
    }

    /// Unescapes into `target` (room for `end − start` bytes) and returns the number of bytes written.
    private func unescape(start: Int, end stringEnd: Int, to target: UnsafeMutablePointer<UInt8>) throws(SyntaxError) -> Int {
        var cursor = start
        var length = 0
        while cursor < stringEnd {
            let byte = base[cursor]
            guard byte == 0x5C else {
                target[length] = byte
                length += 1
                cursor += 1
                continue
            }
            guard cursor + 1 < stringEnd else { throw SyntaxError(reason: "bad escape", offset: cursor) }
            let code = base[cursor + 1]
            cursor += 2
            var simple: UInt8 = 0
            switch code {
            case 0x22, 0x5C, 0x2F: simple = code
            case 0x62: simple = 0x08
            case 0x66: simple = 0x0C
            case 0x6E: simple = 0x0A
            case 0x72: simple = 0x0D
            case 0x74: simple = 0x09
            case 0x75:
                var scalar = try hex4(at: cursor, limit: stringEnd)
                cursor += 4
                if (0xD800..<0xDC00).contains(scalar), cursor + 6 <= stringEnd, base[cursor] == 0x5C,
                    base[cursor + 1] == 0x75
                {
                    let low = try hex4(at: cursor + 2, limit: stringEnd)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        cursor += 6
                    }
                }
                // A \uXXXX escape (6 bytes, or 12 for a pair) always encodes to at most 4 bytes.
                length += encodeUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: target + length)
                continue
            default:
                throw SyntaxError(reason: "bad escape", offset: cursor - 2)
            }
            target[length] = simple
            length += 1
        }
        return length
    }

    private func hex4(at offset: Int, limit: Int) throws(SyntaxError) -> UInt32 {
        guard offset + 4 <= limit else { throw SyntaxError(reason: "bad \\u escape", offset: offset) }
        var value: UInt32 = 0
        for index in offset..<(offset + 4) {
            let byte = base[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw SyntaxError(reason: "bad \\u escape", offset: offset)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func encodeUTF8(_ scalar: Unicode.Scalar, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            target[0] = UInt8(value)
            return 1
        case 0x80..<0x800:
            target[0] = UInt8(0xC0 | (value >> 6))
            target[1] = UInt8(0x80 | (value & 0x3F))
            return 2
        case 0x800..<0x10000:
            target[0] = UInt8(0xE0 | (value >> 12))
            target[1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            target[2] = UInt8(0x80 | (value & 0x3F))
            return 3
        default:
            target[0] = UInt8(0xF0 | (value >> 18))
            target[1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            target[2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            target[3] = UInt8(0x80 | (value & 0x3F))
            return 4
        }
    }
}
