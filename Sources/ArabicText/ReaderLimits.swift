/// Bounds that keep a hostile or broken file from costing more than a small, known amount of
/// time and memory. The daemon passes its config values; the defaults suit press releases.
public struct ReaderLimits: Sendable, Equatable, Codable {
    /// Largest input file accepted at all.
    public var maxFileBytes: Int
    /// Most entries a .docx (ZIP) may list.
    public var maxZipEntries: Int
    /// Largest uncompressed size of one entry that is read (document.xml, styles.xml...).
    public var maxEntryUncompressedBytes: Int
    /// Largest uncompressed size of all entries together, as declared, and of what is read.
    public var maxTotalUncompressedBytes: Int
    /// Largest uncompressed/compressed ratio for an entry over 1 MiB (zip bombs reach 1000+;
    /// Word XML is around 5–20).
    public var maxCompressionRatio: Int
    /// Most Unicode scalars of extracted text.
    public var maxTextScalars: Int

    public init(
        maxFileBytes: Int = 50 << 20,
        maxZipEntries: Int = 2_000,
        maxEntryUncompressedBytes: Int = 64 << 20,
        maxTotalUncompressedBytes: Int = 512 << 20,
        maxCompressionRatio: Int = 200,
        maxTextScalars: Int = 10_000_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxZipEntries = maxZipEntries
        self.maxEntryUncompressedBytes = maxEntryUncompressedBytes
        self.maxTotalUncompressedBytes = maxTotalUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxTextScalars = maxTextScalars
    }

    enum CodingKeys: String, CodingKey {
        case maxFileBytes = "max_file_bytes"
        case maxZipEntries = "max_docx_entries"
        case maxEntryUncompressedBytes = "max_entry_uncompressed_bytes"
        case maxTotalUncompressedBytes = "max_total_uncompressed_bytes"
        case maxCompressionRatio = "max_compression_ratio"
        case maxTextScalars = "max_text_chars"
    }

    /// Every key is optional in config: what is missing keeps its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ReaderLimits()
        maxFileBytes = try c.decodeIfPresent(Int.self, forKey: .maxFileBytes) ?? d.maxFileBytes
        maxZipEntries = try c.decodeIfPresent(Int.self, forKey: .maxZipEntries) ?? d.maxZipEntries
        maxEntryUncompressedBytes =
            try c.decodeIfPresent(Int.self, forKey: .maxEntryUncompressedBytes) ?? d.maxEntryUncompressedBytes
        maxTotalUncompressedBytes =
            try c.decodeIfPresent(Int.self, forKey: .maxTotalUncompressedBytes) ?? d.maxTotalUncompressedBytes
        maxCompressionRatio = try c.decodeIfPresent(Int.self, forKey: .maxCompressionRatio) ?? d.maxCompressionRatio
        maxTextScalars = try c.decodeIfPresent(Int.self, forKey: .maxTextScalars) ?? d.maxTextScalars
    }
}

extension ReaderLimits {
    /// For reading an input again that already passed the configured limits (the release
    /// renderers rebuild the original): the zip-bomb checks stay, the size caps are wide.
    public static let alreadyAccepted = ReaderLimits(
        maxFileBytes: 1 << 40, maxZipEntries: 1 << 20, maxEntryUncompressedBytes: 1 << 34,
        maxTotalUncompressedBytes: 1 << 36, maxCompressionRatio: 1 << 20, maxTextScalars: 1 << 40)
}
