/// Estimated text widths for layout without font access.
///
/// Widths approximate DejaVu Sans / Verdana (the charts' first fonts) and err wide, so labels fit in Liberation
/// Sans or Arial too.
public enum TextMetrics {
    /// The estimated rendered width of `text`.
    /// - Parameters:
    ///   - text: the label (unescaped).
    ///   - fontSize: font size in user units.
    ///   - bold: bold glyphs are about 12% wider.
    /// - Returns: width in user units.
    public static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars { em += emWidth(scalar) }
        return em * fontSize * (bold ? boldFactor : 1)
    }

    static let boldFactor = 1.12

    static func emWidth(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", "I", "'", "|", ".", ",", ":", ";", "!": return 0.32
        case " ", "f", "t", "r", "(", ")", "[", "]", "-", "/", "\\": return 0.42
        case "m", "w", "M", "W", "@", "%": return 0.95
        case "0"..."9", "+", "=", "<", ">", "$", "#", "_", "~", "*", "?", "^": return 0.66
        case "A"..."Z": return 0.74
        case "a"..."z": return 0.62
        case "…": return 1.0
        default: return scalar.value < 128 ? 0.62 : 1.0
        }
    }

    /// Shortens `text` with a trailing `…` so it fits `maxWidth`.
    /// - Parameters:
    ///   - text: the full label.
    ///   - maxWidth: the space available.
    ///   - fontSize: font size in user units.
    /// - Returns: the (possibly shortened) text and whether it was shortened.
    public static func truncate(_ text: String, maxWidth: Double, fontSize: Double) -> (text: String, truncated: Bool) {
        if width(text, fontSize: fontSize) <= maxWidth { return (text, false) }
        var kept = ""
        var used = emWidth("…") * fontSize
        for character in text {
            let w = width(String(character), fontSize: fontSize)
            if used + w > maxWidth { break }
            kept.append(character)
            used += w
        }
        while kept.last == " " { kept.removeLast() }
        return (kept + "…", true)
    }
}
