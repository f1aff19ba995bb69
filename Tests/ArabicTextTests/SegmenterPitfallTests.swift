import ArabicText
import BayanCore
import Testing

/// One test per pitfall of `arabic.md` §2.5 and per rule of issue 3.
@Suite struct SegmenterPitfallTests {
    let segmenter = ArabicSentenceSegmenter()

    func sentences(_ text: String, _ options: SegmenterOptions = .init()) -> [String] {
        ArabicSentenceSegmenter(options: options).segment(text: text).map(\.text)
    }

    @Test func breaksAtSentenceFinalMarks() {
        #expect(sentences("وصلت الشحنة. وتم تفتيشها! هل انتهى التفتيش؟ نعم انتهى.")
            == ["وصلت الشحنة.", "وتم تفتيشها!", "هل انتهى التفتيش؟", "نعم انتهى."])
        #expect(sentences("Is it done? Yes. It is!") == ["Is it done?", "Yes.", "It is!"])
        #expect(sentences("انتهى الاجتماع۔ وبدأ العمل") == ["انتهى الاجتماع۔", "وبدأ العمل"])
        #expect(sentences("ماذا حدث؟! لا نعلم.") == ["ماذا حدث؟!", "لا نعلم."])
    }

    @Test func neverBreaksAtCommaOrColonAndSemicolonOnlyWhenAsked() {
        let text = "شاركت الجمارك في المؤتمر، وقدمت ورقة عمل: الابتكار؛ والتحول الرقمي."
        #expect(sentences(text) == [text])
        var options = SegmenterOptions()
        options.breakAtSemicolon = true
        #expect(sentences(text, options) == ["شاركت الجمارك في المؤتمر، وقدمت ورقة عمل: الابتكار؛", "والتحول الرقمي."])
    }

    @Test func headlineAndDatelineOnTheirOwnLines() {
        let text = "جمارك دبي تشارك في المؤتمر العالمي للاتصال\nدبي - 8 أكتوبر:\nشاركت جمارك دبي في المؤتمر. وقدمت ورقة عمل."
        #expect(sentences(text) == [
            "جمارك دبي تشارك في المؤتمر العالمي للاتصال", "دبي - 8 أكتوبر:", "شاركت جمارك دبي في المؤتمر.",
            "وقدمت ورقة عمل.",
        ])
    }

    @Test func inlineDatelinesStayWithTheirSentence() {
        #expect(sentences("دبي - 8 أكتوبر: شاركت جمارك دبي في المؤتمر. وقدمت ورقة.")
            == ["دبي - 8 أكتوبر: شاركت جمارك دبي في المؤتمر.", "وقدمت ورقة."])
        #expect(sentences("هراري ١٥ - ٧ (اف ب) - أعلنت السلطات إغلاق المعبر. وقال مسؤول إن القرار مؤقت.")
            == ["هراري ١٥ - ٧ (اف ب) - أعلنت السلطات إغلاق المعبر.", "وقال مسؤول إن القرار مؤقت."])
        #expect(sentences("القاهرة - أ.ش.أ - وصل الوفد إلى المطار. وكان في استقباله الوزير.")
            == ["القاهرة - أ.ش.أ - وصل الوفد إلى المطار.", "وكان في استقباله الوزير."])
        #expect(sentences("أبوظبي في 8 أكتوبر / وام / أطلقت الهيئة خدمة جديدة. وتهدف الخدمة إلى التيسير.").count == 2)
    }

    @Test func abbreviationsDoNotBreak() {
        #expect(sentences("افتتح د. أحمد المعرض. وحضر م. خالد الافتتاح.") == ["افتتح د. أحمد المعرض.", "وحضر م. خالد الافتتاح."])
        #expect(sentences("ألقى أ.د. محمد الكلمة. ثم بدأ الحفل.") == ["ألقى أ.د. محمد الكلمة.", "ثم بدأ الحفل."])
        #expect(sentences("تأسست المدينة عام 300 ق.م. وفق المصادر.") == ["تأسست المدينة عام 300 ق.م. وفق المصادر."])
        #expect(sentences("للمراسلة ص.ب. 1234 دبي. وللاستفسار اتصل بنا.") == ["للمراسلة ص.ب. 1234 دبي.", "وللاستفسار اتصل بنا."])
        #expect(sentences("وقع العقد السيد ز. الكعبي أمس.") == ["وقع العقد السيد ز. الكعبي أمس."])
        #expect(sentences("Mr. Smith met Dr. Jones in the U.S. capital.") == ["Mr. Smith met Dr. Jones in the U.S. capital."])
    }

    @Test func sentenceEndingAbbreviationsBreakBeforeASentenceOpener() {
        #expect(sentences("تشمل السلع الأجهزة والملابس إلخ. وقال المدير إن الإجراءات مستمرة.")
            == ["تشمل السلع الأجهزة والملابس إلخ.", "وقال المدير إن الإجراءات مستمرة."])
        #expect(sentences("تشمل السلع الأجهزة والملابس إلخ. من المواد المستوردة.")
            == ["تشمل السلع الأجهزة والملابس إلخ. من المواد المستوردة."])
        #expect(sentences("وقعت الاتفاقية مع شركة موانئ دبي العالمية ش.م.ع. وأكد الطرفان أهميتها.").count == 2)
    }

    @Test func calendarMarkersAfterNumbersEndSentences() {
        #expect(sentences("صدر القرار في عام 2024م. وبدأ التطبيق فوراً.") == ["صدر القرار في عام 2024م.", "وبدأ التطبيق فوراً."])
        #expect(sentences("صدر القرار في عام 1445 هـ. وبدأ التطبيق.") == ["صدر القرار في عام 1445 هـ.", "وبدأ التطبيق."])
        #expect(sentences("صدر القرار عام ١٤٤٥ هـ. ثم عدل.") == ["صدر القرار عام ١٤٤٥ هـ.", "ثم عدل."])
        #expect(sentences("انتهى العمل في 2023 م. وبدأت مرحلة جديدة.").count == 2)
    }

    @Test func numbersTimesDatesDoNotBreak() {
        #expect(sentences("ارتفعت الصادرات بنسبة 7.9 في المئة. وبلغت ٣٫٥ مليار درهم.")
            == ["ارتفعت الصادرات بنسبة 7.9 في المئة.", "وبلغت ٣٫٥ مليار درهم."])
        #expect(sentences("بلغت القيمة ٣.٥ مليون. وهذا رقم قياسي.") == ["بلغت القيمة ٣.٥ مليون.", "وهذا رقم قياسي."])
        #expect(sentences("وصلت الطائرة الساعة 05:01 صباحاً يوم 12/08/2014. ثم غادرت.")
            == ["وصلت الطائرة الساعة 05:01 صباحاً يوم 12/08/2014.", "ثم غادرت."])
        // Dates and periods wrapped in direction marks (LRE … PDF), as pySBD's test has them.
        let wrapped = "صدر في 12\u{202A}/\u{202C}08\u{202A}/\u{202C}2014 وقرأه د\u{202A}.\u{202C} سالم. وانتهى."
        #expect(sentences(wrapped) == ["صدر في 12\u{202A}/\u{202C}08\u{202A}/\u{202C}2014 وقرأه د\u{202A}.\u{202C} سالم.", "وانتهى."])
        #expect(sentences("بلغ النمو 4\u{202A}.\u{202C}5 بالمئة. وهذا جيد.").count == 2)
        #expect(sentences("وصل عدد المعاملات إلى 1,250,000 معاملة في 2023. وهو رقم قياسي.").count == 2)
    }

    @Test func urlsAndEmailsDoNotBreak() {
        #expect(sentences("للمزيد زوروا www.dubaicustoms.gov.ae أو راسلوا info@customs.gov.ae للاستفسار. شكراً.")
            == ["للمزيد زوروا www.dubaicustoms.gov.ae أو راسلوا info@customs.gov.ae للاستفسار.", "شكراً."])
        #expect(sentences("الموقع هو https://www.example.ae/ar/news.html. وتجدر الإشارة إلى التحديث.").count == 2)
        #expect(sentences("راسلونا على info@customs.ae. سنرد قريباً.") == ["راسلونا على info@customs.ae.", "سنرد قريباً."])
    }

    @Test func listMarkersDoNotBreak() {
        #expect(sentences("1. تبسيط الإجراءات الجمركية.\n2. تسريع التخليص.")
            == ["1. تبسيط الإجراءات الجمركية.", "2. تسريع التخليص."])
        #expect(sentences("أولاً: تبسيط الإجراءات.\nثانياً: تسريع التخليص.") == ["أولاً: تبسيط الإجراءات.", "ثانياً: تسريع التخليص."])
        #expect(sentences("- تطوير الأنظمة.\n- تدريب الموظفين.") == ["- تطوير الأنظمة.", "- تدريب الموظفين."])
        #expect(sentences("وتشمل المبادرة: 1. التدريب 2. التطوير.") == ["وتشمل المبادرة: 1. التدريب 2. التطوير."])
        #expect(sentences("أ. تبسيط الإجراءات.\nب. تسريع التخليص.") == ["أ. تبسيط الإجراءات.", "ب. تسريع التخليص."])
    }

    @Test func ellipsisInsideASentenceDoesNotBreak() {
        #expect(sentences("إن الجمارك... هي خط الدفاع الأول. وقال المدير ذلك.")
            == ["إن الجمارك... هي خط الدفاع الأول.", "وقال المدير ذلك."])
        #expect(sentences("إن الجمارك… هي خط الدفاع الأول.") == ["إن الجمارك… هي خط الدفاع الأول."])
        #expect(sentences("وانتظر الجميع النتائج... وقال المدير إنها ممتازة.")
            == ["وانتظر الجميع النتائج...", "وقال المدير إنها ممتازة."])
        #expect(sentences("وتستمر الجهود…") == ["وتستمر الجهود…"])
    }

    @Test func quotationsKeepTheirSentencesTogether() {
        #expect(sentences("وقال: \"نحن نعمل بجد. ونسعى للأفضل.\" وأضاف أن العمل مستمر.")
            == ["وقال: \"نحن نعمل بجد. ونسعى للأفضل.\"", "وأضاف أن العمل مستمر."])
        #expect(sentences("وقال: «نحن نعمل بجد. ونسعى للأفضل». وأضاف أن العمل مستمر.")
            == ["وقال: «نحن نعمل بجد. ونسعى للأفضل».", "وأضاف أن العمل مستمر."])
        #expect(sentences("وقال: »نحن نعمل بجد. ونسعى للأفضل.« وأضاف.") == ["وقال: »نحن نعمل بجد. ونسعى للأفضل.«", "وأضاف."])
        #expect(sentences("وقال: “نحن نعمل بجد. ونسعى للأفضل.” وأضاف.") == ["وقال: “نحن نعمل بجد. ونسعى للأفضل.”", "وأضاف."])
        // An unclosed quotation protects nothing.
        #expect(sentences("وقال: «نحن نعمل بجد. ونسعى للأفضل.").count == 2)
    }

    @Test func bracketsKeepTheirSentencesTogether() {
        #expect(sentences("شارك الوفد (الذي وصل أمس. وهو برئاسة المدير) في الاجتماع. ثم عاد.")
            == ["شارك الوفد (الذي وصل أمس. وهو برئاسة المدير) في الاجتماع.", "ثم عاد."])
        #expect(sentences("نشرت الوكالة الخبر (اف ب). وقال المتحدث إن الأمر عادي.").count == 2)
    }

    @Test func invisibleMarksAndTatweelDoNotConfuse() {
        #expect(sentences("\u{200F}تسـعة موظفين حضروا. وغاب اثنان.") == ["\u{200F}تسـعة موظفين حضروا.", "وغاب اثنان."])
    }

    @Test func longSentencesSplitAtClauseBoundaries() {
        var options = SegmenterOptions()
        options.maxSentenceScalars = 70
        let text = "شاركت جمارك دبي في المؤتمر العالمي الأول لاستراتيجيات الاتصال؛ وقدمت ورقة عمل حول أفضل الممارسات، وناقشت مع الوفود سبل التعاون المشترك."
        let segs = ArabicSentenceSegmenter(options: options).segment(text: text)
        #expect(segs.count >= 2)
        #expect(segs[0].text.hasSuffix("؛"))
        for seg in segs {
            #expect(seg.text.unicodeScalars.count <= 70)
            #expect(seg.partOf == segs[0].id)
        }
        // Never mid-word: joining the parts with single spaces gives back the sentence.
        #expect(segs.map(\.text).joined(separator: " ") == text)
    }

    @Test func extraRulesOverrideBuiltIns() {
        var options = SegmenterOptions()
        options.extraRules = [SegmentationRule(breaks: false, before: "ج\\.", after: "\\s")]
        #expect(sentences("رحب ج. الوزير بالوفد.", options) == ["رحب ج. الوزير بالوفد."])
        options.extraRules = [SegmentationRule(breaks: true, before: ":", after: "\\s")]
        #expect(sentences("العنوان: النص هنا.", options) == ["العنوان:", "النص هنا."])
        options.extraRules = [SegmentationRule(breaks: false, before: "الأولى\\.", after: "\\s")]
        #expect(sentences("انتهت المرحلة الأولى. وبدأت الثانية.", options) == ["انتهت المرحلة الأولى. وبدأت الثانية."])
    }
}

