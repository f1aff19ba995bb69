import BayanCore

/// A check on one sentence pair (source Arabic, target English).
///
/// Contract: pure and deterministic; returns an empty list when the pair passes; never traps.
/// `pair.terms` carries the glossary hits with `ok` already set by verification.
public protocol PairChecker: Sendable {
    func check(_ pair: AlignedPair) -> [QAIssue]
}

/// Runs several checks in order and concatenates their findings.
public struct CheckSuite: PairChecker {
    public var checks: [any PairChecker]

    public init(_ checks: [any PairChecker]) { self.checks = checks }

    public func check(_ pair: AlignedPair) -> [QAIssue] { checks.flatMap { $0.check(pair) } }
}
