import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Testing
@testable import Translation

/// A reviewer's approved English (origin `reviewed`) wins over every other translation and
/// costs no engine request; close sentences get it only as a suggestion.
@Suite struct ReviewedMemoryTests {
    let arabic = "أعلنت الهيئة العامة للجمارك عن نتائج العام الماضي"

    func translator(_ server: LoopbackHTTPServer, memory: TranslationMemory) -> Translator {
        Translator(engine: LibreTranslateEngine(url: server.baseURL, transport: T.transport()), policy: T.fastPolicy(), logger: Logger(label: "t"), memory: memory)
    }

    @Test func reviewedEnglishIsUsedWithNoEngineRequest() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let memory = try TranslationMemory(path: T.tempPath("m.sqlite"))
        let scope = MemoryScope(engine: "libretranslate")
        try memory.insert([
            .init(source: arabic, target: "Machine English", origin: .mt, scope: scope),
            .init(source: arabic, target: "Imported English", origin: .approved, scope: scope),
            .init(source: arabic, target: "The Authority announced last year's results.", origin: .reviewed, scope: MemoryScope(engine: "review")),
        ])
        // Diacritics only: the same normalized Arabic.
        let voweled = "أَعلنت الهيئةُ العامة للجمارك عن نتائج العام الماضي"
        let out = try await translator(server, memory: memory).translateWithOrigins([
            TranslationItem(id: "1", text: voweled, terms: [TermHit(ar: "الجمارك", en: "Customs", start: 0, end: 3)]),
        ])
        #expect(out == [Translator.Translated(text: "The Authority announced last year's results.", origin: .reviewed)])
        #expect(server.requestCount == 0)
    }

    @Test func machineMemoryIsOriginMemoryAndNewSentencesAreOriginEngine() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let memory = try TranslationMemory(path: T.tempPath("m.sqlite"))
        let t = translator(server, memory: memory)
        let first = try await t.translateWithOrigins([TranslationItem(id: "1", text: arabic)])
        #expect(first.map(\.origin) == [.engine])
        let second = try await t.translateWithOrigins([TranslationItem(id: "1", text: arabic)])
        #expect(second.map(\.origin) == [.memory])
        #expect(second.map(\.text) == first.map(\.text))
    }

    @Test func fuzzyMatchesAreScoredOnNormalizedArabicAndOnlyHuman() throws {
        let memory = try TranslationMemory(path: T.tempPath("m.sqlite"))
        try memory.insert([
            .init(source: arabic, target: "Reviewed English", origin: .reviewed, scope: MemoryScope(engine: "review")),
            .init(source: "جملة أخرى لا علاقة لها بالموضوع إطلاقا هنا", target: "Unrelated", origin: .reviewed, scope: MemoryScope(engine: "review")),
            .init(source: "أعلنت الهيئة العامة للجمارك عن نتائج العام الحالي", target: "Machine", origin: .mt, scope: MemoryScope(engine: "x")),
        ])
        // One word of eight differs: 87%.
        let close = "أعلنت الهيئة العامة للجمارك عن نتائج العام المنصرم"
        let matches = try memory.fuzzyMatches(for: [close, arabic, "نص مختلف تماما"], threshold: 85)
        #expect(matches[0]?.target == "Reviewed English")
        #expect(matches[0]?.score == 87)
        #expect(matches[1] == nil)  // exact matches are not suggestions: the pipeline applies them
        #expect(matches[2] == nil)
        #expect(try memory.fuzzyMatches(for: [close], threshold: 90)[0] == nil)
    }
}
