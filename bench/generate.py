#!/usr/bin/env python3
"""Generates a synthetic workbook of N exercises for benchmarking Hearth (and the same Markdown for Hugo).

Usage: generate.py N OUT_DIR
       generate.py --from-content CONTENT_DIR OUT_DIR   (the same Hugo site for an existing Hearth content folder,
                                                         e.g. the default workbook, in OUT_DIR/hugo/)
Writes OUT_DIR/hearth/content/ (a Hearth project) and OUT_DIR/hugo/ (a Hugo site with the same pages,
whose layouts produce what Hearth's theme does: the page frame and navigation, each exercise's prompts
as form fields, previous/next links, a contents page and a search index of every page's text). Each exercise has about 600 words (about 550 in the body, 50 in its prompts) with headings, a list, emphasis, links, a quote and 4 prompts.
The text is deterministic (a fixed seed), so runs are comparable.
"""
import os
import random
import sys

WORDS = ("you notice feel small safe child kind slow breath write page moment memory quiet gentle "
         "listen voice warm day home friend hand light open rest story time care name old new "
         "play draw walk tea morning evening week return calm steady body heart space room "
         "window garden river path step choose allow trust hope learn grow").split()


def sentence(rng, n=None):
    n = n or rng.randint(8, 16)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng, sentences=7):
    return " ".join(sentence(rng) for _ in range(sentences))


def body(rng, i, n):
    other = (i % n) + 1
    parts = [
        "## Why it helps", "",
        paragraph(rng) + " It is *gentle* work and **slow** work.", "",
        paragraph(rng), "",
        "## How to do it", "",
    ]
    parts += [f"{k}. {sentence(rng)}" for k in range(1, 6)]
    parts += ["", f"See also [exercise {other}](ex-{other:05d}.md) and [a guide](https://example.org/guide).", "",
              "> " + paragraph(rng, 2), "",
              "## Going further", "", paragraph(rng, 8), "",
              "- " + sentence(rng), "- " + sentence(rng), "- " + sentence(rng), "",
              paragraph(rng, 8), ""]
    return "\n".join(parts)


