import BayanCore
import QA
import Testing

/// The Arabic of a pair with its digits written as Arabic-Indic (٠–٩), the decimal point or
/// decimal comma as ٫ and a thousands comma as ٬: the same sentence as a news wire writes it.
func arabicIndic(_ text: String) -> String {
    let chars = Array(text)
    var out = ""
    for (k, c) in chars.enumerated() {
        if let d = c.wholeNumberValue, c.isASCII {
            out.unicodeScalars.append(Unicode.Scalar(0x0660 + d) ?? "0")
        } else if c == "." || c == ",", k > 0, chars[k - 1].isASCII, chars[k - 1].isNumber, k + 1 < chars.count,
            chars[k + 1].isASCII, chars[k + 1].isNumber
        {
            var digits = 0
            while k + 1 + digits < chars.count, chars[k + 1 + digits].isNumber { digits += 1 }
            out.append(c == "," && digits == 3 ? "٬" : "٫")
        } else {
            out.append(c)
        }
    }
    return out
}

/// Each number class the `numbers` check must accept on a correct pair, in both digit systems,
/// and the same sentence with a real error, which it must still catch. Sentences written for
/// these tests.
@Suite struct NumberClassTests {
    let check = NumbersCheck()

    func flags(_ ar: String, _ en: String) -> Bool { check.check(pair(ar, en)).contains { $0.check == "numbers" } }

    @Test func arabicIndicHelperWritesNewsWireDigits() {
        #expect(arabicIndic("بلغت 2,5 مليار و12,500 درهم في 10:30") == "بلغت ٢٫٥ مليار و١٢٬٥٠٠ درهم في ١٠:٣٠")
    }

    static let correct: [(String, String, String)] = [
        // The Arabic decimal comma: one or two digits after the comma.
        ("decimal comma", "بلغت قيمة الصادرات غير النفطية 2,5 مليار درهم.", "Non-oil exports were worth AED 2.5 billion."),
        ("decimal comma", "انخفض معدل التضخم إلى 3,75 في المئة.", "Inflation fell to 3.75 percent."),
        ("decimal comma", "نقلت الشركة 1,2 مليون حاوية خلال العام.", "The company handled 1.2 million containers during the year."),
        ("thousands comma", "استقبل المعرض 12,500 زائر.", "The exhibition received 12,500 visitors."),
        // Clock times and ranges of times.
        ("time", "تبدأ الجلسة في الساعة 10:30 صباحاً.", "The session starts at 10.30 am."),
        ("time", "يفتح المكتب أبوابه عند 7:45.", "The office opens at 7:45."),
        ("time range", "يستقبل المركز المراجعين من 8:00 إلى 9:30 صباحاً.", "The centre receives visitors from 8-9.30am."),
        ("time range", "يعمل المنفذ من 6:00 حتى 22:00 يومياً.", "The crossing is open from 6 a.m. to 10 p.m. daily."),
        ("time 24h", "أقلعت الطائرة في 15:20.", "The plane took off at 3.20pm."),
        // Decades and centuries in words.
        ("decade", "بدأت الموانئ الحديثة في الإمارة في الثمانينيات.", "The emirate's modern ports began in the 1980s."),
        ("decade", "بدأت الموانئ الحديثة في الإمارة في الثمانينيات.", "The emirate's modern ports began in the 80s."),
        ("decade", "بدأت الموانئ الحديثة في الإمارة في الثمانينيات.", "The emirate's modern ports began in the eighties."),
        ("decade of a century", "افتتح أول مكتب للجمارك في تسعينيات القرن التاسع عشر.", "The first customs office opened in the 1890s."),
        ("decade of a century", "ازدهرت تجارة اللؤلؤ في عشرينات القرن العشرين.", "The pearl trade flourished in the 1920s."),
        ("century", "يعود المبنى إلى القرن الثامن عشر.", "The building dates from the 18th century."),
        // Duals and number words.
        ("dual", "تستغرق الدورة يومين.", "The course lasts 2 days."),
        ("dual", "تم تفتيش الشحنة خلال ساعتين.", "The shipment was inspected within 2 hours."),
        ("dual", "زار الوفد البلدين في شهرين.", "The delegation visited the 2 countries in 2 months."),
        ("and a half", "استغرق التفتيش ساعة ونصف.", "The inspection took 1.5 hours."),
        ("and a half", "استمر الاجتماع ساعتين ونصف.", "The meeting lasted 2.5 hours."),
        ("and a half", "تمتد الرحلة ثلاث ساعات ونصف.", "The trip takes 3.5 hours."),
        ("and a quarter", "تمتد الرحلة 4 ساعات وربع.", "The trip takes 4.25 hours."),
        ("ordinal range", "يعمل الفريق بين الثالثة والعاشرة مساءً.", "The team works from 3 to 10 pm."),
        ("ordinal range", "تعقد الورش من الساعة الثانية حتى الخامسة.", "The workshops run from 2 to 5 o'clock."),
        ("ordinal teen", "يفتح المكتب بين العاشرة والحادية عشرة.", "The office opens between 10 and 11."),
        ("time in words", "يصل الوفد في الخامسة والنصف مساءً.", "The delegation arrives at 5:30 pm."),
        ("time in words", "بدأ الاجتماع في العاشرة وعشر دقائق.", "The meeting began at 10.10."),
        ("tanween", "تعمل الخدمة أربعاً وعشرين ساعة.", "The service runs 24 hours."),
    ]

