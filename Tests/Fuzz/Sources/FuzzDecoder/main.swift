import FuzzTargets

FuzzDriver.run { data, size in
    DecoderTarget.run(FuzzDriver.bytes(data, size))
    return 0
}
