/// Everything a deployment may tune about sentence segmentation. All lists are data (loadable
/// from config); words are compared after `ArabicNormalizer.key`, so «أ.د» matches «ا.د».
public struct SegmenterOptions: Sendable, Codable, Equatable {
    /// Words that never end a sentence when a period follows them: titles before a name
    /// («د.», «م.», «أ.د.», Mr., Dr.). Written without the final period.
    public var abbreviations: [String]
    /// Abbreviations that may also end a sentence («إلخ.», «ش.م.ع.», etc.): a break follows them
    /// only when the next word usually opens a sentence (`sentenceStarters`).
    public var sentenceEndingAbbreviations: [String]
    /// Words that open a new sentence in news text («وقال», «وأضاف», «كما»...). Used after
    /// sentence-ending abbreviations and after an ellipsis.
    public var sentenceStarters: [String]
    /// Break after «؛» and «;» as well (off by default: press releases join clauses with it).
    public var breakAtSemicolon: Bool
    /// Split sentences longer than this many Unicode scalars at the strongest clause boundary
    /// before the limit (؛, then ،, then a conjunction, then a space). `nil`: no limit.
    public var maxSentenceScalars: Int?
    /// Words before which a long sentence may be split when no punctuation is available.
    public var conjunctions: [String]
    /// Rules tried before the built-in ones (for example imported from SRX).
    public var extraRules: [SegmentationRule]

    public init(
        abbreviations: [String] = SegmenterOptions.defaultAbbreviations,
        sentenceEndingAbbreviations: [String] = SegmenterOptions.defaultSentenceEndingAbbreviations,
        sentenceStarters: [String] = SegmenterOptions.defaultSentenceStarters,
        breakAtSemicolon: Bool = false,
        maxSentenceScalars: Int? = nil,
        conjunctions: [String] = SegmenterOptions.defaultConjunctions,
        extraRules: [SegmentationRule] = []
    ) {
        self.abbreviations = abbreviations
        self.sentenceEndingAbbreviations = sentenceEndingAbbreviations
        self.sentenceStarters = sentenceStarters
        self.breakAtSemicolon = breakAtSemicolon
        self.maxSentenceScalars = maxSentenceScalars
        self.conjunctions = conjunctions
        self.extraRules = extraRules
    }

    enum CodingKeys: String, CodingKey {
        case abbreviations
        case sentenceEndingAbbreviations = "sentence_ending_abbreviations"
        case sentenceStarters = "sentence_starters"
        case breakAtSemicolon = "break_at_semicolon"
        case maxSentenceScalars = "max_sentence_chars"
        case conjunctions
        case extraRules = "extra_rules"
    }

    /// Every key is optional in config: what is missing keeps its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SegmenterOptions()
        abbreviations = try c.decodeIfPresent([String].self, forKey: .abbreviations) ?? d.abbreviations
        sentenceEndingAbbreviations =
            try c.decodeIfPresent([String].self, forKey: .sentenceEndingAbbreviations) ?? d.sentenceEndingAbbreviations
        sentenceStarters = try c.decodeIfPresent([String].self, forKey: .sentenceStarters) ?? d.sentenceStarters
        breakAtSemicolon = try c.decodeIfPresent(Bool.self, forKey: .breakAtSemicolon) ?? false
        maxSentenceScalars = try c.decodeIfPresent(Int.self, forKey: .maxSentenceScalars)
        conjunctions = try c.decodeIfPresent([String].self, forKey: .conjunctions) ?? d.conjunctions
        extraRules = try c.decodeIfPresent([SegmentationRule].self, forKey: .extraRules) ?? []
    }

    /// Reads an abbreviation list: one per line, `#` starts a comment, a trailing period is
    /// optional. A line starting with `~` marks an abbreviation that may end a sentence.
    public mutating func addAbbreviations(fromList text: String) {
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var ending = false
            if line.hasPrefix("~") {
                ending = true
                line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            while line.hasSuffix(".") { line.removeLast() }
            guard !line.isEmpty else { continue }
            if ending { sentenceEndingAbbreviations.append(line) } else { abbreviations.append(line) }
        }
    }

    public static let defaultAbbreviations: [String] = [
        // Arabic titles and initials that precede a name or a number.
        "د", "م", "أ", "أ.د", "ا.د", "ص.ب", "ص ب", "ت", "ف", "ج", "ش", "ق", "هـ", "ع",
        "الأستاذ.د", "م.م", "د.م",
        // English.
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "fig", "vol", "pp", "p", "approx", "dept",
        "gen", "col", "capt", "lt", "sgt", "rep", "sen", "gov", "hon", "rev", "jr", "sr", "mt", "ft",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "e.g", "i.e", "cf", "vs", "v", "al", "ref", "art", "para", "sec", "tel", "fax", "ext",
    ]

    public static let defaultSentenceEndingAbbreviations: [String] = [
        "إلخ", "الخ", "ق.م", "ش.م.ع", "ش.م.خ", "ذ.م.م", "ش.ذ.م.م", "م.د.م.س", "ج.م.ع",
        "etc", "inc", "ltd", "co", "corp", "llc", "plc", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
    ]

    public static let defaultSentenceStarters: [String] = [
        "وقال", "وقالت", "قال", "قالت", "وأضاف", "وأضافت", "وأكد", "وأكدت", "أكد", "أكدت", "وأوضح",
        "وأوضحت", "وأشار", "وأشارت", "ولفت", "ولفتت", "وتابع", "وتابعت", "وذكر", "وذكرت", "وبين",
        "وبينت", "وشدد", "وشددت", "ونوه", "ونوهت", "واختتم", "واختتمت", "وأعلن", "وأعلنت", "أعلن",
        "أعلنت", "كما", "وكما", "هذا", "وهذا", "يذكر", "ويذكر", "يشار", "ويشار", "وجدير", "جدير",
        "ومن", "وفي", "وقد", "قد", "وكان", "كان", "وكانت", "كانت", "وتعد", "تعد", "يعد",
        "ويعد", "وتأتي", "تأتي", "ويأتي", "يأتي", "وتجدر", "تجدر", "وإن", "وتهدف",
        "ويهدف", "وتسعى", "ويسعى", "ولا", "ثم", "وعلى", "وأما", "أما", "وبذلك", "وبهذا",
        "وعليه", "لذلك", "ولذلك", "وبحسب", "بحسب", "ووفقا", "وفقا", "وخلال", "خلال", "وتشمل",
        "ويشمل", "وتضم", "ويضم", "وسجلت", "وسجل", "وبلغت", "وبلغ", "وارتفعت", "وارتفع",
        "the", "this", "these", "he", "she", "we", "they", "however", "our", "its", "it's",
    ]

    public static let defaultConjunctions: [String] = [
        "و", "ثم", "أو", "لكن", "ولكن", "بل", "حيث", "إذ", "كما", "بينما", "فيما", "وذلك", "مما",
        "حتى", "لأن", "كي", "لكي", "بهدف", "وبالتالي", "إضافة", "بالإضافة", "عبر", "من خلال",
        "and", "but", "or", "while", "which", "because",
    ]
}
