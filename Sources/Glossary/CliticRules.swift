/// The clitic and suffix grammar of `../shared/reference/arabic.md` §3.5, on folded scalars
/// (ة is already ه, ى is ي). It only proposes ways to split a word; the matcher keeps a split
/// only when the remaining stem is a glossary form (the lexical check), so nothing is stripped
/// blindly: «وزارة», «ولاية», «دبي» keep their letters unless the glossary holds the shorter word.
/// Plain tables behind pointers (immutable after `init`), so the matcher passes it around
/// without reference counting; its owner calls `free()` once.
struct CliticRules: Sendable {
    static let alef: UInt32 = 0x0627, beh: UInt32 = 0x0628, teh: UInt32 = 0x062A, feh: UInt32 = 0x0641
    static let kaf: UInt32 = 0x0643, lam: UInt32 = 0x0644, heh: UInt32 = 0x0647, waw: UInt32 = 0x0648
    static let yeh: UInt32 = 0x064A, noon: UInt32 = 0x0646, meem: UInt32 = 0x0645

    /// One way to read a word: `skip` scalars of proclitics, `cut` scalars of suffix, then the
    /// stem (plus `restore`, e.g. ه for the ة that became ت before a suffix).
    struct Split {
        // Stored small (12 bytes): readings are copied onto the path and into candidates many
        // times per word. Every count here is at most a handful of letters.
        private var skip8: UInt8
        private var cut8: UInt8
        private var clitic8: UInt8
        private var restoreCode: UInt8
        var article: Bool
        var pronoun: Bool
        /// The suffix is a lone ه: after ي it is the feminine ـة of an adjective (جمركي → جمركية);
        /// elsewhere it is the pronoun ـه, and only where the original letter is ه, not ة
        /// (مكتبه "his office", not مكتبة "library").
        var finalHeh: Bool
        /// The glossary form the stem is (its id), found by `StemTrie`.
        var form: Int32

        init(skip: Int, cut: Int, restore: UInt32, clitic: Int, article: Bool, pronoun: Bool, finalHeh: Bool, form: Int32 = -1) {
            skip8 = UInt8(truncatingIfNeeded: skip)
            cut8 = UInt8(truncatingIfNeeded: cut)
            clitic8 = UInt8(truncatingIfNeeded: clitic)
            restoreCode = restore == CliticRules.heh ? 1 : restore == CliticRules.yeh ? 2 : 0
            self.article = article
            self.pronoun = pronoun
            self.finalHeh = finalHeh
            self.form = form
        }

        /// Scalars of proclitics (و ف ب ك ل and the article) before the stem.
        var skip: Int { Int(skip8) }
        /// Scalars of suffix after the stem.
        var cut: Int { Int(cut8) }
        /// Scalars of و ف ب ك ل before the article (or the stem).
        var clitic: Int { Int(clitic8) }
        /// The letter the stem ends with but the text does not (ه for the ة that became ت
        /// before a suffix, ي for ى before a pronoun), or 0.
        var restore: UInt32 { restoreCode == 1 ? CliticRules.heh : restoreCode == 2 ? CliticRules.yeh : 0 }
        var bare: Bool { skip8 == 0 && cut8 == 0 }
    }

    struct SuffixInfo: Sendable {
        var pronoun: Bool
    }

    struct Suffix: Sendable {
        var text: [UInt32]
        var restore: UInt32
        var pronoun: Bool
    }

    static let pronouns: [[UInt32]] = [
        [heh], [heh, alef], [heh, meem, alef], [heh, meem], [heh, noon],
        [kaf], [kaf, meem, alef], [kaf, meem], [kaf, noon], [noon, alef],
    ]

