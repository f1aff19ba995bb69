/// A read-only map from nonzero UInt64 keys to Int32 values, open addressing with linear
/// probing: the matcher's hot lookups (suffix shapes, trie edges) without `Hasher`'s cost.
/// Plain memory, not arrays, so a lookup through a class's stored map never retains anything;
/// the owner calls `free()` once, in its deinit.
struct FlatMap64: @unchecked Sendable {
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Int32>
    private let mask: Int

    /// `pairs` keys must be nonzero and distinct (later duplicates are ignored).
    init(_ pairs: some Sequence<(UInt64, Int32)>) {
        let list = Array(pairs)
        var size = 16
        while size < list.count * 2 + 2 { size <<= 1 }
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: -1, count: size)
        mask = size - 1
        for (key, value) in list where key != 0 {
            var slot = FlatMap64.slot(key) & mask
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            if keys[slot] == key { continue }
            keys[slot] = key
            values[slot] = value
        }
    }

    func free() {
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    /// The value for `key`, or -1 (also for key 0).
    @inline(__always)
    func get(_ key: UInt64) -> Int32 {
        guard key != 0 else { return -1 }
        var slot = FlatMap64.slot(key) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return -1 }
            slot = (slot &+ 1) & mask
        }
    }
}
