/// The root of one chart: `<svg>` with `<title>`, `<desc>`, `<defs>`, a white background, the optional visible
/// title and the notes line(s) at the bottom; charts draw into ``body`` between ``top`` and ``bottom``.
struct ChartCanvas {
    let width: Double
    let height: Double
    let id: String
    let title: String
    let showTitle: Bool
    let notes: [String]
    var defs: Defs
    var body = SVGWriter()

    /// Creates a canvas.
    /// - Parameters:
    ///   - title: the chart title.
    ///   - options: frame options.
    ///   - defaultHeight: the height when the options leave it open.
    ///   - fingerprint: a deterministic description of the chart's content (its id is derived from it).
    ///   - notes: lines shown under the chart and added to the summary (skipped values, truncation).
    init(title: String, options: ChartOptions, defaultHeight: Double, fingerprint: String, notes: [String]) {
        width = max(240, options.width.isFinite ? options.width : 720)
        let wanted = options.height ?? defaultHeight
        height = max(120, wanted.isFinite ? wanted : defaultHeight)
        id = options.id.map(Escaping.identifier) ?? "chart-" + Fingerprint.hex(title + "\u{1F}" + fingerprint)
        self.title = title
        showTitle = options.showTitle
        self.notes = notes
        defs = Defs(prefix: id)
    }

    /// First y below the title.
    var top: Double { showTitle ? 32 : 10 }

    /// Last y above the notes.
    var bottom: Double { height - 6 - Double(notes.count) * 14 }

    /// Completes the document.
    /// - Parameter summary: the text alternative (the notes are appended).
    func finish(summary: String) -> RenderedChart {
        let n = SVGWriter.n
        let description = ([summary] + notes).filter { !$0.isEmpty }.joined(separator: " ")
        var svg = SVGWriter()
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", n(width)), ("height", n(height)),
            ("viewBox", "0 0 \(n(width)) \(n(height))"), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("id", id), ("class", "mmm-chart"), ("font-family", Theme.fontFamily), ("font-size", n(Theme.fontSize)),
        ])
        svg.textElement("title", [("id", "\(id)-title")], text: title)
        svg.textElement("desc", [("id", "\(id)-desc")], text: description)
        if !defs.markup.isEmpty {
            svg.open("defs")
            svg.append(SVGWriter.raw(defs.markup))
            svg.close("defs")
        }
        svg.rect(x: 0, y: 0, width: width, height: height, fill: Theme.background, cssClass: "background")
        if showTitle {
            svg.fittedLabel(title, x: 10, y: 21, maxWidth: width - 20, size: Theme.titleFont, weight: "bold")
        }
        svg.append(body)
        for (i, note) in notes.enumerated() {
            svg.fittedLabel(note, x: 10, y: height - 8 - Double(notes.count - 1 - i) * 14, maxWidth: width - 20,
                size: Theme.smallFont)
        }
        svg.close("svg")
        return RenderedChart(svg: svg.markup, summary: description, title: title, id: id, width: width, height: height)
    }

    /// Writes "No data to show." in the middle of the drawing area.
    mutating func drawEmpty(message: String = "No data to show.") {
        body.label(message, x: width / 2, y: (top + bottom) / 2, anchor: .middle, fill: Theme.muted)
    }
}

/// Stable short hashes (FNV-1a, 64 bit) for ids derived from content.
enum Fingerprint {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = Array("0123456789abcdef")
        return String((0..<10).map { digits[Int((hash >> (UInt64($0) * 4)) & 0xF)] })
    }
}

/// The plot area inside a canvas.
struct PlotArea {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }

    /// Writes an invisible rectangle marking the plot area (tests and tools read its geometry).
    func mark(into svg: inout SVGWriter) {
        svg.rect(x: x, y: y, width: width, height: height, fill: "none", cssClass: "plot-area")
    }
}

/// Counts values dropped because they are NaN or infinite, for the chart's note.
struct SkipCounter {
    private(set) var skipped = 0

    /// Whether to keep `value` (counting it when not).
    mutating func keep(_ value: Double) -> Bool {
        if value.isFinite { return true }
        skipped += 1
        return false
    }

    /// The note for the chart, or nil when nothing was skipped.
    var note: String? {
        guard skipped > 0 else { return nil }
        return "Note: \(skipped) value\(skipped == 1 ? "" : "s") skipped (not a finite number)."
    }
}
