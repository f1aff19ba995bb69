/// The segmenter's view of a text: its scalars for the rules, its UTF-8 bytes for cutting out
/// sentence strings without re-encoding them.
enum ScalarText {
    /// Decodes UTF-8 (a Swift string's bytes are always valid) in one pass.
    static func scalars(_ u: [UInt8]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(u.count)
        var i = 0
        let n = u.count
        while i < n {
            let b0 = UInt32(u[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0
                i += 1
            } else if b0 < 0xE0, i + 1 < n {
                v = (b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0, i + 2 < n {
                v = (b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
                i += 3
            } else if i + 3 < n {
                v = (b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F)
                i += 4
            } else {
                v = 0xFFFD
                i = n
            }
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return out
    }

    @inline(__always)
    static func width(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        return v < 0x80 ? 1 : (v < 0x800 ? 2 : (v < 0x10000 ? 3 : 4))
    }

    /// Maps scalar offsets to byte offsets walking forward only: spans are asked in order.
    struct Cursor {
        private var scalar = 0
        private var byte = 0

        mutating func byteOffset(_ s: [Unicode.Scalar], _ target: Int) -> Int {
            if target < scalar {
                scalar = 0
                byte = 0
            }
            while scalar < target {
                byte += ScalarText.width(s[scalar])
                scalar += 1
            }
            return byte
        }

        mutating func text(_ s: [Unicode.Scalar], _ utf8: [UInt8], _ a: Int, _ b: Int) -> String {
            let from = byteOffset(s, a)
            let to = byteOffset(s, b)
            return String(decoding: utf8[from..<to], as: UTF8.self)
        }
    }
}
