/// A number written in a sentence: its value, and the value times a scale word that follows it
/// ("2 million" → 2 and 2,000,000), so either spelling on the other side matches.
struct NumberMention: Equatable {
    var value: Double
    var scaled: Double?
    var percent: Bool
    /// The text as written, for messages.
    var text: String
    /// Other readings of the same text: a time "15:30" also matches "3.30 pm".
    var alternatives: [Double] = []

    var candidates: [Double] { (scaled.map { [value, $0] } ?? [value]) + alternatives }

    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}
