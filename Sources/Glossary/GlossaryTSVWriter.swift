/// Writes the editable TSV form: header `ar	en	note	avoid	match`, one entry per line.
/// Tabs and line breaks cannot occur in valid entries; any that do are replaced by spaces.
public enum GlossaryTSVWriter {
    public static func write(_ entries: [GlossaryEntry]) -> String {
        var out = "ar\ten\tnote\tavoid\tmatch\n"
        for e in entries {
            let cells = [e.ar, e.en, e.note, e.avoid.joined(separator: "|"), e.exact ? "exact" : ""].map(clean)
            out += cells.joined(separator: "\t") + "\n"
        }
        return out
    }

    static func clean(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
