/// How series `index` is told apart without colour: a dash pattern for lines, a marker shape for points and a
/// fill pattern for areas, alongside its Okabe–Ito colour.
struct SeriesStyle {
    let index: Int

    var color: String { Palette.color(index) }

    /// Dash patterns for lines (solid first).
    static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3", "4 2", "1 4", "12 4", "5 2 1 2"]

    var dash: String? { Self.dashes[index % Self.dashes.count] }

    var marker: MarkerShape { MarkerShape.allCases[index % MarkerShape.allCases.count] }

    var pattern: FillPattern { FillPattern.allCases[index % FillPattern.allCases.count] }
}