def hugo_site(hugo):
    """Creates OUT/hugo's folders, its configuration and the layouts."""
    os.makedirs(os.path.join(hugo, "content", "exercises"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(hugo, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write('baseURL = "http://localhost/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
                '[outputs]\nhome = ["HTML", "JSON"]\n')
    for name, text in HUGO_LAYOUTS.items():
        with open(os.path.join(hugo, "layouts", name), "w", encoding="utf-8") as f:
            f.write(text)


def from_content(content, out):
    """The Hugo site of a Hearth content folder: each exercise and page with its prompts resolved."""
    import json
    import yaml
    hugo = os.path.join(out, "hugo")
    hugo_site(hugo)
    os.makedirs(os.path.join(hugo, "content", "pages"), exist_ok=True)
    library = {}
    for name in sorted(os.listdir(os.path.join(content, "prompts"))):
        with open(os.path.join(content, "prompts", name), encoding="utf-8") as f:
            for p in yaml.safe_load(f) or []:
                library[p["id"]] = p
    for section in ("exercises", "pages"):
        for name in sorted(os.listdir(os.path.join(content, section))):
            if not name.endswith(".md"):
                continue
            with open(os.path.join(content, section, name), encoding="utf-8") as f:
                text = f.read()
            _, head, body_text = text.split("---\n", 2)
            meta = yaml.safe_load(head)
            prompts = []
            for pid in meta.get("prompts", []):
                p = library.get(pid, {"id": pid, "text": pid, "kind": "journal"})
                kind = p["kind"] if p["kind"] in ("checklist", "rating") else "journal"
                entry = {"id": p["id"], "text": p["text"], "kind": kind}
                if kind == "checklist":
                    entry["items"] = p.get("items", [])
                if kind == "rating":
                    entry["low"], entry["high"] = p.get("low", ""), p.get("high", "")
                prompts.append(entry)
            front = {"title": meta.get("title", name), "description": meta.get("summary", ""),
                     "weight": meta.get("order", 0), "prompts": prompts}
            with open(os.path.join(hugo, "content", section, name), "w", encoding="utf-8") as f:
                # JSON is YAML: Hugo reads it as the front matter.
                f.write("---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n"
                        + body_text.replace(".md)", "/)"))


def main():
    if sys.argv[1] == "--from-content":
        from_content(sys.argv[2], sys.argv[3])
        return
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(42)
    hearth = os.path.join(out, "hearth", "content")
    hugo = os.path.join(out, "hugo")
    for d in ("exercises", "prompts", "pages"):
        os.makedirs(os.path.join(hearth, d), exist_ok=True)
    for name in ("single.html", "list.html"):  # from earlier versions of this script
        if os.path.exists(os.path.join(hugo, "layouts", "_default", name)):
            os.remove(os.path.join(hugo, "layouts", "_default", name))
    hugo_site(hugo)
    with open(os.path.join(hearth, "workbook.yml"), "w", encoding="utf-8") as f:
        f.write(f"title: Benchmark workbook ({n} exercises)\nparts:\n  - id: all\n    title: Exercises\n")
    prompts = []
    for i in range(1, n + 1):
        ids = [f"p{i:05d}-{k}" for k in range(1, 5)]
        hugo_prompts = []
        for k, pid in enumerate(ids):
            kind = ["journal", "journal", "checklist", "rating"][k]
            extra = {"journal": "  space: 6\n", "checklist": "  items: [one, two, three]\n",
                     "rating": "  scale: 0-10\n  low: Not at all\n  high: Very\n"}[kind]
            text = sentence(rng)
            prompts.append(f"- id: {pid}\n  text: {text}\n  kind: {kind}\n  tags: [bench]\n{extra}")
            hugo_prompts.append(f"  - {{id: {pid}, text: \"{text}\", kind: {kind}"
                                + {"journal": "}", "checklist": ", items: [one, two, three]}",
                                   "rating": ", low: Not at all, high: Very}"}[kind])
        text = body(rng, i, n)
        title = f"Exercise {i}: " + " ".join(rng.choice(WORDS) for _ in range(3))
        summary = sentence(rng)
        with open(os.path.join(hearth, "exercises", f"ex-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\nid: ex-{i:05d}\ntitle: \"{title}\"\nsummary: {summary}\npart: all\norder: {i}\n"
                    f"intensity: gentle\nprompts: [{', '.join(ids)}]\n---\n{text}")
        with open(os.path.join(hugo, "content", "exercises", f"ex-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: \"{title}\"\ndescription: \"{summary}\"\nweight: {i}\nprompts:\n" + "\n".join(hugo_prompts)
                    + f"\n---\n{text.replace('.md)', '/)').replace('(ex-', '(../ex-')}")
    # One prompt file per 500 exercises keeps files a sensible size.
    for start in range(0, len(prompts), 2000):
        with open(os.path.join(hearth, "prompts", f"bench-{start // 2000:03d}.yml"), "w", encoding="utf-8") as f:
            f.write("\n".join(prompts[start:start + 2000]))


# Hugo layouts that produce what Hearth's theme does for the same pages (head with a CSP, header
# navigation, the exercise with its facts, prompts as form fields, previous/next, the safety footer;
# a contents page; a search index of every page's plain text and prompts), so both do the same work.
HEAD = """<!DOCTYPE html>
<html lang="en"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'">
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title><meta name="description" content="{{ .Description }}">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/site.css"><script src="/site.js" defer></script>
</head><body><a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header"><div class="wrap header-row"><a class="brand" href="/">{{ site.Title }}</a>
<nav class="header-nav" aria-label="Site"><a href="/#contents">Contents</a> <a href="/prompts/">Prompts</a>
<a href="/answers/">My answers</a> <a href="/search/">Search</a> <a class="safety-link" href="/safety/">Safety and support</a></nav>
</div></header><main id="main" class="wrap">
"""
FOOT = """</main><footer class="site-footer"><div class="wrap"><p class="safety-note"><strong>If you are in crisis or feel
unsafe,</strong> please reach out now: call your local emergency number, or see <a href="/safety/">Safety and support</a>.</p>
<p class="fine">Your answers are saved only in this browser, on this device.</p></div></footer></body></html>
"""
HUGO_LAYOUTS = {
    "_default/single.html": HEAD + """<article class="entry entry-exercise"><p class="eyebrow">{{ .Section | humanize }}</p>
<h1>{{ .Title }}</h1><p class="summary">{{ .Description }}</p>
<ul class="facts"><li>Intensity: gentle</li></ul>
<div class="body">{{ .Content }}</div>
{{ with .Params.prompts }}<section class="prompts" aria-labelledby="prompts-title"><h2 id="prompts-title">Your prompts</h2>
<p class="prompts-intro">Answer as much or as little as you like.</p>
{{ range . }}<div class="prompt prompt-{{ .kind }}" id="{{ .id }}">
{{ if eq .kind "journal" }}<label for="{{ .id }}-a">{{ .text }}</label><textarea id="{{ .id }}-a" rows="6"></textarea>
{{ else if eq .kind "checklist" }}{{ $id := .id }}<fieldset><legend>{{ .text }}</legend>{{ range $j, $it := .items }}
<label><input type="checkbox" id="{{ $id }}-{{ $j }}"> {{ $it }}</label>{{ end }}</fieldset>
{{ else }}{{ $id := .id }}<fieldset><legend>{{ .text }}</legend><span>{{ .low }}</span>{{ range seq 0 10 }}
<label><input type="radio" name="{{ $id }}" value="{{ . }}"> {{ . }}</label>{{ end }}<span>{{ .high }}</span></fieldset>{{ end }}
<label for="{{ .id }}-note">Note</label><textarea id="{{ .id }}-note" rows="2"></textarea></div>
{{ end }}</section>{{ end }}
</article>
<nav class="pager" aria-label="Previous and next">{{ with .NextInSection }}<a class="prev" rel="prev" href="{{ .RelPermalink }}">
<span>Previous</span> {{ .Title }}</a>{{ end }}{{ with .PrevInSection }}<a class="next" rel="next" href="{{ .RelPermalink }}">
<span>Next</span> {{ .Title }}</a>{{ end }}</nav>
""" + FOOT,
    "_default/list.html": HEAD + """<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Description }}</p></li>{{ end }}</ul>
""" + FOOT,
    "index.html": HEAD + """<h1>{{ site.Title }}</h1><section id="contents"><h2>Contents</h2><ol class="contents">
{{ range site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="summary">{{ .Description }}</span></li>
{{ end }}</ol></section>
""" + FOOT,
    "index.json": """[{{ range $i, $p := site.RegularPages }}{{ if $i }},
{{ end }}{"title": {{ $p.Title | jsonify }}, "summary": {{ $p.Description | jsonify }}, "url": {{ $p.RelPermalink | jsonify }}, \
"text": {{ $p.Plain | jsonify }}, "prompts": {{ $p.Params.prompts | jsonify }}}{{ end }}]
""",
}


if __name__ == "__main__":
    main()
