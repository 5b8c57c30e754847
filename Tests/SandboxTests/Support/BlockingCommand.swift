import Dispatch
import Foundation
import TestSupport

/// Runs a blocking command on a Dispatch thread, so the cooperative threads stay free for the server under test
/// (the machine may have only two of them).
func runCommand(in folder: URL? = nil, _ arguments: [String], timeout: Double = 60) async throws -> CommandResult {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result {
                try Command.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, currentDirectory: folder, timeout: timeout)
            })
        }
    }
}
