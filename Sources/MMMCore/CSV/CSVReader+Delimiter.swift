import Foundation

extension CSVReader {
    /// The delimiter this reader uses for `data`, and whether it was detected rather than set.
    /// - Parameter data: the file's bytes (only the header line is looked at).
    /// - Returns: the delimiter (never ``CSVDelimiter/auto``) and `true` when it came from the header line.
    public func resolvedDelimiter(for data: Data) -> (delimiter: CSVDelimiter, detected: Bool) {
        if options.delimiter != .auto { return (options.delimiter, false) }
        let found = data.withUnsafeBytes { raw in Self.detectDelimiter(raw.bindMemory(to: UInt8.self)) }
        return (found, true)
    }

    /// A one-line description of how `data` is read, for preparation notes: delimiter (and how it was chosen) and
    /// decimal mark.
    public func formatNote(for data: Data) -> String {
        let (delimiter, detected) = resolvedDelimiter(for: data)
        return "delimiter \(delimiter.label)\(detected ? ", detected from the header line" : ", as configured")"
            + ", decimal mark '\(options.decimal.rawValue)'"
    }

    /// The most frequent of comma, semicolon and tab outside quotes in the header line (ties in that order; comma
    /// when there is none, e.g. a one-column file).
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVDelimiter {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        // Skip leading blank lines, as the tokenizer does.
        while i < bytes.count, bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        var counts: [CSVDelimiter: Int] = [.comma: 0, .semicolon: 0, .tab: 0]
        var quoted = false
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                quoted.toggle()
            } else if !quoted {
                if b == 0x0A || b == 0x0D { break }
                switch b {
                case 0x2C: counts[.comma, default: 0] += 1
                case 0x3B: counts[.semicolon, default: 0] += 1
                case 0x09: counts[.tab, default: 0] += 1
                default: break
                }
            }
            i += 1
        }
        var best = CSVDelimiter.comma
        for candidate in [CSVDelimiter.semicolon, .tab] where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }
}
