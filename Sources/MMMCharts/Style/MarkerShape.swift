import Foundation

/// Point markers that stay distinct in greyscale.
public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
    case circle, square, triangle, diamond, cross, plus, triangleDown, star

    /// Writes the marker centred on (x, y).
    /// - Parameters:
    ///   - size: the marker's width in user units.
    ///   - fill: fill colour, or `none` for a hollow marker.
    ///   - stroke: outline colour.
    ///   - extra: attributes appended (e.g. a class).
    func draw(
        into svg: inout SVGWriter, x: Double, y: Double, size: Double, fill: String, stroke: String,
        strokeWidth: Double = 1, extra: [(String, String)] = []
    ) {
        let r = size / 2
        let n = SVGWriter.n
        let paint: [(String, String)] = [("fill", fill), ("stroke", stroke), ("stroke-width", n(strokeWidth))]
        switch self {
        case .circle:
            svg.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", n(r))] + paint + extra)
        case .cross, .plus:
            // Line-only shapes take the fill colour as their stroke so they stay visible.
            let ink = fill == "none" ? stroke : fill
            let d = self == .plus
                ? "M\(n(x - r)),\(n(y)) L\(n(x + r)),\(n(y)) M\(n(x)),\(n(y - r)) L\(n(x)),\(n(y + r))"
                : "M\(n(x - r)),\(n(y - r)) L\(n(x + r)),\(n(y + r)) M\(n(x - r)),\(n(y + r)) L\(n(x + r)),\(n(y - r))"
            svg.element("path", [("d", d), ("fill", "none"), ("stroke", ink), ("stroke-width", n(max(2, strokeWidth)))] + extra)
        default:
            let d = vertices(x: x, y: y, r: r).enumerated()
                .map { "\($0.offset == 0 ? "M" : "L")\(n($0.element.x)),\(n($0.element.y))" }
                .joined(separator: " ") + " Z"
            svg.element("path", [("d", d)] + paint + extra)
        }
    }

    private func vertices(x: Double, y: Double, r: Double) -> [(x: Double, y: Double)] {
        switch self {
        case .square: return [(x - r * 0.9, y - r * 0.9), (x + r * 0.9, y - r * 0.9), (x + r * 0.9, y + r * 0.9), (x - r * 0.9, y + r * 0.9)]
        case .triangle: return [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
        case .triangleDown: return [(x, y + r), (x + r, y - r * 0.8), (x - r, y - r * 0.8)]
        case .diamond: return [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        case .star:
            return (0..<10).map { k in
                let radius = k % 2 == 0 ? r : r * 0.45
                let angle = Double(k) * Double.pi / 5 - Double.pi / 2
                return (x + radius * cos(angle), y + radius * sin(angle))
            }
        case .circle, .cross, .plus: return []
        }
    }
}
