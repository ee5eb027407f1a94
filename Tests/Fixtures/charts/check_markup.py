#!/usr/bin/env python3
"""Independent markup checks for MMMCharts output (standard library only).

Usage: check_markup.py FILE...   (.svg files and .html pages)

- .svg: parsed with xml.etree (well-formed XML, root <svg> in the SVG namespace, role="img", <title> and <desc>
  referenced by aria-labelledby).
- .html: parsed with html.parser: tags balance (void elements aside), no <script>, no src= or href= pointing at
  a scheme (http:, https:, javascript:, //host), every <th> has scope, every <img> has alt; each inline <svg>
  ... </svg> is cut out and checked as an .svg file is.
Prints one line per problem and exits 1 if there were any, else prints "ok N files" and exits 0.
"""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

SVG_NS = "{http://www.w3.org/2000/svg}"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def check_svg(text, where):
    problems = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [f"{where}: not well-formed XML: {error}"]
    if root.tag != SVG_NS + "svg":
        problems.append(f"{where}: root is {root.tag}, not svg in the SVG namespace")
    if root.get("role") != "img":
        problems.append(f"{where}: root lacks role=img")
    ids = (root.get("aria-labelledby") or "").split()
    found = {el.get("id"): el for el in root.iter() if el.get("id")}
    for wanted, tag in zip(ids, ("title", "desc")):
        el = found.get(wanted)
        if el is None or el.tag != SVG_NS + tag or not (el.text or "").strip():
            problems.append(f"{where}: aria-labelledby {wanted} is not a non-empty <{tag}>")
    if len(ids) != 2:
        problems.append(f"{where}: aria-labelledby should name a title and a desc")
    return problems


class PageChecker(HTMLParser):
    def __init__(self, where):
        super().__init__(convert_charrefs=True)
        self.where, self.stack, self.problems = where, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.problems.append(f"{self.where}: contains <script>")
        for key in ("src", "href"):
            value = attrs.get(key)
            if value is not None and (re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) or value.startswith("//")):
                if not value.startswith("data:"):
                    self.problems.append(f"{self.where}: <{tag} {key}={value!r}> points outside the page")
        if tag == "th" and attrs.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
            self.problems.append(f"{self.where}: <th> without scope")
        if tag == "img" and "alt" not in attrs:
            self.problems.append(f"{self.where}: <img> without alt")
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        # <rect .../> inside inline SVG: self-closed, nothing to balance.
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            top = self.stack[-1] if self.stack else ("nothing", (0, 0))
            self.problems.append(f"{self.where}: </{tag}> at line {self.getpos()[0]} closes <{top[0]}> from line {top[1][0]}")
            return
        self.stack.pop()


def check_html(text, where):
    checker = PageChecker(where)
    checker.feed(text)
    checker.close()
    problems = checker.problems
    if checker.stack:
        problems.append(f"{where}: unclosed tags: {[t for t, _ in checker.stack][:5]}")
    for i, svg in enumerate(re.findall(r"<svg\b.*?</svg>", text, flags=re.S)):
        problems += check_svg(svg, f"{where} inline svg #{i}")
    return problems


def main(paths):
    problems = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        problems += check_svg(text, path) if path.endswith(".svg") else check_html(text, path)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"ok {len(paths)} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
