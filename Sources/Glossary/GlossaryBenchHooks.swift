/// Entry points for `bayan-bench match` to time the matcher's stages separately.
public enum GlossaryBenchHooks {
    /// Folds `text` as the matcher does and returns the folded length.
    public static func foldCount(_ text: String) -> Int { MatchFolding.fold(text).scalars.count }
}
