/// The tool name and version written into exchange files (TMX header, XLIFF tool notes).
public enum BayanVersion {
    public static let tool = "Bayan"
    public static let version = "0.1.0"
}