    @Test(arguments: correct)
    func silentOnCorrectPairsInWesternDigits(_ item: (String, String, String)) {
        #expect(!flags(item.1, item.2), "\(item.0): \(item.1) → \(item.2)")
    }

    @Test(arguments: correct)
    func silentOnCorrectPairsInArabicIndicDigits(_ item: (String, String, String)) {
        let ar = arabicIndic(item.1)
        #expect(!flags(ar, item.2), "\(item.0): \(ar) → \(item.2)")
    }

    static let wrong: [(String, String, String)] = [
        ("decimal comma", "بلغت قيمة الصادرات غير النفطية 2,5 مليار درهم.", "Non-oil exports were worth AED 25 billion."),
        ("decimal comma", "انخفض معدل التضخم إلى 3,75 في المئة.", "Inflation fell to 3.57 percent."),
        ("thousands comma", "استقبل المعرض 12,500 زائر.", "The exhibition received 12.5 visitors."),
        ("time", "تبدأ الجلسة في الساعة 10:30 صباحاً.", "The session starts at 11.30 am."),
        ("time", "يفتح المكتب أبوابه عند 7:45.", "The office opens at 7:15."),
        ("time range", "يستقبل المركز المراجعين من 8:00 إلى 9:30 صباحاً.", "The centre receives visitors from 8-10.30am."),
        ("decade", "بدأت الموانئ الحديثة في الإمارة في الثمانينيات.", "The emirate's modern ports began in the 1970s."),
        ("decade of a century", "افتتح أول مكتب للجمارك في تسعينيات القرن التاسع عشر.", "The first customs office opened in the 1880s."),
        ("dual", "تستغرق الدورة يومين.", "The course lasts 3 days."),
        ("and a half", "استغرق التفتيش ساعة ونصف.", "The inspection took 2.5 hours."),
        ("ordinal range", "يعمل الفريق بين الثالثة والعاشرة مساءً.", "The team works from 3 to 11 pm."),
        ("ordinal teen", "يفتح المكتب بين العاشرة والحادية عشرة.", "The office opens between 10 and 1."),
        ("time in words", "يصل الوفد في الخامسة والنصف مساءً.", "The delegation arrives at 6:30 pm."),
    ]

    @Test(arguments: wrong)
    func firesOnErrorsInWesternDigits(_ item: (String, String, String)) {
        #expect(flags(item.1, item.2), "\(item.0): \(item.1) → \(item.2)")
    }

    @Test(arguments: wrong)
    func firesOnErrorsInArabicIndicDigits(_ item: (String, String, String)) {
        let ar = arabicIndic(item.1)
        #expect(flags(ar, item.2), "\(item.0): \(ar) → \(item.2)")
    }

    @Test func aListWithCommasIsNotADecimal() {
        // «المواد 1,2,3» lists three articles; the English that lists them is right.
        #expect(!flags("تنطبق المواد 1,2,3 على الشحنة.", "Articles 1, 2 and 3 apply to the shipment."))
    }
}

/// `brackets`: Arabic puts names, titles and coined terms in quotation marks that English writes
/// without them; that is not an error. Quoted speech losing its marks still is, and so are
/// unbalanced marks and lost parentheses.
@Suite struct BracketsQuotationTests {
    let check = BracketsCheck()

    func flags(_ ar: String, _ en: String) -> Bool { !check.check(pair(ar, en)).isEmpty }

    @Test(arguments: [
        ("أطلقت الهيئة برنامج «المشغل الاقتصادي المعتمد» هذا العام.", "The authority launched the Authorised Economic Operator programme this year."),
        ("شارك المفتشون في مبادرة \"عين الصقر\" للرقابة.", "Inspectors took part in the Falcon Eye monitoring initiative."),
        ("نشرت الدائرة كتيب “دليل المسافر” بثلاث لغات.", "The department published the Traveller's Guide in three languages."),
        ("يعرف هذا الأسلوب باسم «التهريب المجزأ».", "This method is known as split smuggling."),
        ("زار الوفد سفينة »الأمل« في الميناء.", "The delegation visited the ship Al Amal in the port."),
    ])
    func quotedNamesAndTitlesNeedNoMarks(_ ar: String, _ en: String) {
        #expect(!flags(ar, en), "\(ar) → \(en)")
    }

    @Test(arguments: [
        // Speech introduced by a colon, and a long quotation, lose their marks.
        ("قال المدير: «نحن مستعدون».", "The director said: we are ready."),
        ("وأكد أن «الجمارك ستواصل دعم التجارة المشروعة في كل المنافذ».", "He stressed that customs would keep supporting legitimate trade at every port."),
        // Unbalanced marks, and lost parentheses.
        ("قال المدير: «نحن مستعدون».", "The director said: “We are ready."),
        ("انضمت الدولة إلى منظمة الجمارك العالمية (WCO) عام 1980.", "The country joined the World Customs Organization in 1980."),
        ("أطلقت الهيئة برنامج «المشغل الاقتصادي المعتمد».", "The authority launched the (Authorised Economic Operator programme."),
    ])
    func realErrorsStillFlagged(_ ar: String, _ en: String) {
        #expect(flags(ar, en), "\(ar) → \(en)")
    }
}
