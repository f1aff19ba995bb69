import FuzzTargets

FuzzDriver.run { data, size in
    SegmenterTarget.run(FuzzDriver.bytes(data, size))
    return 0
}
