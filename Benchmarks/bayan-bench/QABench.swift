import BayanCore
import Foundation
import QA

/// `bayan-bench qa [--data DIR] [--show N]`: false-positive rate of the standard QA suite on
/// correct Arabic–English pairs (hand-written, plus pairs generated from templates with numbers
/// in every notation), and the detection rate on errors seeded into those pairs.
enum QABench {
    /// One labelled set of correct pairs.
    struct PairSet {
        var label: String
        var pairs: [(String, String)]
    }

    static func run(_ args: [String]) async throws {
        let dir = OutputsBenchSupport.value(args, "--data") ?? OutputsBenchSupport.directory("qa")
        let show = Int(OutputsBenchSupport.value(args, "--show") ?? "10") ?? 10
        let handwritten = try loadTSV(dir + "/correct-handwritten.tsv")
        let generated = QAPairGenerator.pairs(count: 200, seed: 20261129)
        let tatoeba = try loadSplitTSV(dir + "/tatoeba-ar-en.tsv")
        let numberClasses = try loadTSV(dir + "/correct-number-classes.tsv")
        let suite = StandardChecks.suite()
        let sets = [
            PairSet(label: "hand-written", pairs: handwritten), PairSet(label: "generated", pairs: generated),
            PairSet(label: "tatoeba dev", pairs: tatoeba.dev), PairSet(label: "tatoeba held-out", pairs: tatoeba.heldout),
            PairSet(label: "number classes", pairs: numberClasses),
        ]
        print("QA benchmark: " + sets.map { "\($0.pairs.count) \($0.label)" }.joined(separator: " + ") + " correct pairs")
        print("Each pair is run twice: the Arabic's digits as Western (0-9 . ,) and as Arabic-Indic (٠-٩ ٫ ٬).")

        var exported: [String] = []
        for set in sets {
            for (digits, transform) in [("western", QADigits.western), ("arabic-indic", QADigits.arabicIndic)] {
                let pairs = set.pairs.map { (transform($0.0), $0.1) }
                var flaggedBy: [String: Int] = [:]
                var anyFlagged = 0
                for (k, (ar, en)) in pairs.enumerated() {
                    let checks = Set(suite.check(pair(ar, en)).map(\.check))
                    if !checks.isEmpty { anyFlagged += 1 }
                    for c in checks { flaggedBy[c, default: 0] += 1 }
                    exported.append(["\(set.label)|\(digits)|\(k)", set.label, digits, "correct", "", ar, en].joined(separator: "\t"))
                }
                let n = max(1, pairs.count)
                let row = StandardChecks.names.map { name in String(format: "%@ %.2f", name, 100 * Double(flaggedBy[name] ?? 0) / Double(n)) }
                print(String(format: "\n[%@, %@] %d pairs; any check %d (%.2f%%)", set.label, digits, pairs.count, anyFlagged, 100 * Double(anyFlagged) / Double(n)))
                print("  FP %: " + row.joined(separator: ", "))
            }
        }

        var shown = 0
        for set in sets {
            for (ar0, en) in set.pairs where shown < show {
                for ar in [QADigits.western(ar0), QADigits.arabicIndic(ar0)] {
                    let issues = suite.check(pair(ar, en))
                    guard !issues.isEmpty, shown < show else { continue }
                    shown += 1
                    print("\nFP (\(set.label)): \(ar)\n    \(en)\n    " + issues.map { "\($0.check): \($0.message)" }.joined(separator: "; "))
                }
            }
        }

        print("\nSeeded errors (each applied to every correct pair it fits): detected by the expected check")
        for group in [["hand-written", "generated", "tatoeba dev"], ["tatoeba held-out"], ["number classes"]] {
            let pool = sets.filter { group.contains($0.label) }.flatMap(\.pairs)
            print("  [\(group.joined(separator: " + "))]")
            for mutation in QAMutation.all {
                var line = "    " + OutputsBenchSupport.pad(mutation.name, 36)
                for (digits, transform) in [("western", QADigits.western), ("arabic-indic", QADigits.arabicIndic)] {
                    var applied = 0, detected = 0
                    for (k, (ar0, en)) in pool.enumerated() {
                        let ar = transform(ar0)
                        guard let broken = mutation.apply(ar, en) else { continue }
                        applied += 1
                        if suite.check(pair(ar, broken)).contains(where: { $0.check == mutation.check }) {
                            detected += 1
                        } else if args.contains("--misses") {
                            print("      missed: \(ar) → \(broken)")
                        }
                        exported.append(["\(group[0])|\(digits)|\(mutation.name)|\(k)", group.count > 1 ? "dev" : group[0], digits, mutation.name, mutation.check, ar, broken].joined(separator: "\t"))
                    }
                    line += String(format: "  %@ %4d/%4d %6.1f%%", digits, detected, applied, 100 * Double(detected) / Double(max(1, applied)))
                }
                print(line)
            }
        }
        if let path = OutputsBenchSupport.value(args, "--export") {
            // For Benchmarks/qa/pofilter-compare.py: the same pairs, to run pofilter on.
            try (exported.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            print("\nwrote \(exported.count) pairs to \(path)")
        }
    }

    static func pair(_ ar: String, _ en: String) -> AlignedPair {
        AlignedPair(segment: Segment(id: 1, paragraph: 0, start: 0, end: ar.unicodeScalars.count, text: ar), en: en)
    }

    static func loadTSV(_ path: String) throws -> [(String, String)] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// `split<TAB>arabic<TAB>english<TAB>attribution` lines; split is dev or heldout.
    static func loadSplitTSV(_ path: String) throws -> (dev: [(String, String)], heldout: [(String, String)]) {
        var dev: [(String, String)] = [], heldout: [(String, String)] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else { continue }
            if parts[0] == "heldout" { heldout.append((parts[1], parts[2])) } else { dev.append((parts[1], parts[2])) }
        }
        return (dev, heldout)
    }
}

