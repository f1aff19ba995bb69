/// Nesting depth of quotations and brackets inside one line, for spans that close on that line.
/// An opener that never closes protects nothing, so one stray quote cannot swallow a paragraph.
struct QuoteSpans {
    /// `depth[i - lineStart]` = how many closed quote/bracket spans contain position `i`.
    private(set) var depth: [Int32] = []
    private(set) var lineStart = 0
    private(set) var any = false

    mutating func compute(_ s: [Unicode.Scalar], _ ls: Int, _ le: Int) {
        lineStart = ls
        any = false
        var stack: [(close: UInt32, alt: UInt32, at: Int)] = []
        var spans: [(Int, Int)] = []
        var i = ls
        while i < le {
            let v = s[i].value
            if v < 0x22 || (v > 0x7D && v < 0xAB) || (v >= 0x0600 && v <= 0x06FF) {
                i += 1
                continue
            }
            if let top = stack.last, v == top.close || v == top.alt {
                stack.removeLast()
                spans.append((top.at, i))
            } else if let pair = Self.opener(v) {
                // A closer that matches a deeper opener closes it and whatever was left open inside.
                if Self.isPureCloser(v), let k = stack.lastIndex(where: { $0.close == v || $0.alt == v }) {
                    spans.append((stack[k].at, i))
                    stack.removeSubrange(k...)
                } else {
                    stack.append((pair.0, pair.1, i))
                }
            } else if Self.isPureCloser(v), let k = stack.lastIndex(where: { $0.close == v || $0.alt == v }) {
                spans.append((stack[k].at, i))
                stack.removeSubrange(k...)
            }
            if stack.count > 64 { stack.removeFirst() }
            i += 1
        }
        guard !spans.isEmpty else { return }
        any = true
        let n = le - ls + 1
        if depth.count < n { depth = [Int32](repeating: 0, count: n) } else {
            for k in 0..<n { depth[k] = 0 }
        }
        for (o, c) in spans {
            depth[o + 1 - ls] += 1
            depth[c - ls] -= 1
        }
        var run: Int32 = 0
        for k in 0..<n {
            run += depth[k]
            depth[k] = run
        }
    }

    @inline(__always)
    func depth(at i: Int) -> Int32 {
        guard any else { return 0 }
        let k = i - lineStart
        return k >= 0 && k < depth.count ? depth[k] : 0
    }

    /// The closing marks an opener expects (two when usage varies, as with „…“ and „…”).
    private static func opener(_ v: UInt32) -> (UInt32, UInt32)? {
        switch v {
        case 0x28: return (0x29, 0x29)
        case 0x5B: return (0x5D, 0x5D)
        case 0x7B: return (0x7D, 0x7D)
        case 0xAB: return (0xBB, 0xBB)  // « … »
        case 0xBB: return (0xAB, 0xAB)  // » … « (reversed, common in Arabic text)
        case 0x201C: return (0x201D, 0x201C)
        case 0x201D: return (0x201D, 0x201C)
        case 0x201E: return (0x201C, 0x201D)
        case 0x22: return (0x22, 0x22)
        default: return nil
        }
    }

    private static func isPureCloser(_ v: UInt32) -> Bool { v == 0x29 || v == 0x5D || v == 0x7D }
}
