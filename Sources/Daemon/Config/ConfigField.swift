/// One configuration key: its path, how to read it, and where it goes.
struct ConfigField: Sendable {
    enum Kind: Sendable {
        case string
        case optionalString
        case optionalInt(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case optionalNumber(ClosedRange<Double>)
        case int(ClosedRange<Int>)
        case seconds(ClosedRange<Double>)
        case bool
        case choice([String])
        case stringList
    }

    let path: String
    let kind: Kind
    let apply: @Sendable (inout BayanConfig, ConfigValue) -> Void

    /// `BAYAN_` + the key path in upper case with dots as underscores (`engine.url` → `BAYAN_ENGINE_URL`).
    var environmentName: String {
        "BAYAN_" + path.uppercased().replacingOccurrences(of: ".", with: "_")
    }
}

enum ConfigValue: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([String])
    case none
}

import Foundation
