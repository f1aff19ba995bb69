import BayanCore

/// Settings of the default check suite (config `qa.*`).
public struct QAOptions: Sendable, Equatable {
    /// Check names to leave out, e.g. `["length"]` (config `qa.disabled`).
    public var disabled: Set<String>
    /// Length ratio limits, English letters over Arabic letters (`qa.length_ratio_min` / `_max`).
    public var lengthRatioMin: Double
    public var lengthRatioMax: Double

    public init(disabled: Set<String> = [], lengthRatioMin: Double = 0.55, lengthRatioMax: Double = 2.6) {
        self.disabled = disabled
        self.lengthRatioMin = lengthRatioMin
        self.lengthRatioMax = lengthRatioMax
    }
}

/// The checks every sentence pair goes through, in report order.
public enum StandardChecks {
    public static let names = ["empty", "untranslated", "numbers", "glossary", "brackets", "length", "urls", "emails", "endpunc"]

    public static func suite(_ options: QAOptions = QAOptions()) -> CheckSuite {
        var checks: [any PairChecker] = []
        let disabled = options.disabled
        func on(_ name: String) -> Bool { !disabled.contains(name) }
        if on("empty") { checks.append(EmptyCheck()) }
        if on("untranslated") { checks.append(UntranslatedCheck()) }
        if on("numbers") { checks.append(NumbersCheck()) }
        if on("glossary") { checks.append(GlossaryHitsCheck()) }
        if on("brackets") { checks.append(BracketsCheck()) }
        if on("length") {
            checks.append(LengthRatioCheck(minRatio: options.lengthRatioMin, maxRatio: options.lengthRatioMax))
        }
        if on("urls") || on("emails") { checks.append(FilteredCheck(LinksCheck(), keep: { !disabled.contains($0) })) }
        if on("endpunc") { checks.append(EndPunctuationCheck()) }
        return CheckSuite(checks)
    }
}

/// A check whose findings are kept only for enabled names (one checker reports two names).
struct FilteredCheck: PairChecker {
    var inner: any PairChecker
    var keep: @Sendable (String) -> Bool

    init(_ inner: any PairChecker, keep: @escaping @Sendable (String) -> Bool) {
        self.inner = inner
        self.keep = keep
    }

    func check(_ pair: AlignedPair) -> [QAIssue] { inner.check(pair).filter { keep($0.check) } }
}
