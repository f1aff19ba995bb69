import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Testing
@testable import Translation

@Suite struct MemoryTests {
    func translator(_ server: LoopbackHTTPServer, memory: TranslationMemory) -> Translator {
        let engine = LibreTranslateEngine(url: server.baseURL, transport: T.transport())
        return Translator(engine: engine, policy: T.fastPolicy(), logger: Logger(label: "t"), memory: memory)
    }

    @Test func aSecondRunCostsZeroRequests() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let path = T.tempPath("memory.sqlite")
        let items = T.items(30)
        let first = try await translator(server, memory: try TranslationMemory(path: path)).translate(items)
        let sent = server.requestCount
        #expect(sent >= 2)
        // A new process (new memory handle, new translator) with the same document.
        let again = translator(server, memory: try TranslationMemory(path: path))
        let second = try await again.translate(items)
        #expect(second == first)
        #expect(server.requestCount == sent)
        #expect(again.stats.snapshot.memoryHits == 30)
        #expect(again.stats.snapshot.requests == 0)
    }

    @Test func spellingVariantsAndRepeatsArePaidOnce() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let t = translator(server, memory: try TranslationMemory(path: T.tempPath("m.sqlite")))
        let plain = "أعلنت الهيئة العامة للجمارك عن نتائج العام"
        let voweled = "أَعلنت الهيئةُ العامة للجمارك عن نتائج العام"  // diacritics only
        let out = try await t.translate([
            TranslationItem(id: "1", text: plain), TranslationItem(id: "2", text: plain), TranslationItem(id: "3", text: voweled),
        ])
        #expect(out[0] == out[1] && out[1] == out[2])
        #expect(t.stats.snapshot.sentencesSent == 1)
    }

    @Test func editingOneGlossaryEntryRetranslatesOnlyItsSentences() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let memory = try TranslationMemory(path: T.tempPath("m.sqlite"))
        func items(_ en: String) -> [TranslationItem] {
            [
                TranslationItem(id: "1", text: "زارت الجمارك الميناء", terms: [TermHit(ar: "الجمارك", en: en, start: 5, end: 12)]),
                TranslationItem(id: "2", text: "ارتفعت الصادرات غير النفطية"),
                TranslationItem(id: "3", text: "أكدت الجمارك التزامها", terms: [TermHit(ar: "الجمارك", en: en, start: 4, end: 11)]),
            ]
        }
        _ = try await translator(server, memory: memory).translate(items("Customs"))
        let second = translator(server, memory: memory)
        _ = try await second.translate(items("Customs Authority"))
        #expect(second.stats.snapshot.sentencesSent == 2)
        #expect(second.stats.snapshot.memoryHits == 1)
        let body = try #require(T.bodies(server, path: "/translate").last)
        #expect((body["q"] as? [String])?.contains("ارتفعت الصادرات غير النفطية") == false)
    }

    @Test func approvedTranslationsFromTMXWinOverMachineTranslation() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let memory = try TranslationMemory(path: T.tempPath("m.sqlite"))
        let sentence = "تعلن الهيئة عن إطلاق المنصة الرقمية الجديدة"
        _ = try await translator(server, memory: memory).translate([TranslationItem(id: "1", text: sentence)])
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ar" datatype="plaintext"/>
            <body><tu><tuv xml:lang="ar"><seg>\(sentence)</seg></tuv><tuv xml:lang="en-GB"><seg>The Authority launches its new <ph x="1">&lt;b&gt;</ph>digital platform.</seg></tuv></tu>
            <tu><tuv xml:lang="ar"><seg>بلا ترجمة</seg></tuv></tu></body></tmx>
            """
        let read = try MemoryTMX.read(Data(tmx.utf8))
        #expect(read.skipped == 1)
        #expect(try memory.insert(read.units) == 1)
        let t = translator(server, memory: memory)
        let out = try await t.translate([TranslationItem(id: "1", text: sentence)])
        #expect(out == ["The Authority launches its new digital platform."])
        #expect(t.stats.snapshot.requests == 0)
    }

    @Test func tmxExportIsValidAndImportsBackUnchanged() throws {
        let memory = try TranslationMemory(path: T.tempPath("m.sqlite"))
        let scope = MemoryScope(engine: "deepl", model: "", sourceLanguage: "AR", targetLanguage: "EN-GB")
        try memory.store([MemoryRecord(source: "الجمارك & المنافذ <٢٠٢٥>", target: "Customs & ports <2025>", terms: [GlossaryEntry(ar: "الجمارك", en: "Customs")])], scope: scope)
        let units = try memory.allUnits()
        let tmx = MemoryTMX.write(units)
        #expect(tmx.contains("<tmx version=\"1.4\">"))
        #expect(tmx.contains("srclang=\"ar\"") && tmx.contains("o-tmf=") && tmx.contains("datatype=\"plaintext\""))
        #expect(tmx.contains("&amp;") && tmx.contains("&lt;"))
        let back = try MemoryTMX.read(Data(tmx.utf8))
        #expect(back.units.count == 1)
        #expect(back.units.first?.source == units.first?.source)
        #expect(back.units.first?.target == "Customs & ports <2025>")
        #expect(back.units.first?.origin == .mt)
        #expect(back.units.first?.scope.engine == "deepl")
        #expect(back.units.first?.terms == [GlossaryEntry(ar: "الجمارك", en: "Customs")])
        let other = try TranslationMemory(path: T.tempPath("m2.sqlite"))
        try other.insert(back.units)
        let key = MemoryKey(source: "الجمارك & المنافذ <٢٠٢٥>", terms: [TermHit(ar: "الجمارك", en: "Customs", start: 0, end: 7)])
        #expect(try other.lookup([key], scope: scope)[key] == "Customs & ports <2025>")
    }

    @Test func brokenTMXIsABadInputError() {
        #expect(throws: BayanError.self) { _ = try MemoryTMX.read(Data("<tmx><body><tu>".utf8)) }
        #expect(throws: BayanError.self) { _ = try MemoryTMX.read(Data("<html/>".utf8)) }
    }

    /// What crashed FoundationXML in the TBX reader (found by fuzzing) must be a clear error
    /// here too, and a DTD's own declarations are refused; a DOCTYPE that only names the TMX
    /// DTD, as CAT tools write it, is read.
    @Test func hostileTMXIsRefusedAndAPlainDoctypeIsRead() throws {
        let body = #"<tmx version="1.4"><header srclang="ar"/><body><tu><tuv xml:lang="ar"><seg>مرحبا</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu></body></tmx>"#
        let plain = try MemoryTMX.read(Data(("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n" + body).utf8))
        #expect(plain.units.count == 1)
        let hostile: [(String, String)] = [
            ("<!DOCTYPE tmx [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n" + body, "DOCTYPE"),
            ("<?xm?>\n" + body, "processing instruction"),
        ]
        for (text, says) in hostile {
            #expect { _ = try MemoryTMX.read(Data(text.utf8)) } throws: { error in
                "\(error)".contains(says)
            }
        }
        var invalid = Array(body.utf8)
        invalid.insert(contentsOf: [0x3C, 0xC3, 0x28, 0x2F, 0x3E], at: invalid.count - 6)  // "<\u{C3}(/>" inside <tmx>
        #expect { _ = try MemoryTMX.read(Data(invalid)) } throws: { error in "\(error)".contains("not UTF-8") }
    }
}
