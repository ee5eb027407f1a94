import Foundation

/// Scratch vectors one level of the tree recursion needs (Stan allocates them per call; we keep one set per depth,
/// since two frames at the same depth are never alive together).
final class TreeLevel {
    var pSharpInitEnd: [Double], pInitEnd: [Double], rhoInit: [Double]
    var pFinalBegin: [Double], pSharpFinalBegin: [Double], rhoFinal: [Double]
    let proposeFinal: PhasePoint

    init(dimension n: Int) {
        let zeros = [Double](repeating: 0, count: n)
        (pSharpInitEnd, pInitEnd, rhoInit) = (zeros, zeros, zeros)
        (pFinalBegin, pSharpFinalBegin, rhoFinal) = (zeros, zeros, zeros)
        proposeFinal = PhasePoint(dimension: n)
    }
}

extension NUTSKernel {
    /// Stan's `build_tree`: integrates 2^depth steps from `z` in direction `sign`, samples a proposal from the new
    /// subtree (multinomially, uniform within it), and reports whether the subtree is free of U-turns and divergences.
    func buildTree(
        _ depth: Int, propose: PhasePoint, pSharpBegin: inout [Double], pSharpEnd: inout [Double], rho: inout [Double],
        pBegin: inout [Double], pEnd: inout [Double], h0: Double, sign: Double, leapfrogs: inout Int,
        logSumWeight: inout Double, sumMetropolis: inout Double
    ) -> Bool {
        if depth == 0 {
            leapfrog(z, sign * stepSize)
            leapfrogs += 1
            let h = hamiltonian(z)
            if h - h0 > maxDeltaH { divergent = true }
            logSumWeight = SpecialFunctions.logSumExp(logSumWeight, h0 - h)
            sumMetropolis += h0 - h > 0 ? 1 : Foundation.exp(h0 - h)
            propose.assign(from: z)
            Vector.product(&pSharpBegin, inverseMetric, z.p)
            Vector.assign(&pSharpEnd, pSharpBegin)
            Vector.add(&rho, z.p)
            Vector.assign(&pBegin, z.p)
            Vector.assign(&pEnd, z.p)
            return !divergent
        }
        let level = levels[depth]
        // The initial subtree.
        var logSumWeightInit = -Double.infinity
        Vector.zero(&level.rhoInit)
        let validInit = buildTree(
            depth - 1, propose: propose, pSharpBegin: &pSharpBegin, pSharpEnd: &level.pSharpInitEnd, rho: &level.rhoInit,
            pBegin: &pBegin, pEnd: &level.pInitEnd, h0: h0, sign: sign, leapfrogs: &leapfrogs,
            logSumWeight: &logSumWeightInit, sumMetropolis: &sumMetropolis)
        if !validInit { return false }
        // The final subtree.
        let proposeFinal = level.proposeFinal
        proposeFinal.assign(from: z)
        var logSumWeightFinal = -Double.infinity
        Vector.zero(&level.rhoFinal)
        let validFinal = buildTree(
            depth - 1, propose: proposeFinal, pSharpBegin: &level.pSharpFinalBegin, pSharpEnd: &pSharpEnd,
            rho: &level.rhoFinal, pBegin: &level.pFinalBegin, pEnd: &pEnd, h0: h0, sign: sign, leapfrogs: &leapfrogs,
            logSumWeight: &logSumWeightFinal, sumMetropolis: &sumMetropolis)
        if !validFinal { return false }
        // Multinomial choice between the two halves.
        let logSumWeightSubtree = SpecialFunctions.logSumExp(logSumWeightInit, logSumWeightFinal)
        logSumWeight = SpecialFunctions.logSumExp(logSumWeight, logSumWeightSubtree)
        if logSumWeightFinal > logSumWeightSubtree || rng.uniform() < Foundation.exp(logSumWeightFinal - logSumWeightSubtree) {
            propose.assign(from: proposeFinal)
        }
        // ρ of the subtree = ρ_init + ρ_final; the caller's ρ accumulates it.
        Vector.add(&rho, level.rhoInit)
        Vector.add(&rho, level.rhoFinal)
        var persist = criterion(pSharpBegin, pSharpEnd, level.rhoInit, plus: level.rhoFinal)
        persist = persist && criterion(pSharpBegin, level.pSharpFinalBegin, level.rhoInit, plus: level.pFinalBegin)
        persist = persist && criterion(level.pSharpInitEnd, pSharpEnd, level.rhoFinal, plus: level.pInitEnd)
        return persist
    }
}
