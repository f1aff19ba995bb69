/// The pitfalls of arabic.md §2.5 in one small release: every reader must yield exactly these
/// sentences from it. `lines[i]` is one paragraph; its sentences are joined by a space.
enum PitfallCorpus {
    static let lines: [[String]] = [
        ["جمارك دبي تشارك في المؤتمر العالمي للاتصال"],
        ["دبي - 8 أكتوبر:"],
        ["افتتح د. أحمد المعرض الساعة 05:01 يوم 12/08/2014.", "وارتفعت الصادرات بنسبة 7.9 في المئة، أي ٣٫٥ مليار درهم."],
        ["هراري ١٥ - ٧ (اف ب) - قال م. خالد: \"نعمل بجد. ونسعى للأفضل.\"", "وأضاف أن الجمارك... خط الدفاع الأول!"],
        ["1. تبسيط الإجراءات عبر www.dubaicustoms.gov.ae أو info@customs.ae للاستفسار."],
        ["أولاً: تطوير الأنظمة وفق ص.ب. 1234 دبي والأجهزة إلخ.", "وقال أ.د. سالم ز. الكعبي إن العمل مستمر؟"],
        ["صدر القرار عام 1445 هـ.", "وبدأ التطبيق في 2024م.", "وقال: «هذا إنجاز. ونفخر به»."],
        ["- تسـعة موظفين حضروا الاجتماع (الذي عقد أمس. وهو الأول) في المقر.", "ثم عادوا."],
    ]

    static var text: String { lines.map { $0.joined(separator: " ") }.joined(separator: "\n") }
    static var sentences: [String] { lines.flatMap { $0 } }

    /// Windows-1256 has neither Arabic-Indic digits nor «٫»: the same release in Western digits.
    static func westernDigits(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0660...0x0669: out.unicodeScalars.append(Unicode.Scalar(u.value - 0x0660 + 0x30)!)
            case 0x066B: out += "."
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
