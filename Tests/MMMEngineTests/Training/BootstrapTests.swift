import Foundation
import Testing

@testable import MMMCore
@testable import MMMEngine

@Suite struct StudentTTests {
    /// Reference values from R's `qt`.
    @Test(arguments: [
        (0.975, 1.0, 12.706204736174698), (0.975, 5.0, 2.5705818356363146), (0.975, 30.0, 2.0422724563012373),
        (0.025, 10.0, -2.2281388519862744), (0.5, 3.0, 0.0), (0.9, 2.0, 1.8856180831641267),
    ])
    func quantilesMatchR(p: Double, degrees: Double, expected: Double) {
        #expect(abs(StudentT.quantile(p, degrees: degrees) - expected) < 1e-9)
    }

    @Test func undefinedForZeroDegrees() {
        #expect(StudentT.quantile(0.975, degrees: 0).isNaN)
    }
}

@Suite struct BootstrapTests {
    @Test func intervalsBracketTheMeanAndAreDeterministic() async throws {
        let options = TrainingOptions(iterations: 300, trials: 2, seed: 5, threads: 2)
        let a = try await Trainer.train(try TrainingFixtures.demoState(), options: options)
        let b = try await Trainer.train(try TrainingFixtures.demoState(), options: options)
        #expect(a.bootstrap == b.bootstrap)
        #expect(!a.bootstrap.intervals.isEmpty)
        for cluster in 1...a.selection.clusterCount {
            let members = a.selection.paretoIndices.filter { a.selection.clusters[$0] == cluster }
            guard let channels = a.bootstrap.intervals[cluster] else {
                #expect(members.count < 3, "only clusters with fewer than 3 models lack intervals")
                continue
            }
            #expect(members.count >= 3)
            #expect(Set(channels.keys) == Set(a.model.design.paidMediaNames))
            for (name, interval) in channels {
                let rois = members.compactMap { a.records[$0].result?.media.first { $0.name == name }?.roiTotal }
                let sampleMean = rois.reduce(0, +) / Double(rois.count)
                #expect(abs(interval.mean - sampleMean) <= 4 * interval.standardError + 1e-12)
                #expect(interval.low <= sampleMean && sampleMean <= interval.high && interval.low >= 0)
                if interval.low > 0 {
                    #expect(abs((interval.low + interval.high) / 2 - sampleMean) < 1e-9 * max(1, abs(sampleMean)), "centred on the sample mean")
                }
            }
        }
    }
}
