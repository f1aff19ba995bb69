import BayanCore

/// `urls` and `emails`: every web address and e-mail address in the Arabic appears unchanged in
/// the English (case-insensitive: host names are).
public struct LinksCheck: PairChecker {
    public init() {}

    public func check(_ pair: AlignedPair) -> [QAIssue] {
        guard !TextScan.hasNoContent(pair.en) else { return [] }
        let ar = TextScan.foldDigits(pair.segment.text)
        let enLower = pair.en.lowercased()
        var issues: [QAIssue] = []
        let emails = LinkScanner.emails(ar)
        for email in emails where !enLower.contains(email.text.lowercased()) {
            issues.append(QAIssue(check: "emails", message: "the e-mail address \(email.text) is not in the English unchanged"))
        }
        for url in LinkScanner.urls(ar, excluding: emails.map(\.range)) where !enLower.contains(url.text.lowercased()) {
            issues.append(QAIssue(check: "urls", message: "the web address \(url.text) is not in the English unchanged"))
        }
        return issues
    }
}
