import Foundation
import MMMCore
import MMMJobs
import MMMQueue

extension RunManager {
    /// Submits every waiting run to the queue at once (the queue's processor decides how many train together) and
    /// watches each: its `status.json` in the store as it changes, and the queue job, so a job the queue gave up
    /// on (attempts exhausted, cancelled, timed out) still ends with a terminal status.
    func startQueued(_ dispatch: QueueDispatch) {
        while !pending.isEmpty {
            let id = pending.removeFirst()
            guard var entry = entries[id], let submission = entry.submission else { continue }
            entry.submission = nil
            entries[id] = entry
            let staging = entry.stagingDirectory
            let hub = entry.hub
            let store = self.store
            tasks[id] = Task.detached {
                do {
                    try await dispatch.submit(id: id, submission: submission)
                } catch {
                    await self.finish(id, exitStatus: -1, launchError: nil, queueMessage: "the queue did not take the run: \(error)")
                    return
                }
                if let staging { try? FileManager.default.removeItem(at: staging) }
                var last: Data?
                while !Task.isCancelled {
                    let status = try? await store.openRun(id: id)?.read("status.json")
                    let state = status.flatMap { try? StrictJSON.decode(RunStatus.self, from: $0) }?.state
                    if let status, status != last {
                        last = status
                        if state?.isTerminal == true { break }
                        hub.send(.state(status))
                        await self.setState(id, state?.rawValue ?? "RUNNING")
                    }
                    if let job = try? await dispatch.job(id), job.state.isTerminal {
                        // The worker writes status.json before the job turns terminal: one more look, then finish.
                        let final = try? await store.openRun(id: id)?.read("status.json")
                        if final.flatMap({ try? StrictJSON.decode(RunStatus.self, from: $0) })?.state.isTerminal == true { break }
                        await self.finish(
                            id, exitStatus: 0, launchError: nil,
                            queueMessage: "the queue job ended \(job.state.rawValue)" + (job.message.map { ": \($0)" } ?? ""))
                        return
                    }
                    try? await Task.sleep(for: .seconds(dispatch.pollSeconds))
                }
                // Cancelled: this server is stopping; the run stays with the queue and its status in the store.
                if Task.isCancelled { return }
                await self.finish(id, exitStatus: 0, launchError: nil)
            }
        }
        updateMetrics()
    }

    private func setState(_ id: String, _ state: String) {
        entries[id]?.state = state
        if state == "RUNNING", entries[id]?.startedAt == nil { entries[id]?.startedAt = Date() }
        updateMetrics()
    }
}
