import Foundation

/// Runs a program to completion and captures what it printed.
public struct ProcessOutput {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

public enum ProcessRunner {
    /// `environment`, when given, replaces the test's own environment for the child.
    public static func run(_ executable: String, _ arguments: [String], currentDirectory: String? = nil,
                           input: String? = nil, environment: [String: String]? = nil) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inputPipe.fileHandleForWriting.close()
        // Read both pipes before waiting so a chatty child cannot fill a pipe and block.
        let errorData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus,
                             standardOutput: String(decoding: outputData, as: UTF8.self),
                             standardError: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Runs `khet` with `arguments`.
    public static func khet(_ arguments: [String], currentDirectory: String? = nil) throws -> ProcessOutput {
        try run(Repository.khetBinary, arguments, currentDirectory: currentDirectory)
    }
}

/// Holds what the background reader collected; the DispatchGroup orders the write before the read.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
