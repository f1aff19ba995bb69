import BayanCore
import Foundation

/// Writes memory units as TMX 1.4b (`<tmx version="1.4">`): one `<tu>` per pair, Arabic first,
/// with Bayan's own metadata as `x-bayan-*` props so an export can be imported back unchanged.
public enum TMXWriter {
    public static func write(_ units: [TranslationMemory.Unit], now: Date = Date()) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="bayan" creationtoolversion="\(BayanVersion.string)" segtype="sentence" \
            o-tmf="bayan-memory" adminlang="en" srclang="ar" datatype="plaintext" creationdate="\(stamp(now))"/>
              <body>

            """
        for unit in units {
            out += "    <tu creationdate=\"\(stamp(unit.createdAt))\" creationid=\"\(escape(unit.origin == .approved ? "approved" : "mt:" + unit.scope.engine))\">\n"
            out += prop("x-bayan-origin", unit.origin.rawValue)
            if unit.origin == .mt {
                out += prop("x-bayan-engine", unit.scope.engine)
                if !unit.scope.model.isEmpty { out += prop("x-bayan-model", unit.scope.model) }
            }
            for term in unit.terms { out += prop("x-bayan-term", term.ar + "\t" + term.en) }
            out += "      <tuv xml:lang=\"\(escape(unit.scope.sourceLanguage))\"><seg>\(escape(unit.source))</seg></tuv>\n"
            out += "      <tuv xml:lang=\"\(escape(unit.scope.targetLanguage))\"><seg>\(escape(unit.target))</seg></tuv>\n"
            out += "    </tu>\n"
        }
        out += "  </body>\n</tmx>\n"
        return out
    }

    private static func prop(_ type: String, _ value: String) -> String {
        "      <prop type=\"\(type)\">\(escape(value))</prop>\n"
    }

    /// TMX dates: YYYYMMDDThhmmssZ (UTC).
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    static func escape(_ text: String) -> String { XMLEscaping.escape(text) }
}
