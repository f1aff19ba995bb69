import BayanCore
import QA
import Testing

func pair(_ ar: String, _ en: String, terms: [TermHit] = []) -> AlignedPair {
    AlignedPair(segment: Segment(id: 1, paragraph: 0, start: 0, end: ar.unicodeScalars.count, text: ar), en: en, terms: terms)
}

func checks(_ checker: some PairChecker, _ ar: String, _ en: String) -> [String] {
    checker.check(pair(ar, en)).map(\.check)
}

@Suite struct NumbersCheckTests {
    let check = NumbersCheck()

    @Test(arguments: [
        ("ارتفعت الإيرادات بنسبة ١٥٪ خلال عام ٢٠٢٣.", "Revenue rose by 15% in 2023."),
        ("بلغ عدد المعاملات ٦٫١ مليون معاملة.", "Transactions reached 6.1 million."),
        ("بلغ عدد المعاملات ٦٫١ مليون معاملة.", "Transactions totalled 6,100,000."),
        ("وبلغت قيمة المخالفات ١٢٬٥٠٠ درهم.", "Fines came to AED 12,500."),
        ("تراوحت الغرامات بين 5000 و10000 درهم.", "Fines ranged from AED 5,000 to AED 10,000."),
        ("تتراوح مدة البرنامج بين 12-18 شهراً.", "The programme lasts 12–18 months."),
        ("خطة الدائرة للفترة 2021-2025.", "The department's 2021–25 plan."),
        ("صدر القرار بتاريخ ١٢/٠٨/٢٠١٤.", "The decision was issued on 12 August 2014."),
        ("يعقد المؤتمر في الفترة من 8 إلى 9 أكتوبر.", "The conference is held on 8–9 October."),
        ("شارك في الدورة 35 مفتشاً.", "Thirty-five inspectors took part."),
        ("يمتد البرنامج ثمانية عشر شهراً.", "The programme runs for 18 months."),
        ("بلغت قيمة الضبطيات مليوني درهم.", "The seizures were worth AED 2 million."),
        ("بلغت الإيرادات 2.8 مليار درهم.", "Revenue reached AED 2.8bn."),
        ("ارتفعت الصادرات بنسبة ٣٫٧٥٪.", "Exports rose by 3.75 per cent."),
        ("تمت الضبطية في الساعة 10:00 صباحاً.", "The seizure took place at 10 a.m."),
        ("يبدأ العمل بالنظام في الأول من يوليو.", "The system goes live on 1 July."),
        ("للتواصل info2024@customs.gov.ae.", "Contact info2024@customs.gov.ae."),
        ("بلغ عدد الطرود نصف مليون طرد.", "The number of parcels reached 500,000."),
        ("يعمل المركز على مدار الساعة.", "The centre operates 24/7."),
        ("تعاونت الدائرة مع الشركاء خلال جائحة كورونا.", "The department worked with partners during the COVID-19 pandemic."),
        ("حققت الدائرة أهدافها في الربع الثالث.", "The department met its targets in Q3."),
    ])
    func silentOnCorrectPairs(_ ar: String, _ en: String) {
        #expect(check.check(pair(ar, en)).isEmpty, "\(ar) → \(en)")
    }

    @Test(arguments: [
        ("ارتفعت الإيرادات بنسبة ١٥٪ خلال عام ٢٠٢٣.", "Revenue rose by 15% in 2022."),  // wrong year
        ("بلغ عدد المعاملات ٦٫١ مليون معاملة.", "Transactions reached 61 million."),  // lost decimal
        ("وبلغت قيمة المخالفات ١٢٬٥٠٠ درهم.", "Fines came to AED 1,250."),  // grouping error
        ("تتراوح مدة البرنامج بين 12-18 شهراً.", "The programme lasts 12 months."),  // lost range end
        ("صدر القرار بتاريخ ١٢/٠٨/٢٠١٤.", "The decision was issued on 12 July 2014."),  // wrong month
        ("ضبطت الجمارك 27 قطعة أثرية.", "Customs seized 72 antiquities."),
        ("ارتفعت الصادرات بنسبة ٣٫٧٥٪.", "Exports rose by 3.75."),  // percent dropped
    ])
    func firesOnSeededErrors(_ ar: String, _ en: String) {
        #expect(check.check(pair(ar, en)).map(\.check).contains("numbers"), "\(ar) → \(en)")
    }
}

@Suite struct OtherChecksTests {
    @Test func empty() {
        #expect(checks(EmptyCheck(), "ضبطت الجمارك شحنة.", "  ") == ["empty"])
        #expect(checks(EmptyCheck(), "ضبطت الجمارك شحنة.", "…") == ["empty"])
        #expect(checks(EmptyCheck(), "ضبطت الجمارك شحنة.", "Customs seized a shipment.").isEmpty)
        // Other checks stay quiet on an empty target instead of piling on.
        #expect(checks(StandardChecks.suite(), "ضبطت الجمارك 27 شحنة.", "") == ["empty"])
    }

    @Test func untranslated() {
        #expect(checks(UntranslatedCheck(), "ضبطت الجمارك شحنة.", "ضبطت الجمارك شحنة.") == ["untranslated"])
        #expect(checks(UntranslatedCheck(), "ضبطت الجمارك شحنة.", "Customs seized a شحنة.") == ["untranslated"])
        #expect(checks(UntranslatedCheck(), "ضبطت الجمارك شحنة بقيمة ١٥٪.", "Customs seized a shipment worth 15%.").isEmpty)
        #expect(checks(UntranslatedCheck(), "جائزة ISO 9001", "ISO 9001 award").isEmpty)
    }