@Suite struct SegmenterNewsConventionsTests {
    func sentences(_ text: String) -> [String] { ArabicSentenceSegmenter().segment(text: text).map(\.text) }

    @Test func currencyAbbreviations() {
        #expect(sentences("بلغت الغرامة 500 د.إ. للطن الواحد.") == ["بلغت الغرامة 500 د.إ. للطن الواحد."])
        #expect(sentences("بلغت قيمة الصادرات 5 مليارات د.إ. وقال المدير إن النمو مستمر.")
            == ["بلغت قيمة الصادرات 5 مليارات د.إ.", "وقال المدير إن النمو مستمر."])
        #expect(sentences("وتبلغ الرسوم 200 ر.س. فقط.") == ["وتبلغ الرسوم 200 ر.س. فقط."])
    }

    @Test func questionInsideAQuotationThatEndsTheSentence() {
        #expect(sentences("وتساءل المدير: «إلى متى؟» وأضاف أن الحل قريب.") == ["وتساءل المدير: «إلى متى؟»", "وأضاف أن الحل قريب."])
        #expect(sentences("وقال: «هل انتهينا؟ لا، لم ننته بعد». وغادر.") == ["وقال: «هل انتهينا؟ لا، لم ننته بعد».", "وغادر."])
    }

    @Test func thousandsAndVersionNumbers() {
        #expect(sentences("بلغ العدد 1.250.000 مسافر. وهو رقم قياسي.") == ["بلغ العدد 1.250.000 مسافر.", "وهو رقم قياسي."])
        #expect(sentences("أطلق الإصدار 2.0 من النظام. ويتضمن ميزات جديدة.").count == 2)
    }
}
