import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed SVG element, for geometry checks (Foundation's XMLParser: a well-formedness check too).
final class SVGNode {
    let name: String
    let attributes: [String: String]
    var children: [SVGNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This node and every descendant, in document order.
    var all: [SVGNode] { [self] + children.flatMap(\.all) }

    func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }

    func has(class name: String) -> Bool { (attributes["class"] ?? "").split(separator: " ").contains { $0 == name } }

    func descendants(class name: String) -> [SVGNode] { all.dropFirst().filter { $0.has(class: name) } }

    func descendants(named name: String) -> [SVGNode] { all.dropFirst().filter { $0.name == name } }

    /// The first `<title>` child's text.
    var title: String? { children.first { $0.name == "title" }?.text }

    /// The plot area a chart marks (`rect.plot-area`).
    func plotArea() throws -> (x: Double, y: Double, right: Double, bottom: Double) {
        let rect = try #require(descendants(class: "plot-area").first)
        let x = rect.number("x") ?? 0, y = rect.number("y") ?? 0
        return (x, y, x + (rect.number("width") ?? 0), y + (rect.number("height") ?? 0))
    }

    /// `points="x,y x,y …"` of a polyline.
    var points: [(x: Double, y: Double)] {
        (attributes["points"] ?? "").split(separator: " ").compactMap { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }

    /// Parses an SVG document.
    static func parse(_ text: String) throws -> SVGNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "not well-formed")
        }
        return root
    }

    struct ParseError: Error, CustomStringConvertible { let description: String }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [SVGNode] = []
        var root: SVGNode?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = SVGNode(name: elementName, attributes: attributes)
            stack.last?.children.append(node)
            if stack.isEmpty { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}
