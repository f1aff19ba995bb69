import ArabicText
import Foundation
import Testing

@Suite struct SegmentJSONLTests {
    func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func segmentsOneDocumentPerLine() throws {
        let out = SegmentJSONL.process(line: #"{"doc_id": "a/1", "text": "دبي - 8 أكتوبر:\nوصل د. أحمد. وبدأ الاجتماع."}"#)
        #expect(!out.contains("\n"))
        #expect(out == #"{"doc_id":"a/1","sentences":["دبي - 8 أكتوبر:","وصل د. أحمد.","وبدأ الاجتماع."]}"#)
    }

    @Test func malformedLinesGiveAnErrorObject() throws {
        for line in ["not json", "[1,2]", #"{"text": "نص"}"#, #"{"doc_id": "x", "text": 5}"#, #"{"doc_id": "x""#, "\u{FEFF}{", "null"] {
            let out = SegmentJSONL.process(line: line)
            #expect(!out.contains("\n"))
            let json = try object(out)
            #expect(json["error"] is String, "\(line) → \(out)")
            #expect(json.keys.contains("doc_id"))
        }
        #expect(try object(SegmentJSONL.process(line: #"{"doc_id": "x", "text": 5}"#))["doc_id"] as? String == "x")
    }

    @Test func numericIdsAndEmptyText() throws {
        let json = try object(SegmentJSONL.process(line: #"{"doc_id": 7, "text": ""}"#))
        #expect(json["doc_id"] as? String == "7")
        #expect((json["sentences"] as? [String])?.isEmpty == true)
    }
}
