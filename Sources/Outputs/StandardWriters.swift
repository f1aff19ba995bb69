/// Every writer of `out/<stem>/`, for the publisher to render in one go.
public enum StandardWriters {
    /// The format names accepted in configuration (`outputs.formats`), in publishing order.
    public static let formatNames = ["json", "html", "md", "tmx", "xliff", "xliff12", "summary", "release", "bilingual_docx"]

    public static func all() -> [any OutputWriter] {
        [
            ResultJSONWriter(), ReviewHTMLWriter(), AlignedMarkdownWriter(), TMXWriter(), XLIFFWriter(), XLIFF12Writer(),
            SummaryMarkdownWriter(), ReleaseWriter(), BilingualDocxWriter(),
        ]
    }

    /// The writers for the named formats; `result.json` is always included because other tools
    /// and reprocessing read it. Unknown names are returned so config validation can report them.
    public static func writers(for formats: [String]) -> (writers: [any OutputWriter], unknown: [String]) {
        var writers: [any OutputWriter] = [ResultJSONWriter()]
        var unknown: [String] = []
        var seen: Set<String> = ["json"]
        for name in formats.map({ $0.lowercased() }) where !seen.contains(name) {
            seen.insert(name)
            switch name {
            case "html": writers.append(ReviewHTMLWriter())
            case "md": writers.append(AlignedMarkdownWriter())
            case "tmx": writers.append(TMXWriter())
            case "xliff", "xlf": writers.append(XLIFFWriter())
            case "xliff12": writers.append(XLIFF12Writer())
            case "summary": writers.append(SummaryMarkdownWriter())
            case "release": writers.append(ReleaseWriter())
            case "bilingual_docx": writers.append(BilingualDocxWriter())
            default: unknown.append(name)
            }
        }
        return (writers, unknown)
    }
}
