import Testing
@testable import Daemon

@Suite struct ReviewConfigTests {
    @Test func listeningBeyondLoopbackNeedsATokenFile() {
        let refused = ConfigLoader.load(path: nil, environment: ["BAYAN_REVIEW_LISTEN": "0.0.0.0:8710"])
        #expect(refused.problems.map(\.key) == ["review.listen"])
        #expect(refused.problems.first?.message.contains("review.token_file") == true)
        let withToken = ConfigLoader.load(path: nil, environment: ["BAYAN_REVIEW_LISTEN": "0.0.0.0:8710", "BAYAN_REVIEW_TOKEN_FILE": "/etc/bayan/tokens"])
        #expect(withToken.problems.isEmpty)
        let off = ConfigLoader.load(path: nil, environment: ["BAYAN_REVIEW_LISTEN": "0.0.0.0:8710", "BAYAN_REVIEW_ENABLED": "false"])
        #expect(off.problems.isEmpty)
        for loopback in ["127.0.0.1:8710", "[::1]:8710", "localhost:9000", ":8710"] {
            #expect(ConfigLoader.load(path: nil, environment: ["BAYAN_REVIEW_LISTEN": loopback]).problems.isEmpty, "\(loopback)")
        }
        let broken = ConfigLoader.load(path: nil, environment: ["BAYAN_REVIEW_LISTEN": "127.0.0.1"])
        #expect(broken.problems.map(\.key) == ["review.listen"])
    }

    @Test func listenParsesHostsAndPorts() throws {
        #expect(try ReviewListen.parse("127.0.0.1:8710") == ReviewListen(host: "127.0.0.1", port: 8710))
        #expect(try ReviewListen.parse("[::1]:0") == ReviewListen(host: "::1", port: 0))
        #expect(try ReviewListen.parse(":8711") == ReviewListen(host: "127.0.0.1", port: 8711))
        #expect(throws: (any Error).self) { try ReviewListen.parse("127.0.0.1:70000") }
        #expect(try ReviewListen.parse("192.168.0.5:8710").isLoopback == false)
    }
}
