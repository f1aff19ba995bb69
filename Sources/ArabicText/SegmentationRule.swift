/// One extra break or no-break rule, in the shape SRX 2.0 uses: a break (or a veto of one) sits
/// between text matching `before` and text matching `after` (ICU regular expressions, which is
/// what `NSRegularExpression` speaks). Rules are tried in order; the first that matches decides,
/// and a match overrides the built-in rules at that position.
public struct SegmentationRule: Sendable, Codable, Equatable, Hashable {
    public var breaks: Bool
    public var before: String
    public var after: String

    public init(breaks: Bool, before: String, after: String) {
        self.breaks = breaks
        self.before = before
        self.after = after
    }
}