    /// Suffixes. Nisba ـي / ـية on a noun is deliberately absent (الإمارات → الإماراتية changes the
    /// English word), and so is the first-person ـي, which would read every nisba adjective as "my …".
    static let suffixes: [Suffix] = {
        var list: [Suffix] = [
            Suffix(text: [alef], restore: 0, pronoun: false),  // accusative tanween ـاً
            Suffix(text: [alef, noon], restore: 0, pronoun: false),  // dual
            Suffix(text: [yeh, noon], restore: 0, pronoun: false),  // dual / plural oblique
            Suffix(text: [waw, noon], restore: 0, pronoun: false),  // plural
            Suffix(text: [alef, teh], restore: 0, pronoun: false),  // feminine plural
            Suffix(text: [alef, teh], restore: heh, pronoun: false),  // شحنة → شحنات
            Suffix(text: [teh, alef, noon], restore: heh, pronoun: false),  // شحنة → شحنتان
            Suffix(text: [teh, yeh, noon], restore: heh, pronoun: false),  // شحنة → شحنتين
            Suffix(text: [teh, alef], restore: heh, pronoun: false),  // dual in إضافة: مذكرتا تفاهم
            Suffix(text: [teh, yeh], restore: heh, pronoun: false),  // مذكرتي تفاهم
        ]
        for p in pronouns {
            list.append(Suffix(text: p, restore: 0, pronoun: true))  // بيانها
            list.append(Suffix(text: [teh] + p, restore: heh, pronoun: true))  // شحنة → شحنتها
            list.append(Suffix(text: [alef] + p, restore: yeh, pronoun: true))  // مستوى → مستواه
            list.append(Suffix(text: [alef, teh] + p, restore: 0, pronoun: true))  // بياناتها
            list.append(Suffix(text: [alef, teh] + p, restore: heh, pronoun: true))  // شحناتها
            list.append(Suffix(text: [waw] + p, restore: 0, pronoun: true))  // موظفوها
        }
        return list
    }()

    static let minimumStem = 2

    /// Suffixes by their packed letters (`key`), one table per restored stem ending.
    /// Values: 1 when every suffix of that shape is a pronoun, 0 otherwise; -1 when absent.
    let plain: FlatMap64
    let restoringHeh: FlatMap64
    let restoringYeh: FlatMap64

    init() {
        var plain: [UInt64: SuffixInfo] = [:], heh: [UInt64: SuffixInfo] = [:], yeh: [UInt64: SuffixInfo] = [:]
        for s in CliticRules.suffixes {
            let key = s.text.withUnsafeBufferPointer { CliticRules.key($0, 0, s.text.count) }
            guard key != 0 else { continue }
            let info = SuffixInfo(pronoun: s.pronoun)
            switch s.restore {
            case 0: plain[key] = plain[key].map { SuffixInfo(pronoun: $0.pronoun && info.pronoun) } ?? info
            case CliticRules.heh: heh[key] = heh[key].map { SuffixInfo(pronoun: $0.pronoun && info.pronoun) } ?? info
            default: yeh[key] = yeh[key].map { SuffixInfo(pronoun: $0.pronoun && info.pronoun) } ?? info
            }
        }
        func flat(_ map: [UInt64: SuffixInfo]) -> FlatMap64 {
            FlatMap64(map.map { ($0.key, $0.value.pronoun ? 1 : 0) })
        }
        self.plain = flat(plain)
        self.restoringHeh = flat(heh)
        self.restoringYeh = flat(yeh)
    }

    func free() {
        plain.free()
        restoringHeh.free()
        restoringYeh.free()
    }

    /// Up to 5 Arabic letters packed 6 bits each, with the length on top; 0 when not a suffix shape.
    @inline(__always)
    static func key(_ b: UnsafeBufferPointer<UInt32>, _ lo: Int, _ hi: Int) -> UInt64 {
        let n = hi - lo
        guard n > 0, n <= 5 else { return 0 }
        var key: UInt64 = UInt64(n) << 40
        var i = lo
        while i < hi {
            let v = b[i]
            guard v > 0x0620, v <= 0x064A else { return 0 }
            key |= UInt64(v - 0x0620) << UInt64(6 * (i - lo))
            i += 1
        }
        return key
    }

    /// Calls `visit(skip, clitic, article)` for every place a stem may start in `b[lo..<hi]`:
    /// the word itself; then, on the first word of a term, after و/ف, after ب/ك/ل, after the
    /// article ال, and after ل + ال written لل; on a later word, after the article only.
    /// Stops at the first `visit` that returns true, and returns whether one did.
    @inline(__always)
    static func starts(_ b: UnsafeBufferPointer<UInt32>, _ lo: Int, _ hi: Int, first: Bool, _ visit: (_ skip: Int, _ clitic: Int, _ article: Bool) -> Bool) -> Bool {
        if visit(0, 0, false) { return true }
        let length = hi - lo
        let alef = CliticRules.alef, lam = CliticRules.lam
        guard first else {
            return length > 3 && b[lo] == alef && b[lo + 1] == lam && visit(2, 0, true)
        }
        let w = b[lo]
        let conjLimit = length > 2 && (w == CliticRules.waw || w == CliticRules.feh) ? 1 : 0
        for c in 0...conjLimit {
            let x = b[lo + c]
            let prepLimit = length > c + 2 && (x == CliticRules.beh || x == CliticRules.kaf || x == lam) ? 1 : 0
            for step in 0...prepLimit {
                let p = c + step
                if p > 0 && visit(p, p, false) { return true }
                if length > p + 3 && b[lo + p] == alef && b[lo + p + 1] == lam && visit(p + 2, p, true) { return true }
                // ل + ال is written لل: the article's alef drops.
                if step == 1 && x == lam && length > p + 2 && b[lo + p] == lam && visit(p + 1, p, true) { return true }
            }
        }
        return false
    }

