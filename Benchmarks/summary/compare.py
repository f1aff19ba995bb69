#!/usr/bin/env python3
"""ROUGE-1/2 of Bayan's extractive summary next to lead-K, TextRank and LexRank (sumy).

Usage (from the repository root, after `swift build --product bayan`):

    .build-py/bin/python Benchmarks/summary/compare.py [--bayan .build/debug/bayan] [--detail]

Data: Benchmarks/summary/r*.txt (22 short releases) and Benchmarks/summary/news/n*.txt (24
longer news items). One sentence per line, a blank line between paragraphs, `* ` marks a
sentence of the reference summary (see README.md). K = the number of reference sentences of
each document, the same K for every system.

Split: files with an odd number (r01, r03, …, n01, n03, …) are the tuning part, the even ones
the held-out part; the summarizer's weights were chosen looking at the tuning part only.

Every system picks from the same sentences: those of `bayan segment --jsonl` on the rebuilt text.
ROUGE-N F (Lin 2004, clipped n-gram counts, one reference) on Arabic word tokens, defined here:
  1. normalize like Bayan's ArabicNormalizer.key: drop harakat, tatweel and superscript alef;
     أ إ آ ٱ → ا, ى → ي, ة → ه; Arabic-Indic and Persian digits → ASCII; ASCII lower-cased;
  2. split on every character that is not a letter or a digit;
  3. no stemming and no stop-word removal.
The scores are macro-averaged over documents.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

FOLD = {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
        "\u0649": "\u064a", "\u0629": "\u0647", "\u06cc": "\u064a", "\u06a9": "\u0643"}
DROP = re.compile("[\u0640\u064b-\u0652\u0670]")


def normalize(text):
    text = DROP.sub("", text)
    out = []
    for ch in text:
        o = ord(ch)
        if ch in FOLD:
            out.append(FOLD[ch])
        elif 0x0660 <= o <= 0x0669:
            out.append(chr(o - 0x0660 + 0x30))
        elif 0x06F0 <= o <= 0x06F9:
            out.append(chr(o - 0x06F0 + 0x30))
        else:
            out.append(ch.lower() if ch.isascii() else ch)
    return "".join(out)


def tokens(text):
    return [t for t in re.split(r"[^\w]|_", normalize(text)) if t]


def rouge(system, reference, n):
    def grams(t):
        return Counter(tuple(t[i:i + n]) for i in range(len(t) - n + 1))
    s, r = grams(system), grams(reference)
    overlap = sum(min(c, s[g]) for g, c in r.items())
    rt, st = sum(r.values()), sum(s.values())
    recall = overlap / rt if rt else 0.0
    precision = overlap / st if st else 0.0
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def load(path):
    paragraphs, reference = [[]], []
    for raw in open(path, encoding="utf-8").read().split("\n"):
        line = raw.strip()
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if line.startswith("* "):
            line = line[2:]
            reference.append(line)
        paragraphs[-1].append(line)
    text = "\n".join(" ".join(p) for p in paragraphs if p)
    return text, reference


def documents():
    docs = []
    for folder, prefix in ((HERE, "r"), (os.path.join(HERE, "news"), "n")):
        for name in sorted(os.listdir(folder)):
            if name.startswith(prefix) and name.endswith(".txt"):
                number = int(re.sub(r"\D", "", name))
                text, reference = load(os.path.join(folder, name))
                docs.append({"id": prefix + name[1:-4], "set": "releases" if prefix == "r" else "news",
                             "part": "tuning" if number % 2 == 1 else "held-out",
                             "text": text, "reference": reference, "k": len(reference)})
    return docs


def run_jsonl(bayan, args, lines):
    out = subprocess.run([bayan] + args, input="".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines),
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


class Tokenizer:
    """sumy's interface: words of a sentence, in the same normalized form as ROUGE."""
    @staticmethod
    def to_words(text):
        return tokens(text)


PREFIXES = ["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف", "ك"]
SUFFIXES = ["ها", "ات", "ون", "ين", "ان", "يه", "ه", "ي"]


def light_stem(word):
    """One proclitic and one suffix off (kept at 3 letters or more): without it no two
    sentences of an Arabic text share enough surface words for LexRank's 0.1 threshold."""
    for p in PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            word = word[len(p):]
            break
    for s in SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            word = word[:-len(s)]
            break
    return word


def sumy_select(kind, sentences, k, stem=False):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words
    doc = ObjectDocumentModel([Paragraph([Sentence(s, Tokenizer) for s in sentences])])
    stemmer = light_stem if stem else (lambda w: w)
    summarizer = TextRankSummarizer(stemmer) if kind == "textrank" else LexRankSummarizer(stemmer)
    summarizer.stop_words = {normalize(w) for w in get_stop_words("arabic")}
    chosen = {str(s) for s in summarizer(doc, k)}
    return [s for s in sentences if s in chosen]


