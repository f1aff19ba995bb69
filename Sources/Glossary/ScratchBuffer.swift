/// A growable buffer of plain values whose memory is kept between scans: the matcher's per-call
/// arrays without a heap allocation per call, reference counting or uniqueness checks.
/// Whoever owns it calls `free()` once; copies share the memory (it is a handle, not a value).
struct ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    @inline(__always)
    subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = element
        count += 1
    }

    /// Makes room for `n` elements in all (keeping the first `count`).
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if n > capacity { grow(toAtLeast: n) }
    }

    @inline(never)
    mutating func grow(toAtLeast minimum: Int) {
        var size = capacity * 2
        while size < minimum { size *= 2 }
        let new = UnsafeMutablePointer<Element>.allocate(capacity: size)
        new.initialize(from: base, count: count)
        base.deallocate()
        base = new
        capacity = size
    }
}
