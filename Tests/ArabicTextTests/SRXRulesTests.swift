import Foundation
import ArabicText
import BayanCore
import Testing

@Suite struct SRXRulesTests {
    static let srx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0">
          <header segmentsubflows="yes" cascade="yes"><formathandle type="start" include="no"/></header>
          <body>
            <languagerules>
              <languagerule languagerulename="Arabic">
                <rule break="no"><beforebreak>(?:^|\\s)(?:ج|ح)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
                <rule break="yes"><beforebreak>&#x061B;</beforebreak><afterbreak>\\s+</afterbreak></rule>
              </languagerule>
              <languagerule languagerulename="English">
                <rule break="no"><beforebreak>Ave\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
              </languagerule>
              <languagerule languagerulename="Default">
                <rule><beforebreak>[.!?]</beforebreak><afterbreak>\\s</afterbreak></rule>
              </languagerule>
            </languagerules>
            <maprules>
              <languagemap languagepattern="ar.*" languagerulename="Arabic"/>
              <languagemap languagepattern="en.*" languagerulename="English"/>
              <languagemap languagepattern=".*" languagerulename="Default"/>
            </maprules>
          </body>
        </srx>
        """

    @Test func importsTheArabicRulesInCascadeOrder() throws {
        let rules = try SRXRules.parse(Array(Self.srx.utf8), language: "ar")
        #expect(rules.count == 3)
        #expect(rules[0] == SegmentationRule(breaks: false, before: "(?:^|\\s)(?:ج|ح)\\.", after: "\\s"))
        #expect(rules[1].before == "؛")
        #expect(rules[2].breaks)
        var options = SegmenterOptions()
        options.extraRules = rules
        let segments = ArabicSentenceSegmenter(options: options).segment(text: "رحب ج. الوزير بالوفد؛ وبدأ الاجتماع. وانتهى.").map(\.text)
        #expect(segments == ["رحب ج. الوزير بالوفد؛", "وبدأ الاجتماع.", "وانتهى."])
    }

    @Test func refusesDoctypeAndBadRegex() {
        let hostile = "<?xml version=\"1.0\"?><!DOCTYPE srx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><srx/>"
        #expect(throws: BayanError.self) { try SRXRules.parse(Array(hostile.utf8)) }
        let badRegex = Self.srx.replacingOccurrences(of: "Ave\\.", with: "(unclosed").replacingOccurrences(of: "ar.*", with: "xx")
            .replacingOccurrences(of: "en.*", with: "ar")
        let error = #expect(throws: BayanError.self) { try SRXRules.parse(Array(badRegex.utf8)) }
        #expect(error?.message.contains("invalid regular expression") == true)
        #expect(throws: BayanError.self) { try SRXRules.parse(Array("<html/>".utf8)) }
    }
}

@Suite struct ConfigDecodingTests {
    @Test func partialConfigKeepsDefaults() throws {
        let options = try JSONDecoder().decode(
            SegmenterOptions.self, from: Data(#"{"break_at_semicolon": true, "max_sentence_chars": 400}"#.utf8))
        #expect(options.breakAtSemicolon)
        #expect(options.maxSentenceScalars == 400)
        #expect(options.abbreviations == SegmenterOptions.defaultAbbreviations)
        let limits = try JSONDecoder().decode(ReaderLimits.self, from: Data(#"{"max_docx_entries": 10}"#.utf8))
        #expect(limits.maxZipEntries == 10)
        #expect(limits.maxFileBytes == ReaderLimits().maxFileBytes)
    }

    @Test func abbreviationListFile() {
        var options = SegmenterOptions(abbreviations: [], sentenceEndingAbbreviations: [])
        options.addAbbreviations(fromList: "# titles\nلواء.\n~ش.م.ب\n\n")
        #expect(options.abbreviations == ["لواء"])
        #expect(options.sentenceEndingAbbreviations == ["ش.م.ب"])
        let segmenter = ArabicSentenceSegmenter(options: options)
        #expect(segmenter.segment(text: "استقبل لواء. سالم الوفد.").map(\.text) == ["استقبل لواء. سالم الوفد."])
    }
}
