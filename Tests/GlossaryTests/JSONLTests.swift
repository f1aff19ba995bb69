import Foundation
import Glossary
import Testing

@Suite struct JSONLTests {
    @Test func answersEachLineWithScalarOffsets() throws {
        let lines = [
            #"{"id": "a", "text": "شاركت جمارك دبي في المؤتمر"}"#,
            "",
            #"{"id": 7, "text": "لا شيء هنا"}"#,
            #"not json"#,
        ]
        var input = lines.makeIterator()
        var output: [String] = []
        GlossaryJSONL.run(matcher: Fixtures.matcher, input: { input.next() }, output: { output.append($0) })
        #expect(output.count == 3)
        #expect(output[0] == #"{"id":"a","matches":[{"start":6,"end":15,"ar":"جمارك دبي","en":"Dubai Customs"}]}"#)
        #expect(output[1] == #"{"id":"7","matches":[]}"#)
        #expect(output[2].hasPrefix(#"{"id":null,"error":"#))
        let parsed = try JSONSerialization.jsonObject(with: Data(output[0].utf8)) as? [String: Any]
        #expect(parsed?["id"] as? String == "a")
    }
}
