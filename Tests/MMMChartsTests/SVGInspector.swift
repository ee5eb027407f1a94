import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element (tests read chart geometry from it).
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    weak var parent: XMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This node and all descendants, document order.
    var all: [XMLNode] { [self] + children.flatMap(\.all) }

    func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    func descendants(class name: String) -> [XMLNode] { all.filter { $0.classes.contains(name) } }

    func descendants(named name: String) -> [XMLNode] { all.filter { $0.name == name } }

    /// Text of the element itself, without a `<title>` tooltip child.
    var ownText: String { text }

    /// Whether an ancestor has this name (e.g. inside `<defs>`).
    func isInside(_ name: String) -> Bool {
        var node = parent
        while let n = node {
            if n.name == name { return true }
            node = n.parent
        }
        return false
    }
}

/// Parses XML with Foundation's XMLParser (FoundationXML on Linux, libxml2 underneath).
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLNode] = []
    private(set) var root: XMLNode?
    private(set) var error: String?

    static func parse(_ text: String) throws -> XMLNode {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, let root = builder.root else {
            throw ParseFailure(description: builder.error ?? parser.parserError.map { "\($0)" } ?? "parse failed")
        }
        return root
    }

    struct ParseFailure: Error, CustomStringConvertible { let description: String }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        let node = XMLNode(name: elementName, attributes: attributeDict)
        node.parent = stack.last
        stack.last?.children.append(node)
        if stack.isEmpty { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = "line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)"
    }
}

/// Checks every chart must pass, whatever its type.
enum SVGChecks {
    /// Parses the SVG and checks the root's accessibility wiring; returns the root.
    static func parseAndCheckRoot(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLNode {
        let root = try XMLTreeBuilder.parse(svg)
        #expect(root.name == "svg", sourceLocation: sourceLocation)
        #expect(root.attributes["role"] == "img", sourceLocation: sourceLocation)
        let id = try #require(root.attributes["id"], sourceLocation: sourceLocation)
        #expect(root.attributes["aria-labelledby"] == "\(id)-title \(id)-desc", sourceLocation: sourceLocation)
        let title = root.children.first { $0.name == "title" }
        let desc = root.children.first { $0.name == "desc" }
        #expect(title?.attributes["id"] == "\(id)-title", sourceLocation: sourceLocation)
        #expect(desc?.attributes["id"] == "\(id)-desc", sourceLocation: sourceLocation)
        let titleText = title.map(\.text) ?? "", descText = desc.map(\.text) ?? ""
        #expect(!titleText.isEmpty, sourceLocation: sourceLocation)
        #expect(!descText.isEmpty, sourceLocation: sourceLocation)
        return root
    }

    /// Every drawn coordinate lies inside the viewBox. Text is checked at its anchor only: the browser check measures
    /// real glyph extents (text spilling outside a chart or overlapping another label).
    static func outOfBounds(_ root: XMLNode) -> [String] {
        let box = (root.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        guard box.count == 4 else { return ["no viewBox"] }
        let (w, h) = (box[2], box[3])
        var problems: [String] = []
        func check(_ x: Double, _ y: Double, _ what: String) {
            if x < -0.01 || x > w + 0.01 || y < -0.01 || y > h + 0.01 { problems.append("\(what) at (\(x), \(y))") }
        }
        for node in root.all where !node.isInside("defs") && node.name != "pattern" {
            switch node.name {
            case "rect":
                let x = node.number("x") ?? 0, y = node.number("y") ?? 0
                let rw = node.number("width") ?? 0, rh = node.number("height") ?? 0
                if rw < 0 || rh < 0 { problems.append("negative rect size") }
                check(x, y, "rect"); check(x + rw, y + rh, "rect end")
            case "line":
                check(node.number("x1") ?? 0, node.number("y1") ?? 0, "line start")
                check(node.number("x2") ?? 0, node.number("y2") ?? 0, "line end")
            case "circle":
                let r = node.number("r") ?? 0, cx = node.number("cx") ?? 0, cy = node.number("cy") ?? 0
                check(cx - r, cy - r, "circle"); check(cx + r, cy + r, "circle")
            case "polyline":
                for pair in (node.attributes["points"] ?? "").split(separator: " ") {
                    let xy = pair.split(separator: ",").compactMap { Double($0) }
                    if xy.count == 2 { check(xy[0], xy[1], "polyline point") }
                }
            case "path":
                let numbers = (node.attributes["d"] ?? "").split(whereSeparator: { "MLZ ,".contains($0) }).compactMap { Double($0) }
                for k in stride(from: 0, to: numbers.count - 1, by: 2) { check(numbers[k], numbers[k + 1], "path point") }
            case "text":
                check(node.number("x") ?? 0, node.number("y") ?? 0, "text \"\(node.text)\"")
            default: break
            }
        }
        return problems
    }

    /// The invisible plot-area rectangle.
    static func plotArea(_ root: XMLNode) throws -> (x: Double, y: Double, right: Double, bottom: Double) {
        let rect = try #require(root.descendants(class: "plot-area").first)
        let x = rect.number("x") ?? 0, y = rect.number("y") ?? 0
        return (x, y, x + (rect.number("width") ?? 0), y + (rect.number("height") ?? 0))
    }
}