/// The two digit systems a release writes its Arabic in.
enum QADigits {
    /// Arabic-Indic and Persian digits to 0-9, ٫ to ".", ٬ to ",".
    static func western(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0660...0x0669: out.append(Unicode.Scalar(s.value - 0x0660 + 0x30) ?? s)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(s.value - 0x06F0 + 0x30) ?? s)
            case 0x066B: out.append(".")
            case 0x066C: out.append(",")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// 0-9 to ٠-٩; between digits, "." (and "," before one or two digits, a decimal comma) to ٫
    /// and "," before three digits to ٬.
    static func arabicIndic(_ text: String) -> String {
        let s = Array(western(text).unicodeScalars)
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < s.count && s[k].value >= 0x30 && s[k].value <= 0x39 }
        var out = String.UnicodeScalarView()
        for k in s.indices {
            if isDigit(k) {
                out.append(Unicode.Scalar(s[k].value - 0x30 + 0x0660) ?? s[k])
            } else if (s[k] == "." || s[k] == ","), isDigit(k - 1), isDigit(k + 1) {
                var run = 0
                while isDigit(k + 1 + run) { run += 1 }
                out.append(s[k] == "," && run == 3 ? "\u{066C}" : "\u{066B}")
            } else {
                out.append(s[k])
            }
        }
        return String(out)
    }
}

/// An error seeded into a correct translation, and the check that should catch it.
struct QAMutation {
    var name: String
    var check: String
    var apply: @Sendable (String, String) -> String?

