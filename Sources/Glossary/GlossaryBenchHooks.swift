/// Entry points for `bayan-bench match` to time the matcher's stages separately.
public enum GlossaryBenchHooks {
    static let scratches = MatchScratchPool()

    /// Folds and splits `text` into words as a scan does (in a pooled scratch); returns the
    /// number of words.
    public static func foldCount(_ text: String) -> Int {
        let scratch = scratches.take()
        scratch.pointee.load(text)
        let words = scratch.pointee.tokens.count
        scratches.giveBack(scratch)
        return words
    }
}
