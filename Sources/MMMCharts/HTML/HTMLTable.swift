/// A data table with a caption, column headers (`<th scope="col">`), optional row headers (`<th scope="row">`),
/// numeric columns right-aligned, and emphasised rows (bold with a thick left rule, not colour alone).
public struct HTMLTable: Sendable, Hashable {
    /// Cell alignment.
    public enum Alignment: String, Sendable, Hashable {
        case left, right, center
    }

    /// One column.
    public struct Column: Sendable, Hashable {
        /// Header text.
        public var header: String
        /// Cell alignment for the whole column.
        public var alignment: Alignment

        /// Creates a column.
        /// - Parameters:
        ///   - header: header text.
        ///   - alignment: `.right` for numbers.
        public init(_ header: String, alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// What the table shows (its `<caption>` and the scroll region's label).
    public var caption: String?
    /// The columns.
    public var columns: [Column]
    /// Cell texts, one array per row (short rows are padded with empty cells).
    public var rows: [[String]]
    /// The first column names the row (`<th scope="row">`).
    public var firstColumnIsHeader: Bool
    /// Row indexes shown emphasised (e.g. the recommended variant).
    public var emphasizedRows: Set<Int>

    /// Creates a table.
    /// - Parameters:
    ///   - caption: what the table shows.
    ///   - columns: column headers.
    ///   - rows: cell texts.
    ///   - firstColumnIsHeader: first cell of each row is its header.
    ///   - emphasizedRows: rows to emphasise.
    public init(
        caption: String? = nil, columns: [Column], rows: [[String]], firstColumnIsHeader: Bool = true,
        emphasizedRows: Set<Int> = []
    ) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.firstColumnIsHeader = firstColumnIsHeader
        self.emphasizedRows = emphasizedRows
    }

    func render() -> String {
        let e = Escaping.xml
        // A focusable scrolling region so wide tables stay usable from the keyboard.
        let label = caption.map { " aria-label=\"\(e($0))\"" } ?? ""
        var html = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"\(label)>\n<table>\n"
        if let caption { html += "<caption>\(e(caption))</caption>\n" }
        html += "<thead><tr>" + columns.map { "<th scope=\"col\"\(align($0.alignment))>\(e($0.header))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            html += emphasizedRows.contains(r) ? "<tr class=\"emphasis\">" : "<tr>"
            for c in columns.indices {
                let text = c < row.count ? row[c] : ""
                let alignment = align(columns[c].alignment)
                html += c == 0 && firstColumnIsHeader
                    ? "<th scope=\"row\"\(alignment)>\(e(text))</th>" : "<td\(alignment)>\(e(text))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    private func align(_ alignment: Alignment) -> String {
        alignment == .left ? "" : " class=\"\(alignment == .right ? "num" : "center")\""
    }
}
