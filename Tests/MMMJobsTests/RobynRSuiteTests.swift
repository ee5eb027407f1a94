import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore
@testable import MMMJobs

/// Runs the R side's testthat suite (r/tests/testthat) when R is installed; says SKIPPED loudly otherwise.
@Suite struct RobynRSuiteTests {
    @Test(.timeLimit(.minutes(15))) func theRTestSuitePasses() async throws {
        guard let rscript = RobynFixtures.realRscript else {
            FileHandle.standardError.write(
                Data("SKIPPED: theRTestSuitePasses: no Rscript on PATH (Debian: apt-get install r-base-core r-cran-jsonlite r-cran-testthat)\n".utf8))
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let check = "quit(status = if (requireNamespace('testthat', quietly = TRUE) && requireNamespace('jsonlite', quietly = TRUE)) 0 else 3)"
        let available = try await ChildProcess.run(rscript, ["-e", check], environment: environment) { _, _ in }
        guard available == 0 else {
            FileHandle.standardError.write(
                Data("SKIPPED: theRTestSuitePasses: R lacks testthat or jsonlite (Debian: apt-get install r-cran-testthat r-cran-jsonlite)\n".utf8))
            return
        }
        let directory = TrainingFixtures.repoRoot.appendingPathComponent("r/tests/testthat").path
        let output = Locked<[String]>([])
        let status = try await ChildProcess.run(
            rscript, ["-e", "testthat::test_dir('\(directory)', stop_on_failure = TRUE)"], environment: environment
        ) { _, line in output.withLock { $0.append(line) } }
        let lines = output.withLock { $0 }
        // The R suite's own SKIPPED lines (Robyn missing) stay visible.
        for line in lines where line.hasPrefix("SKIPPED:") { FileHandle.standardError.write(Data("R suite: \(line)\n".utf8)) }
        let results = lines.last { $0.contains("[ FAIL") } ?? "no testthat summary"
        #expect(status == 0, "R suite failed: \(results)\n\(lines.suffix(60).joined(separator: "\n"))")
        #expect(results.contains("[ FAIL 0 |"), "\(results)")
    }
}
