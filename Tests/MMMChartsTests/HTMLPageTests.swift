import Foundation
import Testing

@testable import MMMCharts

@Suite struct HTMLPageTests {
    static let page = HTMLPage(
        title: "Report <1> & co", subtitle: "run \"x\"",
        sections: [
            HTMLSection(title: "Summary", blocks: [
                .facts([HTMLFact("Best <model>", "1_2_3"), HTMLFact("Link", runs: [.link(text: "files", href: "files/a.csv")])]),
                .table(HTMLTable(caption: "Metrics & more", columns: [.init("Variant"), .init("R²", alignment: .right)],
                    rows: [["a<b", "0.90"], ["c", "0.80"], ["short"]], emphasizedRows: [1])),
                .note(lead: "Warning", text: [.text("bound binds "), .strong("tv_S"), .code("x<y")]),
                .paragraph([.link(text: "out", href: "https://example.com/x"), .link(text: "js", href: "javascript:alert(1)"),
                            .link(text: "proto", href: "//evil.example/x"), .link(text: "anchor", href: "#summary")]),
            ]),
            HTMLSection(title: "Summary", blocks: [.figure(DemoCharts.shares.render(), caption: "Shares <b>")]),
        ], footer: "v1")

    @Test func documentIsSelfContained() {
        let html = Self.page.render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        #expect(!html.contains("href=\"http") && !html.contains("href=\"javascript") && !html.contains("href=\"//"))
        #expect(html.contains("out (https://example.com/x)"))
        #expect(html.contains("<a href=\"files/a.csv\">files</a>") && html.contains("<a href=\"#summary\">anchor</a>"))
        #expect(html.contains("<title>Report &lt;1&gt; &amp; co</title>"))
    }

    @Test func tablesHaveScopedHeadersCaptionAndEmphasis() {
        let html = Self.page.render()
        #expect(html.contains("<caption>Metrics &amp; more</caption>"))
        #expect(html.contains("<th scope=\"col\">Variant</th><th scope=\"col\" class=\"num\">R²</th>"))
        #expect(html.contains("<tr><th scope=\"row\">a&lt;b</th><td class=\"num\">0.90</td></tr>"))
        #expect(html.contains("<tr class=\"emphasis\"><th scope=\"row\">c</th>"))
        #expect(html.contains("<tr><th scope=\"row\">short</th><td class=\"num\"></td></tr>"))
        #expect(html.contains("role=\"region\" tabindex=\"0\" aria-label=\"Metrics &amp; more\""))
    }

    @Test func sectionsGetUniqueAnchorsAndAContentsList() {
        let html = Self.page.render()
        #expect(html.contains("<section id=\"summary\" aria-labelledby=\"summary-h\">"))
        #expect(html.contains("<section id=\"summary-2\" aria-labelledby=\"summary-2-h\">"))
        #expect(html.contains("<li><a href=\"#summary\">Summary</a></li>\n<li><a href=\"#summary-2\">Summary</a></li>"))
    }

    @Test func blocksEscapeEverything() {
        let html = Self.page.render()
        #expect(html.contains("<dt>Best &lt;model&gt;</dt><dd>1_2_3</dd>"))
        #expect(html.contains("<strong>Warning:</strong> bound binds <strong>tv_S</strong><code>x&lt;y</code>"))
        #expect(html.contains("<figcaption>Shares &lt;b&gt;</figcaption>"))
        #expect(html.contains("<p class=\"subtitle\">run &quot;x&quot;</p>"))
        #expect(html.contains("<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test func stylesheetPrintsOnA4WithBreaksAndScalingCharts() {
        let css = HTMLStyle.stylesheet
        #expect(css.contains("@page { size: A4;"))
        #expect(css.contains("main > section + section { break-before: page; }"))
        #expect(css.contains("figure.chart svg { display: block; width: 100%; max-width: 100%; height: auto; }"))
        #expect(css.contains("figure.chart, dl.facts, aside.note, tr { break-inside: avoid; }"))
        #expect(!css.contains("url(") && !css.contains("@import"))
    }

    @Test func relativeLinkRule() {
        #expect(HTMLInline.isRelative("a/b.csv") && HTMLInline.isRelative("#x") && HTMLInline.isRelative("../r/report.html"))
        #expect(HTMLInline.isRelative("dir/a:b.csv"))
        #expect(!HTMLInline.isRelative("https://x") && !HTMLInline.isRelative("mailto:a@b") && !HTMLInline.isRelative("//x")
            && !HTMLInline.isRelative(""))
    }
}
