import MMMCore

/// Reusable scratch memory for evaluating candidates of one design; create one per thread or task.
///
/// Not `Sendable` on purpose: a workspace is mutated by every evaluation and must never be shared between
/// concurrent evaluations. Its contents never influence results (the kernel cache is keyed by the exact
/// parameters), so evaluations are byte-identical whichever workspace, thread or order is used.
package final class EvaluationWorkspace {
    let rows: Int
    let windowRows: Int
    let columns: Int
    let mediaCount: Int
    /// Window design matrix, column-major (`columns × windowRows`); media columns hold the saturated total.
    let x: UnsafeMutableBufferPointer<Double>
    let yPred: UnsafeMutableBufferPointer<Double>
    /// Per media: adstocked series over all rows.
    let adstocked: UnsafeMutableBufferPointer<Double>
    /// Per media: lag kernel over all rows.
    let weights: UnsafeMutableBufferPointer<Double>
    /// Per media: carryover input over the window.
    let carryover: UnsafeMutableBufferPointer<Double>
    /// Per media: saturated carryover over the window.
    let saturatedCarryover: UnsafeMutableBufferPointer<Double>
    let lower: UnsafeMutableBufferPointer<Double>
    let upper: UnsafeMutableBufferPointer<Double>
    let coefficients: UnsafeMutableBufferPointer<Double>
    let ridge: RidgeScratch
    /// Which (type, shape, scale) each media slot's kernel holds, and its effective length.
    var kernelKeys: [KernelKey?]
    var kernelLengths: [Int]
    /// Scalars of the last evaluation, per media.
    var mediaScalars: [MediaTransformScalars]

    struct KernelKey: Equatable {
        var adstock: AdstockType
        var shape: Double
        var scale: Double
    }

    /// Allocates a workspace sized for an evaluator's design.
    /// - Parameter evaluator: The evaluator this workspace will serve.
    package init(for evaluator: CandidateEvaluator) {
        rows = evaluator.rowCount
        windowRows = evaluator.windowLength
        columns = evaluator.columnCount
        mediaCount = evaluator.mediaCount
        x = .allocate(capacity: Swift.max(columns * windowRows, 1))
        yPred = .allocate(capacity: Swift.max(windowRows, 1))
        adstocked = .allocate(capacity: Swift.max(mediaCount * rows, 1))
        weights = .allocate(capacity: Swift.max(mediaCount * rows, 1))
        carryover = .allocate(capacity: Swift.max(mediaCount * windowRows, 1))
        saturatedCarryover = .allocate(capacity: Swift.max(mediaCount * windowRows, 1))
        lower = .allocate(capacity: Swift.max(columns, 1))
        upper = .allocate(capacity: Swift.max(columns, 1))
        coefficients = .allocate(capacity: Swift.max(columns, 1))
        ridge = RidgeScratch(columns: columns, rows: windowRows)
        kernelKeys = Array(repeating: nil, count: mediaCount)
        kernelLengths = Array(repeating: 0, count: mediaCount)
        mediaScalars = Array(repeating: MediaTransformScalars(inflexion: 0, inflation: 0, firstWeight: 1), count: mediaCount)
        for buffer in [x, yPred, adstocked, weights, carryover, saturatedCarryover, lower, upper, coefficients] {
            buffer.initialize(repeating: 0)
        }
    }

    deinit {
        for buffer in [x, yPred, adstocked, weights, carryover, saturatedCarryover, lower, upper, coefficients] {
            buffer.deallocate()
        }
        ridge.deallocate()
    }

    /// Whether this workspace has the shape the evaluator needs.
    func fits(_ evaluator: CandidateEvaluator) -> Bool {
        rows == evaluator.rowCount && windowRows == evaluator.windowLength && columns == evaluator.columnCount
            && mediaCount == evaluator.mediaCount
    }

    /// Slice `index` of a buffer holding `count`-long blocks.
    @inline(__always)
    func block(_ buffer: UnsafeMutableBufferPointer<Double>, _ index: Int, _ count: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(rebasing: buffer[(index * count)..<((index + 1) * count)])
    }
}
