import Foundation
import MMMCore
import Prometheus

/// The server's Prometheus metrics (`mmm_` prefix), in a registry of its own (no process-wide bootstrap, so several
/// servers can live in one test process).
public final class ServeMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let requestSeconds: DurationHistogram
    /// Run states this server counts (runs it accepted, by their latest state).
    static let runStates = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED"]
    private let runs: [String: Gauge]
    private let candidatesPerSecond: Gauge
    private let queueDepth: Gauge
    private let workersBusy: Gauge

    /// Registers every metric.
    public init() {
        requestSeconds = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "mmm", metricName: "http_request", unitName: "seconds", helpText: "HTTP request latency"),
            labels: [],
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)])
        var runs: [String: Gauge] = [:]
        for state in Self.runStates {
            runs[state] = registry.makeGauge(
                descriptor: MetricNameDescriptor(namespace: "mmm", metricName: "runs", unitName: "", helpText: "Runs this server accepted, by state"),
                labels: [("state", state)])
        }
        self.runs = runs
        candidatesPerSecond = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "mmm", metricName: "candidates", unitName: "per_second",
                helpText: "Candidate models evaluated per second, summed over running trainings"))
        queueDepth = registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "mmm", metricName: "queue_depth", unitName: "", helpText: "Runs waiting for a worker"))
        workersBusy = registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "mmm", metricName: "workers_busy", unitName: "", helpText: "Worker processes running"))
    }

    /// Counts one finished request.
    /// - Parameters:
    ///   - route: the matched route template (`/v1/runs/{id}`), or `unmatched`; never the raw path (unbounded labels).
    ///   - method: the HTTP method.
    ///   - status: the response status code.
    ///   - seconds: how long it took.
    func request(route: String, method: String, status: Int, seconds: Double) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "mmm", metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route and status"),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        requestSeconds.record(.nanoseconds(Int64(seconds * 1e9)))
    }

    /// Sets the run gauges from the launcher's counts.
    func runs(byState counts: [String: Int], queued: Int, running: Int, candidatesPerSecond rate: Double) {
        for state in Self.runStates { runs[state]?.set(Double(counts[state] ?? 0)) }
        queueDepth.set(Double(queued))
        workersBusy.set(Double(running))
        candidatesPerSecond.set(rate)
    }

    /// The Prometheus text exposition.
    public func text() -> String { registry.emitToString() }
}
