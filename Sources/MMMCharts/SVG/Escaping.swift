/// Text escaping shared by the SVG and HTML writers.
public enum Escaping {
    /// Escapes text for XML/HTML content and for attribute values in either quote style.
    ///
    /// Characters XML 1.0 does not allow (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, so any
    /// user-supplied label yields a well-formed document.
    /// - Parameter text: any string (a label, a title, a file name).
    /// - Returns: the text with `&`, `<`, `>`, `"` and `'` replaced by entities.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isAllowedInXML(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows this character (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]).
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// An identifier safe for `id` attributes and CSS: letters, digits, `-` and `_`, starting with a letter.
    /// - Parameter raw: a caller-supplied id.
    /// - Returns: the id with other characters replaced by `-` (and `c` prefixed when it does not start with a letter).
    public static func identifier(_ raw: String) -> String {
        var out = String(raw.unicodeScalars.map { scalar -> Character in
            let ok = (scalar.value < 128) && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_")
            return ok ? Character(scalar) : "-"
        })
        if out.first.map({ !$0.isLetter }) ?? true { out = "c" + out }
        return out
    }
}