    static let all: [QAMutation] = [
        QAMutation(name: "numbers: one digit changed", check: "numbers") { _, en in
            var scalars = Array(en.unicodeScalars)
            guard let i = scalars.firstIndex(where: { $0.value >= 0x30 && $0.value <= 0x39 }) else { return nil }
            let d = scalars[i].value - 0x30
            scalars[i] = Unicode.Scalar(0x30 + (d + 3) % 10) ?? scalars[i]
            var view = String.UnicodeScalarView(); view.append(contentsOf: scalars)
            return String(view)
        },
        QAMutation(name: "numbers: a digit number dropped", check: "numbers") { ar, en in
            // The contract covers numbers the Arabic writes in digits (any digit system).
            guard ar.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }),
                let range = en.range(of: #"\d[\d,.]*"#, options: .regularExpression) else { return nil }
            return en.replacingCharacters(in: range, with: "several")
        },
        QAMutation(name: "empty: blank target", check: "empty") { _, _ in "" },
        QAMutation(name: "untranslated: source copied", check: "untranslated") { ar, _ in ar },
        QAMutation(name: "untranslated: Arabic word left in", check: "untranslated") { ar, en in
            guard let word = ar.split(separator: " ").first(where: { $0.count > 3 }) else { return nil }
            var words = en.split(separator: " ").map(String.init)
            guard words.count > 2 else { return nil }
            words[words.count / 2] = String(word)
            return words.joined(separator: " ")
        },
        QAMutation(name: "brackets: closing mark dropped", check: "brackets") { _, en in
            guard let i = en.lastIndex(where: { $0 == ")" || $0 == "”" || $0 == "\"" }) else { return nil }
            var s = en; s.remove(at: i); return s
        },
        QAMutation(name: "brackets: parentheses dropped", check: "brackets") { ar, en in
            guard ar.contains("("), en.contains("("), en.contains(")") else { return nil }
            return String(en.filter { $0 != "(" && $0 != ")" })
        },
        QAMutation(name: "brackets: quoted speech unquoted", check: "brackets") { ar, en in
            // Speech introduced by a colon («قال: "…"»): its English loses every quotation mark.
            guard ar.contains(": «") || ar.contains(": \"") || ar.contains(": “") || ar.contains(":«") || ar.contains(":\""),
                en.contains(where: { "\"“”".contains($0) }) else { return nil }
            return String(en.filter { !"\"“”".contains($0) })
        },
        QAMutation(name: "endpunc: question mark lost", check: "endpunc") { ar, en in
            guard ar.hasSuffix("؟"), en.hasSuffix("?") else { return nil }
            return String(en.dropLast()) + "."
        },
        QAMutation(name: "urls: address altered", check: "urls") { _, en in
            guard en.contains("www.") || en.contains("http") else { return nil }
            return en.replacingOccurrences(of: ".gov.ae", with: ".gov")
        },
        QAMutation(name: "length: second half dropped", check: "length") { ar, en in
            guard en.count > 60 else { return nil }
            return String(en.prefix(en.count / 3))
        },
    ]
}

/// Correct Arabic–English pairs from templates, with the numbers written every way a release
/// writes them: ASCII or Arabic-Indic digits, ٬/, grouping, ٫/. decimals, ٪/%, "percent",
/// number words, "N million", day–month–year dates and ranges. Deterministic for a seed.
enum QAPairGenerator {
    struct Rng {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
        mutating func flip() -> Bool { next(2) == 0 }
    }

