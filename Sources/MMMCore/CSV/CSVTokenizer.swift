/// Splits RFC 4180 CSV bytes into field ranges without copying: the first stage of ``CSVReader``.
///
/// Accepts a UTF-8 BOM, CRLF/LF/CR line ends, quoted fields containing delimiters, line breaks and doubled quotes, and
/// a missing final line break. Empty lines are skipped. Anything else that is not RFC 4180 is an error naming the line
/// and column, because guessing what a malformed file meant silently shifts values into the wrong columns.
struct CSVTokenizer {
    /// Field boundaries: `starts[i] ..< ends[i]` are the field's bytes (without surrounding quotes).
    var starts: [Int] = []
    var ends: [Int] = []
    /// Fields that were quoted and contain `""` escapes, so their text must be unescaped.
    var escaped: [Bool] = []
    /// Fields that were quoted at all (a quoted empty field is an empty string, not a missing value).
    var quoted: [Bool] = []
    /// Index of each record's first field in the arrays above, plus a final sentinel.
    var recordStarts: [Int] = []
    /// 1-based line number on which each record starts.
    var recordLines: [Int] = []

    var recordCount: Int { recordStarts.count - 1 }

    /// Tokenises `bytes`.
    /// - Throws: ``DataError`` with reason `.malformedCSV` for an unterminated quote, a stray quote inside an unquoted
    ///   field, or text after a closing quote.
    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) throws {
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        let n = bytes.count
        var i = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var line = 1
        let estimate = n / 8
        starts.reserveCapacity(estimate)
        ends.reserveCapacity(estimate)
        escaped.reserveCapacity(estimate)
        quoted.reserveCapacity(estimate)

        while i < n {
            // Skip empty lines between records.
            if bytes[i] == lf || bytes[i] == cr {
                if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                continue
            }
            recordStarts.append(starts.count)
            recordLines.append(line)
            var column = 1
            recordLoop: while true {
                if i < n, bytes[i] == quote {
                    // Quoted field.
                    let fieldLine = line
                    i += 1
                    let start = i
                    var hasEscape = false
                    while true {
                        guard i < n else {
                            throw DataError(
                                .malformedCSV, "unterminated quoted field in column \(column)", line: fieldLine,
                                hint: "close the quote or double the quotes inside the field")
                        }
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < n, bytes[i + 1] == quote {
                                hasEscape = true
                                i += 2
                                continue
                            }
                            break
                        }
                        if b == lf || (b == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                        i += 1
                    }
                    starts.append(start)
                    ends.append(i)
                    escaped.append(hasEscape)
                    quoted.append(true)
                    i += 1  // closing quote
                    if i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr {
                        throw DataError(
                            .malformedCSV, "unexpected text after the closing quote in column \(column)", line: line,
                            hint: "put the whole field inside the quotes")
                    }
                } else {
                    let start = i
                    while i < n {
                        let b = bytes[i]
                        if b == delimiter || b == lf || b == cr { break }
                        if b == quote {
                            throw DataError(
                                .malformedCSV, "stray quote inside the unquoted field in column \(column)", line: line,
                                hint: "quote the whole field and double the quotes inside it")
                        }
                        i += 1
                    }
                    starts.append(start)
                    ends.append(i)
                    escaped.append(false)
                    quoted.append(false)
                }
                // After a field: delimiter, line end or end of input.
                if i >= n { break recordLoop }
                if bytes[i] == delimiter {
                    i += 1
                    column += 1
                    if i >= n {
                        // Trailing delimiter at end of input: one more empty field.
                        starts.append(i)
                        ends.append(i)
                        escaped.append(false)
                        quoted.append(false)
                        break recordLoop
                    }
                    continue
                }
                if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                break recordLoop
            }
        }
        recordStarts.append(starts.count)
    }

    /// Number of fields in record `r`.
    func fieldCount(_ r: Int) -> Int { recordStarts[r + 1] - recordStarts[r] }

    /// The decoded text of field `f`.
    func text(_ f: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[starts[f]..<ends[f]])
        guard escaped[f] else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = 0
        while k < slice.count {
            out.append(slice[k])
            k += slice[k] == 0x22 ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
