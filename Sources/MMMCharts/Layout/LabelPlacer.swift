/// Places point labels beside their points without overlapping each other, trying eight positions per label in a
/// fixed order (deterministic). A label that fits nowhere is left out; charts list every label in their summary.
struct LabelPlacer {
    struct Box {
        var left, top, right, bottom: Double

        func intersects(_ other: Box) -> Bool {
            left < other.right && right > other.left && top < other.bottom && bottom > other.top
        }
    }

    struct Placement {
        var x: Double
        var y: Double
        var anchor: TextAnchor
    }

    /// The area labels must stay inside.
    let bounds: Box
    private(set) var taken: [Box] = []

    init(bounds: Box) { self.bounds = bounds }

    /// Reserves an area (another label, a legend) so later labels avoid it.
    mutating func reserve(_ box: Box) { taken.append(box) }

    /// Finds a spot for `text` next to a point at (x, y) drawn with radius `r`, and reserves it.
    /// - Returns: where to draw the text, or nil when every candidate collides or leaves the bounds.
    mutating func place(_ text: String, x: Double, y: Double, r: Double, fontSize: Double, bold: Bool = false) -> Placement? {
        let w = TextMetrics.width(text, fontSize: fontSize, bold: bold), h = fontSize
        let gap = r + 3
        // (baseline x, baseline y, anchor) candidates: right, left, above, below, then the diagonals.
        let candidates: [Placement] = [
            .init(x: x + gap, y: y + h * 0.35, anchor: .start), .init(x: x - gap, y: y + h * 0.35, anchor: .end),
            .init(x: x, y: y - gap - 1, anchor: .middle), .init(x: x, y: y + gap + h * 0.8, anchor: .middle),
            .init(x: x + gap, y: y - gap, anchor: .start), .init(x: x + gap, y: y + gap + h * 0.6, anchor: .start),
            .init(x: x - gap, y: y - gap, anchor: .end), .init(x: x - gap, y: y + gap + h * 0.6, anchor: .end),
        ]
        for candidate in candidates {
            let left: Double
            switch candidate.anchor {
            case .start: left = candidate.x
            case .end: left = candidate.x - w
            case .middle: left = candidate.x - w / 2
            }
            let box = Box(left: left - 1, top: candidate.y - h * 0.85, right: left + w + 1, bottom: candidate.y + h * 0.25)
            guard box.left >= bounds.left, box.right <= bounds.right, box.top >= bounds.top, box.bottom <= bounds.bottom,
                !taken.contains(where: { $0.intersects(box) })
            else { continue }
            taken.append(box)
            return candidate
        }
        return nil
    }
}
