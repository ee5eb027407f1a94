import Foundation

/// Colour-blind-safe colours: the Okabe–Ito palette for series and a blue–white–vermillion diverging scale.
public enum Palette {
    /// Okabe–Ito colours in the order series use them (yellow last: it is faint on white).
    public static let okabeIto: [String] = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442",
    ]

    /// The colour of series `index` (the palette repeats; patterns, dashes and markers keep repeats apart).
    /// - Parameter index: zero-based series index.
    /// - Returns: a `#RRGGBB` colour.
    public static func color(_ index: Int) -> String { okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count] }

    private static let negative = (r: 0.0, g: 114.0, b: 178.0)  // Okabe–Ito blue
    private static let middle = (r: 247.0, g: 247.0, b: 247.0)
    private static let positive = (r: 213.0, g: 94.0, b: 0.0)  // Okabe–Ito vermillion

    /// A diverging colour: blue for −1, near-white for 0, vermillion for +1 (values outside are clamped).
    /// - Parameter t: the position in -1...1.
    /// - Returns: a `#RRGGBB` colour.
    public static func diverging(_ t: Double) -> String {
        let v = t.isFinite ? max(-1, min(1, t)) : 0
        let end = v < 0 ? negative : positive
        let f = abs(v)
        let channels = [
            middle.r + (end.r - middle.r) * f, middle.g + (end.g - middle.g) * f, middle.b + (end.b - middle.b) * f,
        ]
        return "#" + channels.map { hex(Int($0.rounded())) }.joined()
    }

    /// Whether dark text reads better than white text on `color` (WCAG relative luminance).
    static func prefersDarkText(on color: String) -> Bool {
        let digits = Array(color.dropFirst())
        guard digits.count == 6 else { return true }
        func channel(_ i: Int) -> Double {
            let value = Double(Int(String(digits[i..<(i + 2)]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
        // Contrast with black vs with white; pick the larger.
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05)
    }

    private static func hex(_ value: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        let v = max(0, min(255, value))
        return String([digits[v / 16], digits[v % 16]])
    }
}