def estimated_english(sentence):
    words = [w for w in sentence.split() if any(c.isalnum() for c in w)]
    return -(-len(words) * 13 // 10)


def budget_report(docs, bayan, budget):
    """Budget mode: Bayan's summary against the lead sentences that fit the same budget (taken
    in order, a sentence that does not fit passed over), both at most 3 sentences."""
    rows = {"Bayan extractive": [], "lead within budget": []}
    words = {"Bayan extractive": [], "lead within budget": []}
    for d, b in zip(docs, bayan):
        lead, used = [], 0
        for s in d["sentences"]:
            if len(lead) < 3 and used + estimated_english(s) <= budget:
                lead.append(s)
                used += estimated_english(s)
        ref_t = [t for s in d["reference"] for t in tokens(s)]
        for name, chosen in (("Bayan extractive", b["summary"]), ("lead within budget", lead)):
            sys_t = [t for s in chosen for t in tokens(s)]
            rows[name].append((d["part"], rouge(sys_t, ref_t, 1), rouge(sys_t, ref_t, 2)))
            words[name].append(sum(estimated_english(s) for s in chosen))
    print(f"Budget mode: at most 3 sentences and {budget} estimated English words; ROUGE-1 F / ROUGE-2 F")
    for name, vals in rows.items():
        out = []
        for part in ("tuning", "held-out"):
            v = [x for x in vals if x[0] == part]
            out.append(f"{part} {sum(x[1] for x in v) / len(v):.3f} / {sum(x[2] for x in v) / len(v):.3f}")
        over = sum(w > budget for w in words[name])
        print(f"{name:<20} " + "   ".join(out) + f"   mean words {sum(words[name]) / len(words[name]):.1f}, over budget: {over}")
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bayan", default=os.path.join(ROOT, ".build/debug/bayan"))
    parser.add_argument("--detail", action="store_true")
    parser.add_argument("--weights", help="passed to bayan summarize --weights (tuning)")
    parser.add_argument("--bayan-only", action="store_true", help="skip lead-K and sumy (tuning)")
    parser.add_argument("--max-words", type=int, help="budget mode: at most 3 sentences within this many "
                        "English words (estimated as 1.3 per Arabic word), Bayan against the lead sentences that fit")
    args = parser.parse_args()
    docs = documents()
    segmented = run_jsonl(args.bayan, ["segment", "--jsonl"], [{"doc_id": d["id"], "text": d["text"]} for d in docs])
    for d, s in zip(docs, segmented):
        d["sentences"] = s["sentences"]
    extra = (["--weights", args.weights] if args.weights else []) + (["--max-words", str(args.max_words)] if args.max_words else [])
    bayan = run_jsonl(args.bayan, ["summarize", "--jsonl"] + extra,
                      [{"doc_id": d["id"], "text": d["text"], "sentences": 3 if args.max_words else d["k"]} for d in docs])
    if args.max_words:
        return budget_report(docs, bayan, args.max_words)
    systems = {
        "Bayan extractive": lambda d, i: bayan[i]["summary"],
        "lead-K": lambda d, i: d["sentences"][:d["k"]],
        "TextRank (sumy)": lambda d, i: sumy_select("textrank", d["sentences"], d["k"]),
        "LexRank (sumy)": lambda d, i: sumy_select("lexrank", d["sentences"], d["k"]),
        "TextRank + stem": lambda d, i: sumy_select("textrank", d["sentences"], d["k"], stem=True),
        "LexRank + stem": lambda d, i: sumy_select("lexrank", d["sentences"], d["k"], stem=True),
    }
    if args.bayan_only:
        systems = {k: v for k, v in systems.items() if k in ("Bayan extractive", "lead-K")}
    scores = {}
    wrong_k = Counter()
    for name, select in systems.items():
        for i, d in enumerate(docs):
            chosen = select(d, i)
            if len(chosen) != min(d["k"], len(d["sentences"])):
                wrong_k[name] += 1
            sys_t = [t for s in chosen for t in tokens(s)]
            ref_t = [t for s in d["reference"] for t in tokens(s)]
            for group in (d["set"] + " " + d["part"], "all " + d["part"]):
                scores.setdefault((name, group), []).append((rouge(sys_t, ref_t, 1), rouge(sys_t, ref_t, 2)))
            if args.detail and name == "Bayan extractive":
                picked = [d["sentences"].index(s) for s in chosen if s in d["sentences"]]
                wanted = [d["sentences"].index(s) for s in d["reference"] if s in d["sentences"]]
                print(f"  {d['id']}: chose {picked} reference {wanted} of {len(d['sentences'])}")
    groups = ["releases tuning", "releases held-out", "news tuning", "news held-out", "all tuning", "all held-out"]
    print("ROUGE-1 F / ROUGE-2 F, macro-averaged; K = the reference's sentence count")
    print(f"{'system':<20}" + "".join(f"{g + ' (' + str(len(scores[('lead-K', g)])) + ')':>23}" for g in groups))
    for name in systems:
        row = f"{name:<20}"
        for g in groups:
            vals = scores[(name, g)]
            r1 = sum(v[0] for v in vals) / len(vals)
            r2 = sum(v[1] for v in vals) / len(vals)
            row += f"{r1:>15.3f} /{r2:>6.3f}"
        print(row)
    # Per document, Bayan against each other system on ROUGE-1 F: wins / ties / losses.
    per_doc = {}
    for (name, group), vals in scores.items():
        per_doc[(name, group)] = [v[0] for v in vals]
    for part in ("all tuning", "all held-out"):
        line = []
        for name in systems:
            if name == "Bayan extractive":
                continue
            b, o = per_doc[("Bayan extractive", part)], per_doc[(name, part)]
            w = sum(x > y + 1e-9 for x, y in zip(b, o))
            l = sum(y > x + 1e-9 for x, y in zip(b, o))
            line.append(f"{name} {w}/{len(b) - w - l}/{l}")
        print(f"Bayan wins/ties/losses on ROUGE-1 F per document, {part}: " + "; ".join(line))
    for name in systems:
        if wrong_k[name]:
            print(f"note: {name} returned a number of sentences other than K for {wrong_k[name]} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