    /// Appends to `out` every reading of `b[lo..<hi]` whose stem is a form in `trie`, as the
    /// first word of a term (`first`: the proclitic chain may precede it) or a later word (only
    /// the article may).
    @inline(__always)
    func readings(_ b: UnsafeBufferPointer<UInt32>, _ codes: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int, first: Bool, trie: StemTrie, into out: inout ScratchBuffer<Split>) {
        _ = CliticRules.starts(b, lo, hi, first: first) { skip, clitic, article in
            // The first two or three letters already rule most starts out (see
            // `StemTrie.mayStart`): checked here, so a start that reads nothing costs no call.
            if trie.mayStart(codes, lo + skip, hi) {
                walk(b, codes, lo + skip, hi, skip: skip, clitic: clitic, article: article, trie: trie, into: &out)
            }
            return false
        }
    }

    /// Walks the trie from `start` (which passed `StemTrie.mayStart`); at every node where a form
    /// ends, the rest of the word must be nothing or a suffix. Before each letter it also tries
    /// the stem with a final ه or ي restored (شحنت|ها → شحنة, مستو|اه → مستوى).
    @inline(never)
    private func walk(_ b: UnsafeBufferPointer<UInt32>, _ codes: UnsafePointer<UInt8>, _ start: Int, _ hi: Int, skip: Int, clitic: Int, article: Bool, trie: StemTrie, into out: inout ScratchBuffer<Split>) {
        let alef = CliticRules.alef, heh = CliticRules.heh, yeh = CliticRules.yeh
        let firstCode = Int(codes[start])
        var node: Int32 = 0
        var p = start
        while p < hi {
            let letter = b[p]
            let depth = p - start
            // A restored ending is followed by ت (شحنتها, شحنتان) or ا (شحنات, مستواه).
            // Only the last five letters can start a suffix (`key` is 0 before them): look the
            // suffix up first, the trie only when it is one.
            if (letter == CliticRules.teh || letter == alef) && depth + 1 >= CliticRules.minimumStem && hi - p <= 5 {
                let key = CliticRules.key(b, p, hi)
                if case let info = restoringHeh.get(key), info >= 0 {
                    let h = trie.step(node, depth: depth, firstCode: firstCode, heh, code: StemTrie.hehCode)
                    if h >= 0, StemTrie.endsForm(h) {
                        out.append(Split(skip: skip, cut: hi - p, restore: heh, clitic: clitic, article: article,
                                         pronoun: info == 1, finalHeh: false, form: trie.form(at: h)))
                    }
                }
                if letter == alef, case let info = restoringYeh.get(key), info >= 0 {
                    let y = trie.step(node, depth: depth, firstCode: firstCode, yeh, code: StemTrie.yehCode)
                    if y >= 0, StemTrie.endsForm(y) {
                        out.append(Split(skip: skip, cut: hi - p, restore: yeh, clitic: clitic, article: article,
                                         pronoun: info == 1, finalHeh: false, form: trie.form(at: y)))
                    }
                }
            }
            node = trie.step(node, depth: depth, firstCode: firstCode, letter, code: Int(codes[p]))
            if node < 0 { return }
            p += 1
            guard StemTrie.endsForm(node), p - start >= CliticRules.minimumStem else { continue }
            let form = trie.form(at: node)
            if p == hi {
                out.append(Split(skip: skip, cut: 0, restore: 0, clitic: clitic, article: article,
                                 pronoun: false, finalHeh: false, form: form))
            } else if case let info = plain.get(CliticRules.key(b, p, hi)), info >= 0 {
                out.append(Split(skip: skip, cut: hi - p, restore: 0, clitic: clitic, article: article,
                                 pronoun: info == 1, finalHeh: hi - p == 1 && b[p] == heh, form: form))
            }
        }
    }
}
