/// Substring search and replacement on UTF-8 bytes. With Foundation imported, `String.contains`
/// and `replacingOccurrences` go through CFString (UTF-16 conversion and cluster folding) and
/// were a few percent of the daemon's CPU on short documents. A byte match is a text match here:
/// UTF-8 never starts a character inside another one's bytes, and no caller folds case or
/// canonical equivalents.
public enum UTF8Search {
    /// True when `needle` occurs in `text` (an empty needle always does).
    public static func contains(_ text: String, _ needle: String) -> Bool {
        firstOffset(of: needle, in: text) != nil
    }

    /// The byte offset of the first occurrence of `needle` in `text`.
    public static func firstOffset(of needle: String, in text: String) -> Int? {
        var text = text
        var needle = needle
        return text.withUTF8 { hay in
            needle.withUTF8 { pin -> Int? in
                guard let first = pin.first else { return 0 }
                guard pin.count <= hay.count else { return nil }
                var i = 0
                let last = hay.count - pin.count
                while i <= last {
                    if hay[i] == first {
                        var k = 1
                        while k < pin.count && hay[i + k] == pin[k] { k += 1 }
                        if k == pin.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// `text` with every `target` byte (an ASCII character) replaced by `replacement`; `text`
    /// itself when it holds none.
    public static func replacing(_ target: Unicode.Scalar, with replacement: String, in text: String) -> String {
        precondition(target.isASCII, "UTF8Search.replacing replaces ASCII characters only")
        let byte = UInt8(target.value)
        guard text.utf8.contains(byte) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for b in text.utf8 {
            if b == byte { out.append(contentsOf: replacement.utf8) } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
