import Foundation
import Testing

@testable import MMMCharts

/// Several charts on one sheet: the panels keep their markup, sit in a grid inside the sheet, and the sheet's text
/// alternative covers them all.
@Suite struct ChartSheetTests {
    static let panels: [RenderedChart] = (0..<3).map { i in
        BarChart(
            title: "Panel \(i)", categories: ["a", "b"], series: [.init(name: "v", values: [Double(i + 1), 2])],
            options: ChartOptions(width: 300, height: 200 + Double(i) * 20)
        ).render()
    }

    @Test func panelsSitInAGridInsideTheSheet() throws {
        let sheet = ChartSheet(title: "Sheet", subtitle: "three panels", panels: Self.panels, columns: 2).render()
        let root = try SVGChecks.parseAndCheckRoot(sheet.svg)
        #expect(root.attributes["class"] == "mmm-chart mmm-sheet")
        // Two across: margins 10, gap 12.
        #expect(sheet.width == 10 + 300 + 12 + 300 + 10)
        let groups = root.children.filter { $0.classes.contains("panel") }
        #expect(groups.map { $0.attributes["transform"] ?? "" } == ["translate(10 62)", "translate(322 62)", "translate(10 294)"])
        // The second row starts below the taller panel of the first (220) plus the gap.
        #expect(sheet.height == 294 + 240 + 10)
        for (group, panel) in zip(groups, Self.panels) {
            #expect(group.children.first?.attributes["id"] == panel.id)
        }
        // The last panel ends inside the sheet.
        #expect(10 + Self.panels[2].width <= sheet.width && 294 + Self.panels[2].height <= sheet.height)
        #expect(sheet.summary.hasPrefix("3 charts (three panels). Panel 0: "))
        #expect(sheet.svg == ChartSheet(title: "Sheet", subtitle: "three panels", panels: Self.panels, columns: 2).render().svg)
    }

    @Test func anEmptySheetSaysSo() throws {
        let sheet = ChartSheet(title: "Empty", panels: []).render()
        let root = try SVGChecks.parseAndCheckRoot(sheet.svg)
        #expect(root.all.contains { $0.name == "text" && $0.text == "No charts to show." })
        #expect(sheet.width >= 240 && sheet.height > 40)
    }
}
