#!/usr/bin/env python3
"""Compares the visible text of two builds of the site: every .html page (tags stripped, <script>/<style> dropped,
entities decoded, whitespace collapsed) and every .docx (the text of word/document.xml, paragraph by paragraph).
Usage: compare-visible-text.py BEFORE AFTER  -- prints each file whose text differs, with a diff; exit 1 if any."""
import difflib, html.parser, pathlib, re, sys, zipfile

class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.parts = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"): self.skip += 1
        self.parts.append("\n")
    def handle_endtag(self, tag):
        if tag in ("script", "style"): self.skip -= 1
        self.parts.append("\n")
    def handle_data(self, data):
        if not self.skip: self.parts.append(data)

def lines(text):
    return [l for l in (re.sub(r"\s+", " ", l).strip() for l in text.split("\n")) if l]

def visible(path):
    if path.suffix == ".html":
        p = Text(); p.feed(path.read_text(encoding="utf-8")); return lines("".join(p.parts))
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    return lines("\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs))

before, after = map(pathlib.Path, sys.argv[1:3])
names = sorted({p.relative_to(before) for p in before.rglob("*") if p.suffix in (".html", ".docx")}
               | {p.relative_to(after) for p in after.rglob("*") if p.suffix in (".html", ".docx")})
differing = 0
for name in names:
    a, b = before / name, after / name
    if not a.exists() or not b.exists():
        print(f"only in {'after' if b.exists() else 'before'}: {name}"); differing += 1; continue
    if visible(a) != visible(b):
        differing += 1
        print(f"== {name}")
        sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(visible(a), visible(b), "before", "after", lineterm="", n=1))
print(f"{len(names)} files, {differing} with different visible text")
sys.exit(1 if differing else 0)
