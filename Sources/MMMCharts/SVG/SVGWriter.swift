/// An append-only SVG element writer: absolute coordinates, escaped text, fixed number formatting.
///
/// Attributes keep the order they are given in, so the same calls always produce the same bytes.
struct SVGWriter {
    /// The markup written so far.
    private(set) var markup = ""

    /// A numeric attribute value.
    static func n(_ value: Double) -> String { FixedNumber.coordinate(value) }

    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(Escaping.xml($0.1))\"" }.joined()
    }

    /// Writes `<name …/>`.
    mutating func element(_ name: String, _ attributes: [(String, String)]) {
        markup += "<\(name)\(Self.attributes(attributes))/>\n"
    }

    /// Writes `<name …>`; pair with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<\(name)\(Self.attributes(attributes))>\n"
    }

    /// Writes `</name>`.
    mutating func close(_ name: String) { markup += "</\(name)>\n" }

    /// Writes escaped text inside an element (`<title>`, `<desc>`).
    mutating func textElement(_ name: String, _ attributes: [(String, String)], text: String) {
        markup += "<\(name)\(Self.attributes(attributes))>\(Escaping.xml(text))</\(name)>\n"
    }

    /// Appends markup produced by another writer.
    mutating func append(_ other: SVGWriter) { markup += other.markup }

    /// Writes a `<text>` label; when `fullText` differs (the label was shortened), it rides along as a `<title>`
    /// child, the SVG tooltip.
    mutating func label(
        _ text: String, x: Double, y: Double, anchor: TextAnchor = .start, size: Double = Theme.fontSize,
        weight: String? = nil, fill: String = Theme.text, rotate: Double? = nil, fullText: String? = nil,
        cssClass: String? = nil, italic: Bool = false, halo: Bool = false
    ) {
        var attributes: [(String, String)] = [("x", Self.n(x)), ("y", Self.n(y))]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if size != Theme.fontSize { attributes.append(("font-size", Self.n(size))) }
        if let weight { attributes.append(("font-weight", weight)) }
        if italic { attributes.append(("font-style", "italic")) }
        if fill != Theme.text { attributes.append(("fill", fill)) }
        if let rotate { attributes.append(("transform", "rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))")) }
        if let cssClass { attributes.append(("class", cssClass)) }
        // A white outline under the glyphs keeps labels readable where they cross lines.
        if halo { attributes += [("stroke", Theme.background), ("stroke-width", "3"), ("paint-order", "stroke")] }
        let tooltip = fullText.flatMap { $0 == text ? nil : "<title>\(Escaping.xml($0))</title>" } ?? ""
        markup += "<text\(Self.attributes(attributes))>\(tooltip)\(Escaping.xml(text))</text>\n"
    }

    /// Writes a label shortened to `maxWidth`, with the full text as its tooltip.
    mutating func fittedLabel(
        _ text: String, x: Double, y: Double, maxWidth: Double, anchor: TextAnchor = .start,
        size: Double = Theme.fontSize, weight: String? = nil, rotate: Double? = nil, halo: Bool = false
    ) {
        let bold = weight == "bold"
        let fitted = TextMetrics.truncate(text, maxWidth: bold ? maxWidth / TextMetrics.boldFactor : maxWidth, fontSize: size)
        label(fitted.text, x: x, y: y, anchor: anchor, size: size, weight: weight, rotate: rotate, fullText: text, halo: halo)
    }

    /// Writes a straight line.
    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil, cssClass: String? = nil
    ) {
        var attributes: [(String, String)] = [
            ("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)),
            ("stroke", stroke), ("stroke-width", Self.n(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let cssClass { attributes.append(("class", cssClass)) }
        element("line", attributes)
    }

    /// Writes a rectangle; negative sizes are normalised so the rectangle is always well-formed.
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
        strokeWidth: Double = 1, cssClass: String? = nil, extra: [(String, String)] = []
    ) {
        let left = min(x, x + width), top = min(y, y + height)
        var attributes: [(String, String)] = [
            ("x", Self.n(left)), ("y", Self.n(top)), ("width", Self.n(abs(width))), ("height", Self.n(abs(height))),
            ("fill", fill),
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.n(strokeWidth))] }
        if let cssClass { attributes.append(("class", cssClass)) }
        element("rect", attributes + extra)
    }

    /// Writes an open polyline through `points`.
    mutating func polyline(
        _ points: [(x: Double, y: Double)], stroke: String, width: Double, dash: String?, cssClass: String? = nil
    ) {
        let list = points.map { "\(Self.n($0.x)),\(Self.n($0.y))" }.joined(separator: " ")
        var attributes: [(String, String)] = [
            ("points", list), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.n(width)),
            ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let cssClass { attributes.append(("class", cssClass)) }
        element("polyline", attributes)
    }
}

/// Where a `<text>` sits relative to its x coordinate.
enum TextAnchor: String {
    case start, middle, end
}

extension SVGWriter {
    /// A writer holding already-built markup (defs assembled elsewhere by this module).
    static func raw(_ markup: String) -> SVGWriter {
        var writer = SVGWriter()
        writer.appendRaw(markup)
        return writer
    }

    private mutating func appendRaw(_ text: String) { markup += text }
}
