/// How long the summary is and how sentences are weighed (config `summary.*`).
public struct SummaryOptions: Sendable, Equatable {
    /// Number of sentences (`summary.sentences`); used when `ratio` is nil.
    public var sentences: Int
    /// Fraction of the document's sentences (`summary.ratio`), rounded, within min/max.
    public var ratio: Double?
    public var minSentences: Int
    public var maxSentences: Int
    /// Weights of the score's parts; they need not sum to 1. Chosen by 2-fold cross-validation
    /// on Benchmarks/summary (docs/BENCHMARKS.md): centrality (TextRank and similarity to the
    /// rest) lowered ROUGE on both halves of our data at every weight tried, so it is off by
    /// default and kept for other data.
    public var centralityWeight: Double
    public var leadWeight: Double
    public var termWeight: Double
    /// How fast the lead bonus fades, in sentences: exp(-position / leadDecay).
    public var leadDecay: Double
    /// A candidate this similar (cosine) to a chosen sentence is a near-duplicate and skipped.
    public var redundancy: Double
    /// Sentences with fewer content tokens are not chosen (datelines, captions).
    public var minTokens: Int
    /// The lead bonus of a sentence that opens a paragraph, at least.
    public var paragraphLead: Double = 0
    /// Bonus for a sentence with a figure in it.
    public var figureWeight: Double = 0.3
    /// Penalty for a protocol or closing formula (welcomes, thanks, "attended by").
    public var formulaPenalty: Double = 0.6
    /// Bonus for content: the sentence's content words relative to the document's longest
    /// sentence (informative news sentences are long; captions and formulas short).
    public var lengthWeight: Double = 1.5
    /// The summary's budget in English words (`summary.max_words`); nil = sentence count only.
    public var maxWords: Int?

    public init(
        sentences: Int = 3, ratio: Double? = nil, minSentences: Int = 1, maxSentences: Int = 8,
        centralityWeight: Double = 0, leadWeight: Double = 1.5, termWeight: Double = 0.3,
        redundancy: Double = 0.5, minTokens: Int = 4, leadDecay: Double = 0.3
    ) {
        self.leadDecay = leadDecay
        self.sentences = sentences
        self.ratio = ratio
        self.minSentences = minSentences
        self.maxSentences = maxSentences
        self.centralityWeight = centralityWeight
        self.leadWeight = leadWeight
        self.termWeight = termWeight
        self.redundancy = redundancy
        self.minTokens = minTokens
    }

    /// Summary length for a document of `count` candidate sentences.
    public func length(for count: Int) -> Int {
        let wanted = ratio.map { Int(($0 * Double(count)).rounded()) } ?? sentences
        return min(count, max(minSentences, min(maxSentences, wanted)))
    }
}