    static let arabicMonths = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let englishWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    static func indic(_ s: String) -> String {
        String(s.map { c -> Character in
            if let d = c.wholeNumberValue, c.isASCII { return Character(Unicode.Scalar(0x0660 + d) ?? "0") }
            if c == "," { return "٬" }
            if c == "." { return "٫" }
            return c
        })
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// The Arabic spelling of a number: ASCII or Arabic-Indic, grouped or not.
    static func ar(_ s: String, _ rng: inout Rng) -> String { rng.flip() ? indic(s) : s }

    static func pairs(count: Int, seed: UInt64) -> [(String, String)] {
        var rng = Rng(state: seed)
        var out: [(String, String)] = []
        while out.count < count {
            out.append(make(kind: out.count % 10, &rng))
        }
        return out
    }

    static func make(kind: Int, _ rng: inout Rng) -> (String, String) {
        let year = 2015 + rng.next(12)
        switch kind {
        case 0:
            let n = 100 + rng.next(99_900)
            let a = rng.flip() ? grouped(n) : String(n)
            return ("ضبطت الجمارك \(ar(a, &rng)) علبة سجائر مهربة في المنفذ.", "Customs seized \(rng.flip() ? grouped(n) : String(n)) packs of smuggled cigarettes at the port.")
        case 1:
            let p = "\(1 + rng.next(60)).\(rng.next(10))"
            let sign = rng.flip() ? "٪" : "%"
            let en = rng.flip() ? "\(p)%" : "\(p) percent"
            return ("ارتفعت الإيرادات بنسبة \(ar(p, &rng))\(sign) في عام \(ar(String(year), &rng)).", "Revenue rose by \(en) in \(year).")
        case 2:
            let m = 2 + rng.next(900)
            let en = rng.flip() ? "AED \(m) million" : "AED \(grouped(m * 1_000_000))"
            return ("بلغت قيمة الصادرات \(ar(String(m), &rng)) مليون درهم.", "Exports were worth \(en).")
        case 3:
            let d1 = 1 + rng.next(25), d2 = d1 + 1 + rng.next(3), mo = rng.next(12)
            let en = rng.flip() ? "from \(d1) to \(d2) \(englishMonths[mo]) \(year)" : "on \(englishMonths[mo]) \(d1)–\(d2), \(year)"
            return ("يقام المعرض في الفترة من \(ar(String(d1), &rng)) إلى \(ar(String(d2), &rng)) \(arabicMonths[mo]) \(ar(String(year), &rng)).", "The exhibition takes place \(en).")
        case 4:
            let d = 1 + rng.next(28), mo = 1 + rng.next(12)
            let date = String(format: "%02d/%02d/%d", d, mo, year)
            let en = rng.flip() ? "\(d) \(englishMonths[mo - 1]) \(year)" : date
            return ("صدر القرار بتاريخ \(ar(date, &rng)).", "The decision was issued on \(en).")
        case 5:
            let a = 5 + rng.next(20), b = a + 5 + rng.next(30)
            let en = rng.flip() ? "between \(a) and \(b) minutes" : "\(a)–\(b) minutes"
            return ("يستغرق التخليص ما بين \(ar(String(a), &rng)) و\(ar(String(b), &rng)) دقيقة.", "Clearance takes \(en).")
        case 6:
            let x = "\(1 + rng.next(30)).\(1 + rng.next(9))", p = 2 + rng.next(40)
            return ("وصل عدد المسافرين إلى \(ar(x, &rng)) مليون مسافر بزيادة \(ar(String(p), &rng))٪.", "Passenger numbers reached \(x) million, up \(p)%.")
        case 7:
            let n = 2 + rng.next(9)
            let en = rng.flip() ? englishWords[n] : String(n)
            return ("قال المدير: «سنفتح \(ar(String(n), &rng)) مراكز جديدة بحلول عام \(ar(String(year), &rng))».", "The director said: “We will open \(en) new centres by \(year).”")
        case 8:
            let phone = "800 \(1000 + rng.next(9000))"
            return ("للاستفسار يرجى الاتصال على الرقم المجاني \(ar(phone, &rng)).", "For enquiries, call the toll-free number \(phone).")
        default:
            let fine = (1 + rng.next(50)) * 1000, art = 1 + rng.next(150), law = 1 + rng.next(20)
            let fineAr = rng.flip() ? "\(fine / 1000) ألف" : grouped(fine)
            return ("تبلغ غرامة المخالفة \(ar(fineAr, &rng)) درهم وفق المادة \(ar(String(art), &rng)) من القانون رقم \(ar(String(law), &rng)) لسنة \(ar(String(year), &rng)).",
                "The fine for the offence is AED \(grouped(fine)) under Article \(art) of Law No. \(law) of \(year).")
        }
    }
}
