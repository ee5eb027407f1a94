/// Fonts, sizes and neutral colours shared by every chart.
enum Theme {
    static let fontFamily = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
    static let fontSize = 12.0
    static let smallFont = 11.0
    static let titleFont = 15.0
    static let text = "#222222"
    static let muted = "#555555"
    static let grid = "#dddddd"
    static let axis = "#444444"
    static let background = "#ffffff"
    static let outline = "#333333"
    /// Height of one line of tick or legend text.
    static let lineHeight = 16.0
}
