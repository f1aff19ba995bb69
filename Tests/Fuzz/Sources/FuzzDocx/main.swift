import FuzzTargets

FuzzDriver.run { data, size in
    DocxTarget.run(FuzzDriver.bytes(data, size))
    return 0
}
