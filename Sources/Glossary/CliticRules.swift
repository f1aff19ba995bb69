/// The clitic and suffix grammar of `../shared/reference/arabic.md` §3.5, on folded scalars
/// (ة is already ه, ى is ي). It only proposes ways to split a word; the matcher keeps a split
/// only when the remaining stem is a glossary form (the lexical check), so nothing is stripped
/// blindly: «وزارة», «ولاية», «دبي» keep their letters unless the glossary holds the shorter word.
struct CliticRules: Sendable {
    static let alef: UInt32 = 0x0627, beh: UInt32 = 0x0628, teh: UInt32 = 0x062A, feh: UInt32 = 0x0641
    static let kaf: UInt32 = 0x0643, lam: UInt32 = 0x0644, heh: UInt32 = 0x0647, waw: UInt32 = 0x0648
    static let yeh: UInt32 = 0x064A, noon: UInt32 = 0x0646, meem: UInt32 = 0x0645

    /// One way to read a word: `skip` scalars of proclitics, `cut` scalars of suffix, then the
    /// stem (plus `restore`, e.g. ه for the ة that became ت before a suffix).
    struct Split {
        var skip: Int
        var cut: Int
        var restore: UInt32
        /// Scalars of و ف ب ك ل before the article (or the stem).
        var clitic: Int
        var article: Bool
        var pronoun: Bool
        /// The suffix is a lone ه: after ي it is the feminine ـة of an adjective (جمركي → جمركية);
        /// elsewhere it is the pronoun ـه, and only where the original letter is ه, not ة
        /// (مكتبه "his office", not مكتبة "library").
        var finalHeh: Bool
        var bare: Bool { skip == 0 && cut == 0 }
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

    /// Suffixes grouped by their last letter (index `letter - 0x0621`), so a word is compared
    /// only with the suffixes that can end it.
    let byLast: [[Suffix]]

    init() {
        var groups = [[Suffix]](repeating: [], count: 0x2A)
        for s in CliticRules.suffixes {
            guard let last = s.text.last, last >= 0x0621, last - 0x0621 < 0x2A else { continue }
            groups[Int(last - 0x0621)].append(s)
        }
        byLast = groups
    }

    /// All readings of `b[lo..<hi]` as the first word of a term (`first`) or a later word.
    func splits(_ b: UnsafeBufferPointer<UInt32>, _ lo: Int, _ hi: Int, first: Bool, into out: inout [Split]) {
        out.removeAll(keepingCapacity: true)
        let length = hi - lo
        let lastLetter = b[hi - 1]
        let candidates: [Suffix] = lastLetter >= 0x0621 && lastLetter - 0x0621 < 0x2A ? byLast[Int(lastLetter - 0x0621)] : []
        let alef = CliticRules.alef, lam = CliticRules.lam
        // Each proclitic reading (skip, clitic, article) is expanded at once with every suffix
        // that fits: no intermediate array, because this runs for every word of every text.
        func emit(_ skip: Int, _ clitic: Int, _ article: Bool) {
            let stemLength = length - skip
            if stemLength >= CliticRules.minimumStem {
                out.append(Split(skip: skip, cut: 0, restore: 0, clitic: clitic, article: article, pronoun: false, finalHeh: false))
            }
            for suffix in candidates {
                let n = suffix.text.count
                guard stemLength > n, stemLength - n + (suffix.restore != 0 ? 1 : 0) >= CliticRules.minimumStem else { continue }
                var same = true
                var k = 0
                while k < n - 1 {
                    if b[hi - n + k] != suffix.text[k] { same = false; break }
                    k += 1
                }
                guard same else { continue }
                out.append(Split(
                    skip: skip, cut: n, restore: suffix.restore, clitic: clitic, article: article,
                    pronoun: suffix.pronoun, finalHeh: n == 1 && lastLetter == CliticRules.heh))
            }
        }
        emit(0, 0, false)
        if first {
            let w = b[lo]
            let conjLimit = length > 2 && (w == CliticRules.waw || w == CliticRules.feh) ? 1 : 0
            for c in 0...conjLimit {
                let x = b[lo + c]
                let prepLimit = length > c + 2 && (x == CliticRules.beh || x == CliticRules.kaf || x == lam) ? 1 : 0
                for step in 0...prepLimit {
                    let p = c + step
                    if p > 0 { emit(p, p, false) }
                    if length > p + 3 && b[lo + p] == alef && b[lo + p + 1] == lam {
                        emit(p + 2, p, true)
                    }
                    // ل + ال is written لل: the article's alef drops.
                    if step == 1 && x == lam && length > p + 2 && b[lo + p] == lam {
                        emit(p + 1, p, true)
                    }
                }
            }
        } else if length > 3 && b[lo] == alef && b[lo + 1] == lam {
            emit(2, 0, true)
        }
    }
}
