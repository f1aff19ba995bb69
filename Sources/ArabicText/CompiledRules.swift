import Foundation

/// `SegmentationRule`s compiled once. `NSRegularExpression` is immutable after creation and safe
/// to share across threads, hence the unchecked conformance.
final class CompiledRules: @unchecked Sendable {
    private let rules: [(before: NSRegularExpression, after: NSRegularExpression?, breaks: Bool)]
    /// Patterns that did not compile, with the reason (reported by `ArabicSentenceSegmenter.validate`).
    let problems: [String]

    init(_ source: [SegmentationRule]) {
        var compiled: [(NSRegularExpression, NSRegularExpression?, Bool)] = []
        var problems: [String] = []
        for (n, rule) in source.enumerated() {
            do {
                let before = try NSRegularExpression(pattern: rule.before.isEmpty ? "(?:)" : rule.before)
                let after = rule.after.isEmpty ? nil : try NSRegularExpression(pattern: rule.after)
                compiled.append((before, after, rule.breaks))
            } catch {
                problems.append("rule \(n + 1) has an invalid regular expression (\(rule.before) / \(rule.after))")
            }
        }
        self.rules = compiled
        self.problems = problems
    }

    /// Applies the rules to one line, changing the built-in break positions in `out`.
    func apply(_ s: [Unicode.Scalar], _ ls: Int, _ le: Int, _ out: inout [Int]) {
        guard !rules.isEmpty, le > ls else { return }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[ls..<le])
        let line = String(view)
        // UTF-16 offset → scalar offset within the line.
        var toScalar = [Int](repeating: 0, count: line.utf16.count + 1)
        var u = 0
        for (k, scalar) in s[ls..<le].enumerated() {
            let width = scalar.value > 0xFFFF ? 2 : 1
            for w in 0..<width { toScalar[u + w] = k }
            u += width
        }
        toScalar[u] = le - ls
        let length = u
        var decided: [Int: Bool] = [:]
        for rule in rules {
            for match in rule.before.matches(in: line, range: NSRange(location: 0, length: length)) {
                let e = match.range.location + match.range.length
                guard e <= length, decided[e] == nil else { continue }
                if let after = rule.after {
                    let rest = NSRange(location: e, length: length - e)
                    guard after.firstMatch(in: line, options: [.anchored], range: rest) != nil else { continue }
                }
                decided[e] = rule.breaks
            }
        }
        guard !decided.isEmpty else { return }
        var result = Set(out)
        for (e, breaks) in decided {
            // A decision inside a run of marks applies to the end of the run, closing quotes included.
            var k = ls + toScalar[e]
            while k < le, ScalarClass.isTerminator(s[k].value) || ScalarClass.isClosing(s[k].value)
                || ScalarClass.isFormat(s[k].value)
            {
                k += 1
            }
            if breaks {
                if k > ls && k < le { result.insert(k) }
            } else {
                result.remove(k)
            }
        }
        out = result.sorted()
    }
}
