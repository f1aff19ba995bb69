// Driver for compare-base.sh (not part of the package): runs an older commit's QA suite on the pairs
// `bayan-bench qa --export` wrote, printing false positives and seeded recall as the bench does.
import Foundation
let suite = StandardChecks.suite()
var fp: [String: (n: Int, any: Int, by: [String: Int])] = [:]
var rec: [String: (n: Int, hit: Int)] = [:]
let text = try String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
for line in text.split(separator: "\n") {
    let p = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard p.count == 7 else { continue }
    let ar = p[5], en = p[6]
    let pair = AlignedPair(segment: Segment(id: 1, paragraph: 0, start: 0, end: ar.unicodeScalars.count, text: ar), en: en)
    let checks = Set(suite.check(pair).map(\.check))
    if p[3] == "correct" {
        let key = "\(p[1]) / \(p[2])"
        var e = fp[key] ?? (0, 0, [:])
        e.n += 1; if !checks.isEmpty { e.any += 1 }
        for c in checks { e.by[c, default: 0] += 1 }
        fp[key] = e
    } else {
        let key = "\(p[1]) / \(p[3]) / \(p[2])"
        var e = rec[key] ?? (0, 0)
        e.n += 1; if checks.contains(p[4]) { e.hit += 1 }
        rec[key] = e
    }
}
for (k, v) in fp.sorted(by: { $0.key < $1.key }) {
    print(String(format: "FP %@: any %d/%d (%.2f%%) ", k, v.any, v.n, 100 * Double(v.any) / Double(v.n)) + v.by.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
}
for (k, v) in rec.sorted(by: { $0.key < $1.key }) { print("recall \(k): \(v.hit)/\(v.n)") }
