/// Preallocated buffers for one ridge fit with at most `columns` regressors and `rows` training rows.
///
/// Owned by exactly one thread (a workspace or a one-off call); `deallocate()` must be called once.
struct RidgeScratch {
    let columnCapacity: Int
    let rowCapacity: Int
    /// Standardised included columns, column-major with stride `rowCapacity`.
    let standardized: UnsafeMutablePointer<Double>
    /// Response (centred when an intercept is fitted).
    let response: UnsafeMutablePointer<Double>
    let mean: UnsafeMutablePointer<Double>
    let sd: UnsafeMutablePointer<Double>
    let penalty: UnsafeMutablePointer<Double>
    /// Position in the original column list of each included column.
    let included: UnsafeMutablePointer<Int>
    /// Hessian of the standardised problem, row-major `columnCapacity × columnCapacity`.
    let hessian: UnsafeMutablePointer<Double>
    let gradientTarget: UnsafeMutablePointer<Double>
    let lower: UnsafeMutablePointer<Double>
    let upper: UnsafeMutablePointer<Double>
    let beta: UnsafeMutablePointer<Double>
    let sub: UnsafeMutablePointer<Double>
    let rhs: UnsafeMutablePointer<Double>
    let step: UnsafeMutablePointer<Double>
    let work: UnsafeMutablePointer<Double>
    let freeList: UnsafeMutablePointer<Int>
    /// glmnet's `mm`: 1-based position in the active list, 0 if never active.
    let activePosition: UnsafeMutablePointer<Int>
    let state: UnsafeMutablePointer<UInt8>

    init(columns: Int, rows: Int) {
        let p = Swift.max(columns, 1)
        let n = Swift.max(rows, 1)
        columnCapacity = p
        rowCapacity = n
        standardized = .allocate(capacity: p * n)
        response = .allocate(capacity: n)
        mean = .allocate(capacity: p)
        sd = .allocate(capacity: p)
        penalty = .allocate(capacity: p)
        included = .allocate(capacity: p)
        hessian = .allocate(capacity: p * p)
        gradientTarget = .allocate(capacity: p)
        lower = .allocate(capacity: p)
        upper = .allocate(capacity: p)
        beta = .allocate(capacity: p)
        sub = .allocate(capacity: p * p)
        rhs = .allocate(capacity: p)
        step = .allocate(capacity: p)
        work = .allocate(capacity: p)
        freeList = .allocate(capacity: p)
        activePosition = .allocate(capacity: p)
        state = .allocate(capacity: p)
    }

    func deallocate() {
        for pointer in [
            standardized, response, mean, sd, penalty, hessian, gradientTarget, lower, upper, beta, sub, rhs, step,
            work,
        ] {
            pointer.deallocate()
        }
        included.deallocate()
        freeList.deallocate()
        activePosition.deallocate()
        state.deallocate()
    }
}
