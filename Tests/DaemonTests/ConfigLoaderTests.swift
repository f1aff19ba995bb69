import Foundation
import Testing
@testable import Daemon

@Suite struct ConfigLoaderTests {
    static var repoConfig: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/bayan.yaml").path
    }

    @Test func shippedConfigIsValidAndStatesTheRealDefaults() {
        let loaded = ConfigLoader.load(path: Self.repoConfig, environment: [:])
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(loaded.config == BayanConfig())
    }

    @Test func everyKeyIsDocumentedInTheShippedConfig() throws {
        let text = try String(contentsOfFile: Self.repoConfig, encoding: .utf8)
        for field in ConfigSchema.fields {
            let leaf = String(field.path.split(separator: ".").last!)
            #expect(text.contains("\(leaf):"), "config/bayan.yaml does not document \(field.path)")
        }
    }

    @Test func durationsAndEnvironmentOverrides() throws {
        let path = NSTemporaryDirectory() + "cfg-\(UUID()).yaml"
        try "spool:\n  settle: 500ms\n  rescan_interval: \"2m\"\nengine: {kind: libretranslate, url: \"http://127.0.0.1:5000\"}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = ConfigLoader.load(path: path, environment: ["BAYAN_ENGINE_CONCURRENCY": "9", "BAYAN_SPOOL_ROOT": "/srv/bayan"])
        #expect(loaded.problems.isEmpty)
        #expect(loaded.config.spool.settle == 0.5)
        #expect(loaded.config.spool.rescanInterval == 120)
        #expect(loaded.config.engine.concurrency == 9)
        #expect(loaded.config.spool.root == "/srv/bayan")
    }

    @Test func insecureTLSNeedsExplicitConsent() {
        let refused = ConfigLoader.load(path: nil, environment: ["BAYAN_ENGINE_TLS_VERIFY": "false"])
        #expect(refused.problems.map(\.key) == ["engine.tls_verify"])
        let allowed = ConfigLoader.load(path: nil, environment: ["BAYAN_ENGINE_TLS_VERIFY": "false", "BAYAN_ENGINE_ALLOW_INSECURE": "true"])
        #expect(allowed.problems.isEmpty)
    }

    @Test func apiKeyComesFromEnvironmentOrFile() throws {
        #expect(ConfigLoader.load(path: nil, environment: ["BAYAN_ENGINE_API_KEY": " k1 \n"]).apiKey == "k1")
        let keyFile = NSTemporaryDirectory() + "key-\(UUID())"
        try "k2\n".write(toFile: keyFile, atomically: true, encoding: .utf8)
        #expect(ConfigLoader.load(path: nil, environment: ["BAYAN_ENGINE_API_KEY_FILE": keyFile]).apiKey == "k2")
        let missing = ConfigLoader.load(path: nil, environment: ["BAYAN_ENGINE_API_KEY_FILE": "/nonexistent/key"])
        #expect(missing.problems.first?.key == "engine.api_key_file")
    }

    @Test func brokenYAMLIsReportedNotThrown() throws {
        let path = NSTemporaryDirectory() + "cfg-\(UUID()).yaml"
        try "engine:\n  url: [oops\n".write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.problems.first?.key == "(file)")
        #expect(loaded.problems.first?.message.contains("not valid YAML") == true)
    }
}
