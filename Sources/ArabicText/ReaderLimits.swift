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
}
