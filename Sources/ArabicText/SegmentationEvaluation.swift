/// Sentence-boundary scoring against a gold file (Benchmarks/segmentation/eval/gold.txt).
///
/// Gold format: `=== <id>` starts a document; every other line is one paragraph of it; `<|>`
/// marks a sentence boundary inside a line (the raw text is the line without the markers).
/// A boundary is the end offset of a sentence (trimmed), in Unicode scalars.
public enum SegmentationEvaluation {
    public struct GoldDocument: Sendable {
        public var id: String
        public var text: String
        public var sentences: [Range<Int>]
        /// Offsets where lines end (these boundaries come from the layout, not from punctuation).
        public var lineEnds: Set<Int>
    }

    public struct Counts: Sendable, CustomStringConvertible {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var description: String {
            func f(_ x: Double) -> String { String(Int((x * 10000).rounded())).paddedRatio }
            return "P=\(f(precision)) R=\(f(recall)) F1=\(f(f1)) (tp \(truePositives), fp \(falsePositives), fn \(falseNegatives))"
        }
        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
    }

    public struct Report: Sendable, CustomStringConvertible {
        public var sentences = 0
        public var all = Counts()
        /// Boundaries after sentence-final punctuation.
        public var punctuated = Counts()
        /// Boundaries inside a line (the hard ones: not given by the layout).
        public var insideLines = Counts()
        /// Headlines, datelines and other unpunctuated lines found as exactly one segment.
        public var standaloneFound = 0, standaloneTotal = 0
        public var standaloneRecall: Double { standaloneTotal == 0 ? 1 : Double(standaloneFound) / Double(standaloneTotal) }
        /// Gold boundaries missed and spurious ones, as «…context|context…» strings.
        public var errors: [String] = []

        public var description: String {
            """
            gold sentences: \(sentences)
            all boundaries:        \(all)
            punctuated sentences:  \(punctuated)
            inside a line:         \(insideLines)
            standalone headlines/datelines: recall \(standaloneFound)/\(standaloneTotal)
            """
        }
    }

    public static func parse(_ gold: String) -> [GoldDocument] {
        var docs: [GoldDocument] = []
        var id = ""
        var lines: [String] = []
        func close() {
            guard !lines.isEmpty else { return }
            var text = String.UnicodeScalarView()
            var offset = 0
            var spans: [Range<Int>] = []
            var lineEnds = Set<Int>()
            for (k, line) in lines.enumerated() {
                if k > 0 {
                    text.append("\n")
                    offset += 1
                }
                for piece in line.components(separatedBy: "<|>") {
                    let scalars = Array(piece.unicodeScalars)
                    var a = 0, b = scalars.count
                    while a < b, scalars[a].properties.isWhitespace { a += 1 }
                    while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
                    if a < b { spans.append((offset + a)..<(offset + b)) }
                    text.append(contentsOf: scalars)
                    offset += scalars.count
                }
                lineEnds.insert(spans.last?.upperBound ?? offset)
            }
            docs.append(GoldDocument(id: id, text: String(text), sentences: spans, lineEnds: lineEnds))
            lines = []
        }
        for line in gold.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("=== ") {
                close()
                id = String(line.dropFirst(4))
            } else {
                lines.append(String(line))
            }
        }
        close()
        return docs
    }

    /// Scores `predict`'s spans (segment `start..<end`) against the gold documents.
    public static func evaluate(_ docs: [GoldDocument], predict: (GoldDocument) -> [Range<Int>]) -> Report {
        var report = Report()
        for doc in docs {
            let s = Array(doc.text.unicodeScalars)
            let predicted = predict(doc)
            let gold = Set(doc.sentences.map(\.upperBound))
            let ends = Set(predicted.map(\.upperBound))
            let predictedSpans = Set(predicted)
            report.sentences += doc.sentences.count
            func punctuatedEnd(_ end: Int) -> Bool {
                var k = end - 1
                while k >= 0, ScalarClass.isClosing(s[k].value) || ScalarClass.isFormat(s[k].value) { k -= 1 }
                return k >= 0 && ScalarClass.isTerminator(s[k].value)
            }
            for end in gold.union(ends) {
                let inGold = gold.contains(end), inPredicted = ends.contains(end)
                count(&report.all, inGold, inPredicted)
                if punctuatedEnd(end) { count(&report.punctuated, inGold, inPredicted) }
                if !doc.lineEnds.contains(end) { count(&report.insideLines, inGold, inPredicted) }
                if inGold != inPredicted {
                    let a = max(0, end - 30), b = min(s.count, end + 30)
                    let left = String(String.UnicodeScalarView(s[a..<end])), right = String(String.UnicodeScalarView(s[end..<b]))
                    report.errors.append("\(doc.id) \(inGold ? "missed" : "spurious"): …\(left)|\(right)…")
                }
            }
            for span in doc.sentences where doc.lineEnds.contains(span.upperBound) && !punctuatedEnd(span.upperBound) {
                let lineStart = span.lowerBound == 0 || s[span.lowerBound - 1] == "\n"
                guard lineStart else { continue }
                report.standaloneTotal += 1
                if predictedSpans.contains(span) { report.standaloneFound += 1 }
            }
        }
        return report
    }

    private static func count(_ c: inout Counts, _ inGold: Bool, _ inPredicted: Bool) {
        switch (inGold, inPredicted) {
        case (true, true): c.truePositives += 1
        case (false, true): c.falsePositives += 1
        case (true, false): c.falseNegatives += 1
        case (false, false): break
        }
    }
}

extension String {
    /// "9912" → "0.9912" (four decimals from a value in ten-thousandths).
    fileprivate var paddedRatio: String {
        let digits = String(repeating: "0", count: max(0, 5 - count)) + self
        return String(digits.dropLast(4)) + "." + String(digits.suffix(4))
    }
}
