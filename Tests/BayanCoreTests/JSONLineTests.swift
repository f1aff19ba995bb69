import BayanCore
import Foundation
import Testing

@Suite struct JSONLineTests {
    @Test func readsFlatObjectsWithEscapesAndNumbers() throws {
        let members = try #require(JSONLine.flatObject(#" { "doc_id" : 7, "text": "a\"b\\c\/d\n\u0041\u00e9\ud83d\ude00 عربي", "ok": true, "x": null, "f": -1.5e3 } "#))
        #expect(members["doc_id"] == .number("7"))
        #expect(members["text"] == .string("a\"b\\c/d\nAé😀 عربي"))
        #expect(members["ok"] == .bool(true))
        #expect(members["x"] == .null)
        #expect(members["f"] == .number("-1.5e3"))
        #expect(JSONLine.flatObject("{}") == [:])
    }

    @Test func leavesAnythingElseToFoundation() {
        for line in [#"{"a": [1]}"#, #"{"a": {"b": 1}}"#, #"["a"]"#, #"{"a": "x"} extra"#, #"{"a": "\ud800"}"#, "{\"a\": \"tab\u{9}raw\"}", #"{"a" 1}"#, #"{"a": 01x}"#, "", "{"] {
            #expect(JSONLine.flatObject(line) == nil, "\(line)")
        }
    }

    @Test func quotedStringsReadBackThroughFoundation() throws {
        for text in ["", "plain", "عربي «مقتبس» \"quoted\" \\ back", "line\nbreak\r\ttab \u{1} \u{1F} \u{2028}\u{2029} 😀", "/slash/"] {
            let json = "[" + JSONLine.quote(text) + "]"
            let back = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            #expect(back == [text])
            #expect(JSONLine.flatObject("{\"t\":" + JSONLine.quote(text) + "}") == ["t": .string(text)])
        }
    }
}
