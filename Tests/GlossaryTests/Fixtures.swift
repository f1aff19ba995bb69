import BayanCore
import Glossary

/// A small customs glossary written for the tests.
enum Fixtures {
    static let rows: [(String, String)] = [
        ("جمارك دبي", "Dubai Customs"),
        ("الجمارك", "customs"),
        ("البيان الجمركي", "customs declaration"),
        ("رسوم الجمارك", "customs duties"),
        ("منظمة الجمارك العالمية", "World Customs Organization"),
        ("منظمة", "organization"),
        ("شحنة", "shipment"),
        ("دبي", "Dubai"),
        ("وزارة المالية", "Ministry of Finance"),
        ("ولاية", "state"),
        ("الإمارات", "UAE"),
        ("قواعد المنشأ", "rules of origin"),
        ("المنشأ", "origin"),
        ("مكتب", "office"),
        ("مسؤول", "official"),
        ("التخليص الجمركي", "customs clearance"),
        ("مستوى", "level"),
        ("رسم", "fee"),
        ("دب", "bear"),
        ("زار", "visited"),
        ("المنطقة الحرة", "free zone"),
        ("الإجراءات الجمركية", "customs procedures"),
        ("موظف", "employee"),
    ]

    static let glossary = Glossary(entries: rows.enumerated().map { i, row in
        GlossaryEntry(ar: row.0, en: row.1, file: "test.tsv", line: i + 2)
    })

    static let matcher = CliticTermMatcher(glossary: glossary)

    static func glossary(_ rows: [(String, String)], exact: Set<String> = []) -> Glossary {
        Glossary(entries: rows.enumerated().map { i, row in
            GlossaryEntry(ar: row.0, en: row.1, exact: exact.contains(row.0), file: "t.tsv", line: i + 2)
        })
    }

    /// The surface text of each hit, checked against the offsets.
    static func surfaces(_ text: String, _ matcher: CliticTermMatcher = matcher) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return matcher.matches(in: text).map { hit in
            guard hit.start >= 0, hit.end <= scalars.count, hit.start < hit.end else { return "<bad span>" }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[hit.start..<hit.end])
            return String(view)
        }
    }

    /// The glossary Arabic of each hit.
    static func terms(_ text: String, _ matcher: CliticTermMatcher = matcher) -> [String] {
        matcher.matches(in: text).map(\.ar)
    }
}
