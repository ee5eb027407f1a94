/// A self-contained HTML document: inline CSS, inline SVG charts, no JavaScript, no network references (a
/// Content-Security-Policy forbids any), a table of contents, and a print layout for A4.
public struct HTMLPage: Sendable, Hashable {
    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// A line under the heading (e.g. the run id and date).
    public var subtitle: String?
    /// The sections, in order.
    public var sections: [HTMLSection]
    /// Small print at the bottom (e.g. the tool version).
    public var footer: String?
    /// The document language (BCP 47).
    public var language: String
    /// Extra CSS appended after ``HTMLStyle/stylesheet``.
    public var extraCSS: String

    /// Creates a page.
    /// - Parameters:
    ///   - title: document title and main heading.
    ///   - subtitle: a line under the heading.
    ///   - sections: the content, one `<section>` each (printed on new pages).
    ///   - footer: footer text.
    ///   - language: `lang` attribute.
    ///   - extraCSS: CSS added after the shared stylesheet (must not reference the network).
    public init(
        title: String, subtitle: String? = nil, sections: [HTMLSection], footer: String? = nil, language: String = "en",
        extraCSS: String = ""
    ) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.footer = footer
        self.language = language
        self.extraCSS = extraCSS
    }

    /// The complete document.
    /// - Returns: UTF-8 text starting with `<!DOCTYPE html>`; the same page gives the same bytes.
    public func render() -> String {
        let e = Escaping.xml
        var html = "<!DOCTYPE html>\n<html lang=\"\(e(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // The page may load nothing: styles are inline, charts are inline SVG, images must be data: URLs.
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        html += "<title>\(e(title))</title>\n<style>\n\(HTMLStyle.stylesheet)\(extraCSS.isEmpty ? "" : "\n" + extraCSS)\n</style>\n</head>\n<body>\n"
        html += "<header>\n<h1>\(e(title))</h1>\n"
        if let subtitle { html += "<p class=\"subtitle\">\(e(subtitle))</p>\n" }
        html += "</header>\n"
        let ids = sectionIDs()
        if sections.count > 1 {
            html += "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
            for (section, id) in zip(sections, ids) { html += "<li><a href=\"#\(id)\">\(e(section.title))</a></li>\n" }
            html += "</ol>\n</nav>\n"
        }
        html += "<main>\n"
        for (section, id) in zip(sections, ids) { html += section.render(id: id) }
        html += "</main>\n"
        if let footer { html += "<footer>\n<p>\(e(footer))</p>\n</footer>\n" }
        html += "</body>\n</html>\n"
        return html
    }

    /// Unique section ids: the given id, or one derived from the title, numbered on repeats.
    private func sectionIDs() -> [String] {
        var seen: [String: Int] = [:]
        return sections.map { section in
            let base = Escaping.identifier(section.id ?? section.title.lowercased())
            let count = seen[base, default: 0]
            seen[base] = count + 1
            return count == 0 ? base : "\(base)-\(count + 1)"
        }
    }
}

/// One section of a page: an `<h2>` and its blocks. Print starts each section after the first on a new page.
public struct HTMLSection: Sendable, Hashable {
    /// The title: visible at the top unless turned off, and the SVG `<title>`.
    public var title: String
    /// Anchor id (nil = derived from the title).
    public var id: String?
    /// The content, in order.
    public var blocks: [HTMLBlock]

    /// Creates a section.
    /// - Parameters:
    ///   - title: the heading.
    ///   - id: anchor id for links (sanitised).
    ///   - blocks: the content.
    public init(title: String, id: String? = nil, blocks: [HTMLBlock]) {
        self.title = title
        self.id = id
        self.blocks = blocks
    }

    func render(id: String) -> String {
        var html = "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n<h2 id=\"\(id)-h\">\(Escaping.xml(title))</h2>\n"
        for block in blocks { html += block.render() }
        return html + "</section>\n"
    }
}
