import Foundation

// The smallest Swift program that starts Foundation: it reads the arguments and the
// environment through Foundation and writes one line, as a command does before it works.
let info = ProcessInfo.processInfo
let line = "\(info.arguments.count) \(info.environment.count)\n"
FileHandle.standardOutput.write(Data(line.utf8))
