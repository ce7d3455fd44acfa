#!/usr/bin/env python3
"""Generates a synthetic workbook of N exercises for benchmarking Hearth (and the same Markdown for Hugo).

Usage: generate.py N OUT_DIR
Writes OUT_DIR/hearth/content/ (a Hearth project) and OUT_DIR/hugo/ (a minimal Hugo site with the same
pages). Each exercise has about 600 words (about 550 in the body, 50 in its prompts) with headings, a list, emphasis, links, a quote and 4 prompts.
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


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(42)
    hearth = os.path.join(out, "hearth", "content")
    hugo = os.path.join(out, "hugo")
    for d in ("exercises", "prompts", "pages"):
        os.makedirs(os.path.join(hearth, d), exist_ok=True)
    os.makedirs(os.path.join(hugo, "content", "exercises"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(hearth, "workbook.yml"), "w", encoding="utf-8") as f:
        f.write(f"title: Benchmark workbook ({n} exercises)\nparts:\n  - id: all\n    title: Exercises\n")
    prompts = []
    for i in range(1, n + 1):
        ids = [f"p{i:05d}-{k}" for k in range(1, 5)]
        for k, pid in enumerate(ids):
            kind = ["journal", "journal", "checklist", "rating"][k]
            extra = {"journal": "  space: 6\n", "checklist": "  items: [one, two, three]\n",
                     "rating": "  scale: 0-10\n  low: Not at all\n  high: Very\n"}[kind]
            prompts.append(f"- id: {pid}\n  text: {sentence(rng)}\n  kind: {kind}\n  tags: [bench]\n{extra}")
        text = body(rng, i, n)
        title = f"Exercise {i}: " + " ".join(rng.choice(WORDS) for _ in range(3))
        with open(os.path.join(hearth, "exercises", f"ex-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\nid: ex-{i:05d}\ntitle: \"{title}\"\nsummary: {sentence(rng)}\npart: all\norder: {i}\n"
                    f"intensity: gentle\nprompts: [{', '.join(ids)}]\n---\n{text}")
        with open(os.path.join(hugo, "content", "exercises", f"ex-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: \"{title}\"\nweight: {i}\n---\n{text.replace('.md)', '/)').replace('(ex-', '(../ex-')}")
    # One prompt file per 500 exercises keeps files a sensible size.
    for start in range(0, len(prompts), 2000):
        with open(os.path.join(hearth, "prompts", f"bench-{start // 2000:03d}.yml"), "w", encoding="utf-8") as f:
            f.write("\n".join(prompts[start:start + 2000]))
    with open(os.path.join(hugo, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write('baseURL = "http://localhost/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>"
                "{{ .Content }}</main></body></html>\n")
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><main><ul>"
                "{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n")


if __name__ == "__main__":
    main()