    @Test func brackets() {
        let ar = "شارك أصحاب المصلحة (الجمارك والقطاع الخاص) في النقاش."
        #expect(checks(BracketsCheck(), ar, "Stakeholders (customs and the private sector) took part.").isEmpty)
        #expect(checks(BracketsCheck(), ar, "Stakeholders (customs and the private sector took part.") .contains("brackets"))
        #expect(checks(BracketsCheck(), ar, "Stakeholders, customs and the private sector, took part.") == ["brackets"])
        // Added brackets for an acronym are fine.
        #expect(checks(BracketsCheck(), "شاركت منظمة الجمارك العالمية.", "The World Customs Organization (WCO) took part.").isEmpty)
        let quoted = "تحت شعار «سافر بأمان»."
        #expect(checks(BracketsCheck(), quoted, "Under the slogan “Travel Safely”.").isEmpty)
        #expect(checks(BracketsCheck(), quoted, "Under the slogan \"Travel Safely\".").isEmpty)
        #expect(checks(BracketsCheck(), quoted, "Under the slogan \"Travel Safely.") == ["brackets"])
        // A quoted slogan or name may lose its marks in English (issue 18); quoted speech may not.
        #expect(checks(BracketsCheck(), quoted, "Under the slogan Travel Safely.").isEmpty)
        #expect(checks(BracketsCheck(), "وقال المدير: «سنسافر بأمان».", "The director said we will travel safely.") == ["brackets"])
    }

    @Test func length() {
        let ar = "أعلنت الهيئة الاتحادية للجمارك عن إطلاق منصة رقمية موحدة لتخليص الشحنات في جميع المنافذ."
        #expect(checks(LengthRatioCheck(), ar, "The Federal Customs Authority announced a unified digital platform for clearing shipments at all ports.").isEmpty)
        #expect(checks(LengthRatioCheck(), ar, "The authority announced.") == ["length"])
        #expect(checks(LengthRatioCheck(), ar, String(repeating: "The Federal Customs Authority announced a platform. ", count: 6)) == ["length"])
    }

    @Test func urlsAndEmails() {
        let ar = "التفاصيل على www.dubaicustoms.gov.ae أو عبر info@customs.gov.ae."
        #expect(checks(LinksCheck(), ar, "Details at www.dubaicustoms.gov.ae or via info@customs.gov.ae.").isEmpty)
        #expect(checks(LinksCheck(), ar, "Details at www.dubai-customs.gov.ae or via info@customs.gov.ae.") == ["urls"])
        #expect(checks(LinksCheck(), ar, "Details at www.dubaicustoms.gov.ae or via info@customs.gov.") == ["emails"])
        #expect(checks(LinksCheck(), "التسجيل عبر https://www.fca.gov.ae/ar/services.", "Register at https://www.fca.gov.ae/ar/services.").isEmpty)
    }

    @Test func endPunctuation() {
        #expect(checks(EndPunctuationCheck(), "ما هي الوثائق المطلوبة؟", "What documents are needed?").isEmpty)
        #expect(checks(EndPunctuationCheck(), "ما هي الوثائق المطلوبة؟", "What documents are needed.") == ["endpunc"])
        #expect(checks(EndPunctuationCheck(), "ما هي الوثائق المطلوبة؟", "What documents are needed؟") == ["endpunc"])
        #expect(checks(EndPunctuationCheck(), "قال المدير: «نحن ملتزمون».", "The director said: “We are committed.”").isEmpty)
        #expect(checks(EndPunctuationCheck(), "ضبطت الجمارك شحنة.", "Customs seized a shipment") == ["endpunc"])
        // Headlines have no final punctuation in either language.
        #expect(checks(EndPunctuationCheck(), "جمارك دبي تفوز بجائزة", "Dubai Customs wins award").isEmpty)
    }

    @Test func glossaryHitsBecomeIssues() {
        let bad = TermHit(ar: "البيان الجمركي", en: "customs declaration", start: 0, end: 14, ok: false)
        let good = TermHit(ar: "جمارك دبي", en: "Dubai Customs", start: 15, end: 24, ok: true)
        let issues = GlossaryHitsCheck().check(pair("البيان الجمركي جمارك دبي", "the customs statement, Dubai Customs", terms: [bad, good, bad]))
        #expect(issues.map(\.check) == ["glossary"])
        #expect(issues.first?.message.contains("customs declaration") == true)
        #expect(GlossaryHitsCheck().check(pair("جمارك دبي", "Dubai Customs", terms: [good])).isEmpty)
    }

    @Test func suiteHonoursDisabledChecks() {
        let suite = StandardChecks.suite(QAOptions(disabled: ["length", "endpunc"]))
        #expect(suite.check(pair("ضبطت الجمارك شحنة كبيرة جداً في الميناء اليوم.", "Seized")).isEmpty)
        #expect(StandardChecks.suite().check(pair("ضبطت الجمارك شحنة كبيرة جداً في الميناء اليوم.", "Seized")).map(\.check).contains("length"))
    }
}

@Suite struct QARobustnessTests {
    /// Random text from the characters the checks look at most closely never traps a check.
    @Test func randomTextNeverTraps() {
        let alphabet = Array("0123456789٠١٢٣٤٥٦٧٨٩٫٬٪%.,:/-–()[]{}«»“”\"'؟?!@ wwwhttps:ةجمارك مليون million twenty-five 24/7 \u{200F}\u{1}")
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let suite = StandardChecks.suite()
        var flagged = 0
        for _ in 0..<2000 {
            let ar = String((0..<next(40)).map { _ in alphabet[next(alphabet.count)] })
            let en = String((0..<next(40)).map { _ in alphabet[next(alphabet.count)] })
            if !suite.check(pair(ar, en)).isEmpty { flagged += 1 }
        }
        #expect(flagged > 0)
    }
}
