import BayanTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct GlossaryEndToEndTests {
    static var shippedGlossary: String {
        URL(fileURLWithPath: Fixtures.seedPath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Glossary/customs.tsv").path
    }

    @Test func sampleReleaseGetsTermsVerifiedAndEveryOutput() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8))
            .replacingOccurrences(of: "  files: []", with: "  files: [\"\(Self.shippedGlossary)\"]")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess.run(spool)
        try spool.drop("release.txt", Fixtures.seedText)
        #expect(await Eventually.wait(timeout: 60) { spool.doneFiles == ["release.txt"] }, "log:\n\(daemon.log)")
        let files = spool.list(spool.out + "/release")
        #expect(files == ["aligned.md", "release.bilingual.docx", "release.en.txt", "release.tmx", "release.xlf", "result.json", "review.html", "summary.md"])
        let json = try #require(spool.resultJSON("release"))
        let segments = try #require(json["segments"] as? [[String: Any]])
        let terms = segments.flatMap { ($0["terms"] as? [[String: Any]]) ?? [] }
        let found = Set(terms.compactMap { $0["en"] as? String })
        #expect(found.contains("Dubai Customs"))
        #expect(found.contains("World Customs Organization"))
        // The mock engine transliterates, so every term is missed at first; protection repairs it.
        let first = try #require(segments.first)
        #expect(first["strategy"] as? String == "protected")
        #expect((first["en"] as? String)?.contains("Dubai Customs") == true)
        #expect(terms.allSatisfy { $0["ok"] as? Bool == true }, "\(terms.filter { $0["ok"] as? Bool != true })")
        // Spans cover the original text.
        let scalars = Array(Fixtures.seedText.unicodeScalars)
        for term in terms {
            let start = try #require(term["start"] as? Int), end = try #require(term["end"] as? Int)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(!String(view).isEmpty && !String(view).contains(" ") || (term["ar"] as? String)?.contains(" ") == true)
        }
        #expect(((json["glossary"] as? [String: Any])?["version"] as? String)?.count == 64)
        // The summary keeps to its English word budget (issue 17: 70 words by default).
        let info = try #require(json["summary_info"] as? [String: Any])
        #expect(((json["summary"] as? [[String: Any]]) ?? []).count >= 1)
        #expect(info["max_words"] as? Int == 70)
        #expect((info["words"] as? Int ?? 999) <= 70)
    }

    @Test func glossaryEditsAreLiveAndABrokenEditKeepsThePreviousOne() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        let glossary = spool.dir + "/terms.tsv"
        try "ar\ten\tnote\nجمارك دبي\tDubai Customs\ttest\n".write(toFile: glossary, atomically: true, encoding: .utf8)
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.2\n")
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8))
            .replacingOccurrences(of: "  files: []", with: "  files: [\"\(glossary)\"]\n  reload_interval: 0.1")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess.run(spool)
        func status() -> [String: Any]? {
            guard let data = FileManager.default.contents(atPath: spool.statusFile) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["glossary"] as? [String: Any]
        }
        #expect(await Eventually.wait(timeout: 20) { status()?["entries"] as? Int == 1 }, "log:\n\(daemon.log)")
        let firstVersion = status()?["version"] as? String
        // A valid edit goes live.
        try "ar\ten\tnote\nجمارك دبي\tDubai Customs\ttest\nميناء جبل علي\tJebel Ali Port\ttest\n".write(toFile: glossary, atomically: true, encoding: .utf8)
        #expect(await Eventually.wait(timeout: 20) { status()?["entries"] as? Int == 2 })
        let secondVersion = status()?["version"] as? String
        #expect(secondVersion != firstVersion)
        try spool.drop("port.txt", Fixtures.release(1))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["port.txt"] })
        let terms = ((spool.resultJSON("port")?["segments"] as? [[String: Any]])?.first?["terms"] as? [[String: Any]]) ?? []
        #expect(Set(terms.compactMap { $0["en"] as? String }) == ["Dubai Customs", "Jebel Ali Port"])
        // A broken edit (two English renderings for one term) is refused; the previous glossary stays.
        try "ar\ten\tnote\nجمارك دبي\tDubai Customs\ttest\nجمارك دبي\tCustoms of Dubai\ttest\n".write(toFile: glossary, atomically: true, encoding: .utf8)
        #expect(await Eventually.wait(timeout: 20) { ((status()?["problems"] as? [String]) ?? []).contains { $0.contains("terms.tsv:3") } },
                "status: \(String(describing: status()))\nlog:\n\(daemon.log)")
        #expect(status()?["version"] as? String == secondVersion)
        #expect(daemon.isRunning)
    }

    @Test func sighupTakesANewGlossaryFileListAndRefusesABrokenOne() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        let first = spool.dir + "/terms.tsv", second = spool.dir + "/ports.tsv", broken = spool.dir + "/broken.tsv"
        try "ar\ten\tnote\nجمارك دبي\tDubai Customs\ttest\n".write(toFile: first, atomically: true, encoding: .utf8)
        try "ar\ten\tnote\nميناء جبل علي\tJebel Ali Port\ttest\n".write(toFile: second, atomically: true, encoding: .utf8)
        try "ar\ten\tnote\nJebel Ali Port\tميناء جبل علي\tswapped columns\n".write(toFile: broken, atomically: true, encoding: .utf8)
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.2\n")
        let template = try String(contentsOfFile: spool.configPath, encoding: .utf8)
        func useFiles(_ files: [String]) throws {
            let list = files.map { "\"\($0)\"" }.joined(separator: ", ")
            try template.replacingOccurrences(of: "  files: []", with: "  files: [\(list)]\n  reload_interval: 0.1")
                .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        }
        try useFiles([first])
        let daemon = try DaemonProcess.run(spool)
        func status() -> [String: Any]? {
            guard let data = FileManager.default.contents(atPath: spool.statusFile) else { return nil }
            return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        func glossary() -> [String: Any]? { status()?["glossary"] as? [String: Any] }
        func lastReload() -> [String: Any]? { status()?["last_reload"] as? [String: Any] }
        #expect(await Eventually.wait(timeout: 20) { glossary()?["entries"] as? Int == 1 }, "log:\n\(daemon.log)")
        // A second file in the list, then SIGHUP: both files are live.
        try useFiles([first, second])
        daemon.signal(SIGHUP)
        #expect(await Eventually.wait(timeout: 20) { glossary()?["entries"] as? Int == 2 && lastReload()?["ok"] as? Bool == true },
                "status: \(String(describing: status()))\nlog:\n\(daemon.log)")
        try spool.drop("port.txt", Fixtures.release(1))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["port.txt"] })
        let terms = ((spool.resultJSON("port")?["segments"] as? [[String: Any]])?.first?["terms"] as? [[String: Any]]) ?? []
        #expect(Set(terms.compactMap { $0["en"] as? String }) == ["Dubai Customs", "Jebel Ali Port"])
        // A list with a broken file is refused as a whole: the reload fails and says where.
        let version = glossary()?["version"] as? String
        try useFiles([first, broken])
        daemon.signal(SIGHUP)
        #expect(await Eventually.wait(timeout: 20) {
            lastReload()?["ok"] as? Bool == false
                && ((lastReload()?["problems"] as? [String]) ?? []).contains { $0.contains("broken.tsv:2") }
        }, "status: \(String(describing: status()))\nlog:\n\(daemon.log)")
        #expect(glossary()?["entries"] as? Int == 2)
        #expect(glossary()?["version"] as? String == version)
        #expect(daemon.isRunning)
    }
}

@Suite struct ReprocessTests {
    @Test func reprocessSendsADoneFileThroughAgainAndReplacesItsResult() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let daemon = try DaemonProcess.run(spool)
        try spool.drop("again.txt", Fixtures.release(11))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["again.txt"] })
        let before = server.requestCount
        let p = try DaemonProcess(arguments: ["reprocess", "--config", spool.configPath, "again.txt", "missing.txt"], logPath: spool.dir + "/re.log")
        #expect(await p.waitForExit(timeout: 30) == 1)
        #expect(p.log.contains("again.txt: queued again"))
        #expect(p.log.contains("missing.txt: not found"))
        #expect(await Eventually.wait(timeout: 30) {
            daemon.log.components(separatedBy: " published ").count - 1 == 2 && spool.doneFiles == ["again.txt"]
        }, "log:\n\(daemon.log)")
        // Nothing changed, so the translation memory serves every sentence: no new request.
        #expect(server.requestCount == before)
        #expect(spool.published == ["again"])
        #expect(resultIsAligned(spool.resultJSON("again")))
    }
}
