import FuzzTargets

FuzzDriver.run { data, size in
    GlossaryTarget.run(FuzzDriver.bytes(data, size))
    return 0
}
