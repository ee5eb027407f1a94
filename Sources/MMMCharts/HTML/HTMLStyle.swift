/// The stylesheet of every generated page (reports now, web pages later): system fonts, no web fonts, no
/// network, readable without colour (underlined links, bold plus rules for emphasis), and an A4 print layout.
public enum HTMLStyle {
    /// The CSS text, for inlining in a `<style>` element or serving as a file.
    public static let stylesheet = """
        :root { color-scheme: light; --ink: #1f1f1f; --muted: #555; --rule: #c8c8c8; --head: #f0f0f0; --stripe: #fafafa; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 980px; padding: 24px 20px 48px; color: var(--ink); background: #fff;
          font: 15px/1.5 "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; }
        h1 { font-size: 1.7em; margin: 0 0 0.2em; line-height: 1.2; }
        h2 { font-size: 1.3em; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.1em; margin: 1.4em 0 0.4em; }
        .subtitle { color: var(--muted); margin: 0 0 1em; }
        a { color: #0b4f8a; text-decoration: underline; }
        code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
        pre { background: var(--stripe); border: 1px solid var(--rule); padding: 0.6em 0.8em; overflow-x: auto;
          white-space: pre-wrap; word-break: break-word; }
        nav.toc ol { margin: 0.2em 0 1em; padding-left: 1.4em; columns: 2; }
        nav.toc h2 { border: 0; margin-top: 0.6em; font-size: 1.1em; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 0.4em 1.2em; margin: 0.6em 0 1em; }
        dl.facts div { border-left: 3px solid var(--rule); padding-left: 0.6em; }
        dl.facts dt { font-size: 0.85em; color: var(--muted); }
        dl.facts dd { margin: 0; font-weight: bold; overflow-wrap: anywhere; }
        .table-wrap { overflow-x: auto; margin: 0.6em 0 1.2em; }
        table { border-collapse: collapse; font-size: 0.88em; min-width: 50%; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; caption-side: top; }
        th, td { border: 1px solid var(--rule); padding: 0.3em 0.55em; vertical-align: top; text-align: left; }
        thead th { background: var(--head); border-bottom: 2px solid var(--ink); }
        tbody th { font-weight: normal; }
        tbody tr:nth-child(even) { background: var(--stripe); }
        tr.emphasis th, tr.emphasis td { font-weight: bold; }
        tr.emphasis th:first-child, tr.emphasis td:first-child { border-left: 4px solid var(--ink); }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .center { text-align: center; }
        figure.chart { margin: 1em 0 1.4em; }
        figure.chart svg { display: block; width: 100%; max-width: 100%; height: auto; }
        figcaption { font-size: 0.88em; color: var(--muted); margin-top: 0.3em; }
        .figure-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 1.4em; }
        aside.note { border: 1px solid var(--rule); border-left: 5px solid var(--ink); background: var(--stripe);
          padding: 0.2em 0.9em; margin: 0.8em 0; }
        footer { margin-top: 3em; font-size: 0.85em; color: var(--muted); border-top: 1px solid var(--rule); }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          main > section + section { break-before: page; }
          h2, h3 { break-after: avoid; }
          figure.chart, dl.facts, aside.note, tr { break-inside: avoid; }
          figure.chart svg { max-height: 240mm; }
          thead { display: table-header-group; }
          .table-wrap { overflow: visible; }
          table { font-size: 8pt; width: 100%; }
          .figure-grid { grid-template-columns: 1fr; }
          a { color: inherit; }
          pre { white-space: pre-wrap; }
        }
        """
}
