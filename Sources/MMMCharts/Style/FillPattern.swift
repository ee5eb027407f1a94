/// Area fills that differ without colour: solid, hatches, dots and grids drawn in white over the series colour.
enum FillPattern: Int, CaseIterable {
    case solid, diagonal, dots, crosshatch, horizontal, reverseDiagonal, vertical, grid

    /// The `fill` value for an area in `color`, registering the pattern in `defs` on first use.
    func fill(color: String, defs: inout Defs) -> String {
        guard self != .solid else { return color }
        let id = defs.patternID(self, color: color)
        return "url(#\(id))"
    }

    /// The `<pattern>` element.
    func definition(id: String, color: String) -> String {
        let size = 7.0
        var svg = SVGWriter()
        var attributes: [(String, String)] = [
            ("id", id), ("patternUnits", "userSpaceOnUse"), ("width", SVGWriter.n(size)), ("height", SVGWriter.n(size)),
        ]
        switch self {
        case .diagonal: attributes.append(("patternTransform", "rotate(45)"))
        case .reverseDiagonal: attributes.append(("patternTransform", "rotate(-45)"))
        default: break
        }
        svg.open("pattern", attributes)
        svg.rect(x: 0, y: 0, width: size, height: size, fill: color)
        let ink = "#ffffff"
        switch self {
        case .solid: break
        case .diagonal, .reverseDiagonal, .vertical: svg.line(2, 0, 2, size, stroke: ink, width: 2.2)
        case .horizontal: svg.line(0, 2, size, 2, stroke: ink, width: 2.2)
        case .crosshatch:
            svg.line(0, 0, size, size, stroke: ink, width: 1.4)
            svg.line(0, size, size, 0, stroke: ink, width: 1.4)
        case .grid:
            svg.line(2, 0, 2, size, stroke: ink, width: 1.4)
            svg.line(0, 2, size, 2, stroke: ink, width: 1.4)
        case .dots:
            svg.element("circle", [("cx", "3.5"), ("cy", "3.5"), ("r", "1.6"), ("fill", ink)])
        }
        svg.close("pattern")
        return svg.markup
    }
}

/// The `<defs>` of one chart: patterns registered on first use, in first-use order (deterministic).
struct Defs {
    /// The chart's id; pattern ids extend it so several inline charts in one page never clash.
    let prefix: String
    private(set) var markup = ""
    private var ids: [String: String] = [:]

    init(prefix: String) { self.prefix = prefix }

    mutating func patternID(_ pattern: FillPattern, color: String) -> String {
        let key = "\(pattern.rawValue)\(color)"
        if let id = ids[key] { return id }
        let id = "\(prefix)-p\(ids.count)"
        ids[key] = id
        markup += pattern.definition(id: id, color: color)
        return id
    }
}
