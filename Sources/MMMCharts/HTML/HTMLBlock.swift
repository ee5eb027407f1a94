/// Content of a section. Every string is escaped when rendered; there is no raw-HTML block.
public enum HTMLBlock: Sendable, Hashable {
    /// An `<h3>` sub-heading.
    case heading(String)
    /// A paragraph of inline runs.
    case paragraph([HTMLInline])
    /// Key facts as a definition list (`<dl>`): term → detail.
    case facts([HTMLFact])
    /// A data table.
    case table(HTMLTable)
    /// One chart in a `<figure>` with a caption (the chart's own `<title>`/`<desc>` carry the text alternative).
    case figure(RenderedChart, caption: String)
    /// Several charts side by side on wide screens, stacked when narrow or printed. Render them with
    /// `ChartOptions(width: 460)` so their text keeps its size at half the column width.
    case figureGrid([HTMLFigure])
    /// A bulleted list.
    case list([[HTMLInline]])
    /// A boxed note with a bold lead word ("Note", "Warning"), readable without colour.
    case note(lead: String, text: [HTMLInline])
    /// Preformatted text (commands, file listings).
    case preformatted(String)

    /// A paragraph of plain text.
    /// - Parameter text: the paragraph.
    /// - Returns: the block.
    public static func text(_ text: String) -> HTMLBlock { .paragraph([.text(text)]) }

    func render() -> String {
        let e = Escaping.xml
        switch self {
        case .heading(let text): return "<h3>\(e(text))</h3>\n"
        case .paragraph(let runs): return "<p>\(HTMLInline.render(runs))</p>\n"
        case .facts(let facts):
            return "<dl class=\"facts\">\n" + facts.map { "<div><dt>\(e($0.term))</dt><dd>\(HTMLInline.render($0.detail))</dd></div>\n" }
                .joined() + "</dl>\n"
        case .table(let table): return table.render()
        case .figure(let chart, let caption): return HTMLFigure(chart: chart, caption: caption).render()
        case .figureGrid(let figures): return "<div class=\"figure-grid\">\n" + figures.map { $0.render() }.joined() + "</div>\n"
        case .list(let items): return "<ul>\n" + items.map { "<li>\(HTMLInline.render($0))</li>\n" }.joined() + "</ul>\n"
        case .note(let lead, let text):
            return "<aside class=\"note\"><p><strong>\(e(lead)):</strong> \(HTMLInline.render(text))</p></aside>\n"
        case .preformatted(let text): return "<pre>\(e(text))</pre>\n"
        }
    }
}

/// A chart with its caption.
public struct HTMLFigure: Sendable, Hashable {
    /// The rendered chart.
    public var chart: RenderedChart
    /// The caption under the chart.
    public var caption: String

    /// Creates a figure.
    public init(chart: RenderedChart, caption: String) {
        self.chart = chart
        self.caption = caption
    }

    func render() -> String {
        "<figure class=\"chart\">\n\(chart.svg)<figcaption>\(Escaping.xml(caption))</figcaption>\n</figure>\n"
    }
}

/// One term and its detail in a ``HTMLBlock/facts(_:)`` list.
public struct HTMLFact: Sendable, Hashable {
    /// The term (shown small, above its detail).
    public var term: String
    /// The detail (shown bold).
    public var detail: [HTMLInline]

    /// Creates a fact with a plain-text detail.
    public init(_ term: String, _ detail: String) {
        self.term = term
        self.detail = [.text(detail)]
    }

    /// Creates a fact with formatted detail.
    public init(_ term: String, runs: [HTMLInline]) {
        self.term = term
        self.detail = runs
    }
}

/// Inline text runs.
public enum HTMLInline: Sendable, Hashable {
    case text(String)
    case strong(String)
    case code(String)
    /// A link to a file or anchor of the report itself. Only relative references are linked (`files/x.csv`,
    /// `#section`); anything with a scheme (`https:`, `javascript:`) is shown as text, so reports never point
    /// at the network.
    case link(text: String, href: String)

    static func render(_ runs: [HTMLInline]) -> String {
        runs.map { run in
            switch run {
            case .text(let t): return Escaping.xml(t)
            case .strong(let t): return "<strong>\(Escaping.xml(t))</strong>"
            case .code(let t): return "<code>\(Escaping.xml(t))</code>"
            case .link(let text, let href):
                guard isRelative(href) else { return "\(Escaping.xml(text)) (\(Escaping.xml(href)))" }
                return "<a href=\"\(Escaping.xml(href))\">\(Escaping.xml(text))</a>"
            }
        }.joined()
    }

    /// No scheme before the first `/`, `?` or `#`, and not protocol-relative (`//host`).
    static func isRelative(_ href: String) -> Bool {
        if href.hasPrefix("//") || href.isEmpty { return false }
        let head = href.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains(":")
    }
}
